/**
 * The compliance export (issue 5 §6): one JSON file with a workspace's events of a date range,
 * a receipt for each (inclusion proof against one signed checkpoint), the checkpoints signed in
 * the range with consistency proofs chaining them to that checkpoint, and the public key — so
 * an auditor can check all of it with `brandsafe verify export.json --key log-key.pem` and
 * nothing else.
 */
import {
  assembleProof,
  buildReceipt,
  consistencyProof,
  inclusionPlan,
  planNodeIds,
  toHex,
  type CheckpointJson,
  type Receipt,
} from '@brandsafe/audit';
import { latestAuditTreeHead, listAuditLogEntries, listAuditTreeHeads, type AuditDb, type AuditLogEntry, type AuditTreeHead } from '@brandsafe/db';
import { leafEvent } from './events.js';
import { headJson } from './integrator.js';
import type { AuditLogService } from './service.js';
import { dbHashSource } from './store.js';

export const EXPORT_FORMAT = 'brandsafe-audit-export/v1';
/** Most events one export holds; a larger range must be split. */
export const EXPORT_MAX_EVENTS = 50_000;
/** Most intermediate checkpoints listed (evenly thinned); the final one is always included. */
const MAX_CHECKPOINTS = 50;

export interface ComplianceExport {
  format: typeof EXPORT_FORMAT;
  origin: string;
  logId: string;
  /** SPKI PEM of the log key; `brandsafe verify --key` pins it. */
  publicKey: string;
  verifierKey: string;
  workspaceId: string;
  range: { from: string; to: string };
  generatedAt: string;
  /** The checkpoint every receipt proves inclusion into (also the last of `checkpoints`). */
  checkpoint: CheckpointJson;
  /** Checkpoints signed in the range, oldest first, ending with `checkpoint`. */
  checkpoints: CheckpointJson[];
  /** RFC 9162 §2.1.4 proofs between consecutive `checkpoints` (hex). */
  consistency: { first: number; second: number; proof: string[] }[];
  receipts: Receipt[];
}

export class ExportTooLargeError extends Error {
  override readonly name = 'ExportTooLargeError';
}

function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

/**
 * Builds the export for the workspace of `scoped` (a tenant transaction opener). Events not yet
 * in a signed head are integrated and signed first, so every event of the range has a receipt.
 */
export async function buildComplianceExport(
  service: AuditLogService,
  scoped: <T>(fn: (trx: AuditDb) => Promise<T>) => Promise<T>,
  workspaceId: string,
  range: { from: Date; to: Date },
): Promise<ComplianceExport> {
  await service.integrator.integrate({ sign: 'always' });
  return scoped(async (trx) => {
    const entries: AuditLogEntry[] = [];
    for (let afterSeq: string | undefined; ; ) {
      const page = await listAuditLogEntries(trx, { from: range.from, to: range.to, limit: 1000, ...(afterSeq ? { afterSeq } : {}) });
      entries.push(...page);
      if (entries.length > EXPORT_MAX_EVENTS) throw new ExportTooLargeError(`the range holds more than ${EXPORT_MAX_EVENTS} events; export a shorter range`);
      if (page.length < 1000) break;
      afterSeq = page.at(-1)!.event.seq;
    }
    const head = await latestAuditTreeHead(trx, service.signer.logId);
    if (!head) throw new Error('no signed tree head after signing on demand');
    const integrated = entries.filter((e): e is AuditLogEntry & { leafIndex: number } => e.leafIndex !== null && e.leafIndex < head.treeSize);
    const receipts = await receiptsFor(trx, integrated, head);
    const signed = await listAuditTreeHeads(trx, {
      fromSeconds: Math.floor(range.from.getTime() / 1000),
      toSeconds: Math.ceil(range.to.getTime() / 1000),
      logId: service.signer.logId,
    });
    const chain = [...thin(signed.filter((h) => h.treeSize < head.treeSize), MAX_CHECKPOINTS), head];
    const source = dbHashSource(trx);
    const consistency = [];
    for (let i = 1; i < chain.length; i += 1) {
      const first = chain[i - 1]!.treeSize;
      const second = chain[i]!.treeSize;
      consistency.push({ first, second, proof: (await consistencyProof(source, first, second)).map(toHex) });
    }
    return {
      format: EXPORT_FORMAT,
      origin: service.signer.origin,
      logId: service.signer.logId,
      publicKey: service.publicKeyPem,
      verifierKey: service.verifierKey,
      workspaceId,
      range: { from: range.from.toISOString(), to: range.to.toISOString() },
      generatedAt: new Date().toISOString(),
      checkpoint: headJson(head),
      checkpoints: chain.map(headJson),
      consistency,
      receipts,
    };
  });
}

/** Receipts for many leaves, reading the proof nodes of 256 leaves per query. */
async function receiptsFor(trx: AuditDb, entries: readonly (AuditLogEntry & { leafIndex: number })[], head: AuditTreeHead): Promise<Receipt[]> {
  const checkpoint = headJson(head);
  const source = dbHashSource(trx);
  const out: Receipt[] = [];
  for (let i = 0; i < entries.length; i += 256) {
    const group = entries.slice(i, i + 256);
    const plans = group.map((e) => inclusionPlan(e.leafIndex, head.treeSize));
    const ids = plans.flatMap(planNodeIds);
    const hashes = ids.length === 0 ? [] : await source.nodeHashes(ids);
    let offset = 0;
    group.forEach((e, j) => {
      const count = planNodeIds(plans[j]!).length;
      const proof = assembleProof(plans[j]!, hashes.slice(offset, offset + count));
      offset += count;
      out.push(buildReceipt({ event: leafEvent(e.event), leafIndex: e.leafIndex, inclusionProof: proof, checkpoint }));
    });
  }
  return out;
}
