/**
 * Receipts: everything needed to check, offline and with the log's public key alone, that an
 * audit event is in the log — the event, its canonical leaf bytes, the inclusion proof, and a
 * signed checkpoint covering it. verifyReceipt runs every check and reports each one that failed,
 * so `brandsafe verify` can say exactly what is wrong with a receipt rather than "invalid".
 */
import type { KeyObject } from 'node:crypto';
import { bytesEqual, fromBase64, fromHex, toBase64, toHex } from './bytes.js';
import { canonicalBytes, type JsonValue } from './canonical.js';
import { verifyCheckpointSignature, verifyCheckpointTimestamp, type SignedCheckpoint } from './checkpoint.js';
import { AuditError, type AuditErrorCode } from './error.js';
import { HASH_SIZE, hashLeaf } from './hash.js';
import { importPublicKeyPem, logId } from './keys.js';
import { verifyInclusion } from './verify.js';

/** A checkpoint as the API publishes it (GET /api/v1/audit/checkpoint). */
export interface CheckpointJson {
  readonly treeSize: number;
  /** Lower-case hex of the 32-byte root hash. */
  readonly rootHash: string;
  /** POSIX seconds of signing, bound by the note's timestamped cosignature line. */
  readonly timestamp: number;
  /** Hex SHA-256 of the log key's DER SubjectPublicKeyInfo (RFC 6962 §3.2). */
  readonly logId: string;
  /** Base64 of the raw 64-byte Ed25519 signature over the checkpoint body. */
  readonly signature: string;
  /** The complete C2SP signed note. */
  readonly note: string;
}

/** A receipt as the API serves it (GET /api/v1/audit/receipts/{eventId}). */
export interface Receipt {
  readonly event: JsonValue;
  /** Base64 of the event's RFC 8785 canonical bytes: the leaf input. */
  readonly leaf: string;
  readonly leafIndex: number;
  /** Lower-case hex of SHA-256(0x00 || leaf). */
  readonly leafHash: string;
  /** Lower-case hex hashes of the inclusion proof, bottom first (RFC 9162 §2.1.3). */
  readonly inclusionProof: readonly string[];
  readonly checkpoint: CheckpointJson;
}

/** What a failed check was about. */
export type ReceiptCheck =
  | 'key'
  | 'receipt-format'
  | 'canonical-bytes'
  | 'leaf-hash'
  | 'inclusion-proof'
  | 'checkpoint-signature'
  | 'checkpoint-body'
  | 'checkpoint-timestamp'
  | 'log-id';

export interface ReceiptFailure {
  readonly check: ReceiptCheck;
  readonly message: string;
}

export type ReceiptVerification =
  | { readonly ok: true; readonly origin: string; readonly leafIndex: number; readonly treeSize: number; readonly timestamp: number }
  | { readonly ok: false; readonly failures: readonly ReceiptFailure[] };

/** The JSON form of a signed checkpoint. */
export function checkpointJson(signed: SignedCheckpoint, publicKey: KeyObject): CheckpointJson {
  return {
    treeSize: signed.checkpoint.treeSize,
    rootHash: toHex(signed.checkpoint.rootHash),
    timestamp: signed.timestamp,
    logId: logId(publicKey),
    signature: toBase64(signed.signature),
    note: signed.note,
  };
}

/** Assembles a receipt from an event, its index, its inclusion proof and a covering checkpoint. */
export function buildReceipt(input: {
  event: JsonValue;
  leafIndex: number;
  inclusionProof: readonly Uint8Array[];
  checkpoint: CheckpointJson;
}): Receipt {
  const leaf = canonicalBytes(input.event);
  if (!Number.isSafeInteger(input.leafIndex) || input.leafIndex < 0 || input.leafIndex >= input.checkpoint.treeSize) {
    throw new AuditError('INVALID_ARGUMENT', `leaf index ${input.leafIndex} is not covered by a checkpoint of size ${input.checkpoint.treeSize}`);
  }
  return {
    event: input.event,
    leaf: toBase64(leaf),
    leafIndex: input.leafIndex,
    leafHash: toHex(hashLeaf(leaf)),
    inclusionProof: input.inclusionProof.map(toHex),
    checkpoint: input.checkpoint,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field-by-field shape check of untrusted receipt JSON. */
function shapeFailures(receipt: unknown): ReceiptFailure[] {
  if (!isRecord(receipt)) return [{ check: 'receipt-format', message: 'receipt is not a JSON object' }];
  const out: ReceiptFailure[] = [];
  const need = (ok: boolean, message: string) => ok || out.push({ check: 'receipt-format', message });
  need('event' in receipt, 'receipt.event is missing');
  need(typeof receipt.leaf === 'string', 'receipt.leaf must be a base64 string');
  need(Number.isSafeInteger(receipt.leafIndex) && (receipt.leafIndex as number) >= 0, 'receipt.leafIndex must be a non-negative integer');
  need(typeof receipt.leafHash === 'string', 'receipt.leafHash must be a hex string');
  need(Array.isArray(receipt.inclusionProof) && receipt.inclusionProof.every((h) => typeof h === 'string'), 'receipt.inclusionProof must be an array of hex strings');
  const cp = receipt.checkpoint;
  if (!isRecord(cp)) {
    out.push({ check: 'receipt-format', message: 'receipt.checkpoint must be an object' });
    return out;
  }
  need(Number.isSafeInteger(cp.treeSize) && (cp.treeSize as number) >= 0, 'checkpoint.treeSize must be a non-negative integer');
  need(typeof cp.rootHash === 'string', 'checkpoint.rootHash must be a hex string');
  need(Number.isSafeInteger(cp.timestamp), 'checkpoint.timestamp must be an integer (POSIX seconds)');
  need(typeof cp.logId === 'string', 'checkpoint.logId must be a string');
  need(typeof cp.signature === 'string', 'checkpoint.signature must be a base64 string');
  need(typeof cp.note === 'string', 'checkpoint.note must be a string');
  return out;
}

/** Runs one check; a thrown error becomes a failure of `check` (or of a more precise one by code). */
function attempt<T>(
  failures: ReceiptFailure[],
  check: ReceiptCheck,
  run: () => T,
  byCode: Partial<Record<AuditErrorCode, ReceiptCheck>> = {},
): T | undefined {
  try {
    return run();
  } catch (error) {
    const precise = error instanceof AuditError ? byCode[error.code] : undefined;
    failures.push({ check: precise ?? check, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/**
 * Verifies a receipt offline: the leaf bytes are the canonical form of the event, the leaf hash
 * is theirs, the inclusion proof leads from that leaf to the checkpoint's root at its size, the
 * checkpoint note is signed (and timestamped) by the log key, and the JSON fields of the
 * checkpoint say what the signed note says. Every failing check is reported.
 * @param publicKey the log's Ed25519 public key, as SPKI PEM or a KeyObject.
 * @param options.origin the log origin to insist on (default: whatever the note names).
 */
export function verifyReceipt(receipt: unknown, publicKey: string | KeyObject, options: { origin?: string } = {}): ReceiptVerification {
  const failures: ReceiptFailure[] = [];
  const key = attempt(failures, 'key', () => (typeof publicKey === 'string' ? importPublicKeyPem(publicKey) : publicKey));
  failures.push(...shapeFailures(receipt));
  if (key === undefined || failures.length > 0) return { ok: false, failures };
  const r = receipt as Receipt;
  const cp = r.checkpoint;

  const leaf = attempt(failures, 'receipt-format', () => fromBase64(r.leaf, undefined, 'receipt.leaf'));
  if (leaf !== undefined) {
    const canonical = attempt(failures, 'canonical-bytes', () => canonicalBytes(r.event));
    if (canonical !== undefined && !bytesEqual(canonical, leaf)) {
      failures.push({ check: 'canonical-bytes', message: `the event's RFC 8785 canonical bytes differ from the leaf (${describeDifference(canonical, leaf)})` });
    }
  }
  const leafHash = leaf === undefined ? undefined : hashLeaf(leaf);
  const claimedLeafHash = attempt(failures, 'receipt-format', () => fromHex(r.leafHash, HASH_SIZE, 'receipt.leafHash'));
  if (leafHash !== undefined && claimedLeafHash !== undefined && !bytesEqual(leafHash, claimedLeafHash)) {
    failures.push({ check: 'leaf-hash', message: `leafHash ${r.leafHash} is not SHA-256(0x00 || leaf) = ${toHex(leafHash)}` });
  }

  const verified = attempt(failures, 'checkpoint-signature', () => verifyCheckpointSignature(cp.note, key, options.origin), {
    CHECKPOINT_MALFORMED: 'checkpoint-body',
  });
  if (verified !== undefined) {
    const timestamp = attempt(failures, 'checkpoint-timestamp', () => verifyCheckpointTimestamp(verified, key));
    if (timestamp !== undefined && cp.timestamp !== timestamp) {
      failures.push({ check: 'checkpoint-timestamp', message: `checkpoint.timestamp ${cp.timestamp} differs from the signed ${timestamp}` });
    }
    const body = verified.checkpoint;
    if (body.treeSize !== cp.treeSize) {
      failures.push({ check: 'checkpoint-body', message: `checkpoint.treeSize ${cp.treeSize} differs from the signed note's ${body.treeSize}` });
    }
    if (cp.rootHash !== toHex(body.rootHash)) {
      failures.push({ check: 'checkpoint-body', message: `checkpoint.rootHash differs from the signed note's ${toHex(body.rootHash)}` });
    }
    if (cp.signature !== toBase64(verified.signature)) {
      failures.push({ check: 'checkpoint-signature', message: "checkpoint.signature is not the note's signature by the log key" });
    }
  }
  const expectedLogId = logId(key);
  if (cp.logId !== expectedLogId) {
    failures.push({ check: 'log-id', message: `checkpoint.logId ${cp.logId} is not the id of this key (${expectedLogId})` });
  }

  const root = attempt(failures, 'receipt-format', () => fromHex(cp.rootHash, HASH_SIZE, 'checkpoint.rootHash'));
  const proof = attempt(failures, 'receipt-format', () => r.inclusionProof.map((h, i) => fromHex(h, HASH_SIZE, `inclusionProof[${i}]`)));
  if (leafHash !== undefined && root !== undefined && proof !== undefined) {
    attempt(failures, 'inclusion-proof', () => verifyInclusion(leafHash, r.leafIndex, cp.treeSize, proof, root));
  }

  if (failures.length > 0) return { ok: false, failures };
  return { ok: true, origin: verified!.checkpoint.origin, leafIndex: r.leafIndex, treeSize: cp.treeSize, timestamp: cp.timestamp };
}

function describeDifference(a: Uint8Array, b: Uint8Array): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return a.length === b.length || i < Math.min(a.length, b.length)
    ? `first difference at byte ${i}`
    : `lengths ${a.length} and ${b.length}, equal up to byte ${i}`;
}
