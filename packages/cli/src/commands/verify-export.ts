/**
 * Offline verification of a compliance export (issue 5 §6): every receipt (verifyReceipt), every
 * checkpoint (signed note + timestamp, and its JSON fields), the consistency proofs chaining the
 * checkpoints (RFC 9162 §2.1.4), that every receipt proves into the export's final checkpoint,
 * that the events belong to the exported workspace and range, and that the embedded key is the
 * pinned one. Each failure names the item and the check.
 */
import type { KeyObject } from 'node:crypto';
import {
  exportPublicKeyPem,
  fromHex,
  isAuditError,
  logId,
  toBase64,
  toHex,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  verifyReceipt,
  type Checkpoint,
} from '@brandsafe/audit';

export const EXPORT_FORMAT = 'brandsafe-audit-export/v1';

export interface VerifyFailure {
  /** What was checked: `export`, `checkpoint 2`, `receipt 14 (event …)`, `consistency 1→2`. */
  where: string;
  check: string;
  message: string;
}

export interface ExportSummary {
  origin: string;
  treeSize: number;
  receipts: number;
  checkpoints: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `value` claims to be a compliance export. */
export function isExport(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.format === EXPORT_FORMAT;
}

/** Verifies a checkpoint JSON object; returns its body or pushes failures. */
function checkCheckpoint(cp: unknown, key: KeyObject, origin: string | undefined, where: string, failures: VerifyFailure[]): Checkpoint | undefined {
  if (!isRecord(cp) || typeof cp.note !== 'string') {
    failures.push({ where, check: 'checkpoint-format', message: 'not a checkpoint object with a note' });
    return undefined;
  }
  try {
    const v = verifyCheckpoint(cp.note, key, origin);
    const expect: [string, unknown, unknown][] = [
      ['treeSize', cp.treeSize, v.checkpoint.treeSize],
      ['rootHash', cp.rootHash, toHex(v.checkpoint.rootHash)],
      ['timestamp', cp.timestamp, v.timestamp],
      ['signature', cp.signature, toBase64(v.signature)],
      ['logId', cp.logId, logId(key)],
    ];
    for (const [field, claimed, signed] of expect) {
      if (claimed !== signed) failures.push({ where, check: 'checkpoint-body', message: `${field} ${JSON.stringify(claimed)} differs from the signed ${JSON.stringify(signed)}` });
    }
    return v.checkpoint;
  } catch (err) {
    failures.push({ where, check: 'checkpoint-signature', message: (err as Error).message });
    return undefined;
  }
}

/**
 * Verifies an export with `key` (the pinned key; the export's own key when none is pinned).
 * Returns the failures (empty when everything holds) and a summary.
 */
export function verifyExport(x: Record<string, unknown>, key: KeyObject, pinned: boolean): { failures: VerifyFailure[]; summary: ExportSummary } {
  const failures: VerifyFailure[] = [];
  const fail = (where: string, check: string, message: string) => failures.push({ where, check, message });
  const origin = typeof x.origin === 'string' ? x.origin : undefined;
  if (pinned && typeof x.publicKey === 'string' && x.publicKey.trim() !== exportPublicKeyPem(key).trim()) {
    fail('export', 'key', 'the export embeds a different public key than --key');
  }
  const receipts = Array.isArray(x.receipts) ? x.receipts : (fail('export', 'export-format', 'receipts must be an array'), []);
  const checkpoints = Array.isArray(x.checkpoints) ? x.checkpoints : (fail('export', 'export-format', 'checkpoints must be an array'), []);
  const consistency = Array.isArray(x.consistency) ? x.consistency : (fail('export', 'export-format', 'consistency must be an array'), []);
  const final = checkCheckpoint(x.checkpoint, key, origin, 'checkpoint', failures);
  const finalNote = isRecord(x.checkpoint) ? x.checkpoint.note : undefined;

  const chain = checkpoints.map((cp, i) => checkCheckpoint(cp, key, origin, `checkpoint ${i + 1}`, failures));
  if (checkpoints.length === 0 || !isRecord(checkpoints.at(-1)) || (checkpoints.at(-1) as Record<string, unknown>).note !== finalNote) {
    fail('export', 'checkpoint-chain', 'the last of checkpoints must be the export checkpoint');
  }
  if (consistency.length !== Math.max(0, checkpoints.length - 1)) {
    fail('export', 'consistency', `expected ${Math.max(0, checkpoints.length - 1)} consistency proofs, found ${consistency.length}`);
  }
  for (let i = 1; i < chain.length; i += 1) {
    const older = chain[i - 1];
    const newer = chain[i];
    const entry = consistency[i - 1];
    const where = `consistency ${i}→${i + 1}`;
    if (!older || !newer || !isRecord(entry)) continue;
    if (entry.first !== older.treeSize || entry.second !== newer.treeSize || !Array.isArray(entry.proof)) {
      fail(where, 'consistency', `proof is for sizes ${String(entry.first)}→${String(entry.second)}, checkpoints are ${older.treeSize}→${newer.treeSize}`);
      continue;
    }
    try {
      verifyCheckpointConsistency(older, newer, entry.proof.map((h, j) => fromHex(String(h), 32, `proof[${j}]`)));
    } catch (err) {
      fail(where, isAuditError(err, 'CHECKPOINT_ROLLBACK') ? 'rollback' : isAuditError(err, 'CHECKPOINT_FORK') ? 'fork' : 'consistency', (err as Error).message);
    }
  }

  const range = isRecord(x.range) ? x.range : {};
  const from = typeof range.from === 'string' ? range.from : undefined;
  const to = typeof range.to === 'string' ? range.to : undefined;
  receipts.forEach((r, i) => {
    const event = isRecord(r) && isRecord(r.event) ? r.event : {};
    const where = `receipt ${i + 1}${typeof event.id === 'string' ? ` (event ${event.id})` : ''}`;
    const v = verifyReceipt(r, key, origin === undefined ? {} : { origin });
    if (!v.ok) for (const f of v.failures) fail(where, f.check, f.message);
    if (isRecord(r) && isRecord(r.checkpoint) && r.checkpoint.note !== finalNote) fail(where, 'checkpoint-chain', 'the receipt is not against the export checkpoint');
    if (typeof x.workspaceId === 'string' && event.workspaceId !== x.workspaceId) fail(where, 'scope', `the event belongs to workspace ${String(event.workspaceId)}, not ${x.workspaceId}`);
    const at = typeof event.at === 'string' ? Date.parse(event.at) : NaN;
    if (from && to && !(at >= Date.parse(from) && at < Date.parse(to))) fail(where, 'range', `the event time ${String(event.at)} is outside ${from} – ${to}`);
  });
  return { failures, summary: { origin: origin ?? '?', treeSize: final?.treeSize ?? 0, receipts: receipts.length, checkpoints: checkpoints.length } };
}
