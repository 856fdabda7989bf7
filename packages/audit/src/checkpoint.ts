/**
 * Signed tree heads as C2SP checkpoints (https://c2sp.org/tlog-checkpoint): a signed note whose
 * text is the origin, the tree size in decimal and the base64 root hash, one per line. The log
 * signs it twice with its one Ed25519 key:
 *  - an Ed25519 note signature (type 0x01) — what every checkpoint tool verifies;
 *  - a timestamped cosignature (c2sp.org/tlog-cosignature, type 0x04) over
 *    "cosignature/v1\ntime <seconds>\n" + body, which binds the signing time. Its key id differs,
 *    so tools that do not know it ignore it, as the signed-note spec requires. The fixed header
 *    line keeps the two signed messages apart (no checkpoint body starts with "cosignature/v1").
 * Witnesses can append their own cosignatures to the same note.
 */
import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { bytesEqual, fromBase64, isWellFormedText, toBase64 } from './bytes.js';
import { AuditError } from './error.js';
import { HASH_SIZE } from './hash.js';
import { SIG_TYPE_COSIGNATURE_ED25519, checkKeyName, noteKeyId, publicKeyOf } from './keys.js';
import { formatSignatureLine, parseNote, signNoteText, verifyEd25519, verifyNote, type NoteSignature } from './note.js';

/** The body of a checkpoint. */
export interface Checkpoint {
  /** The log's identity, e.g. "brandsafe.example/audit/v1"; also the signing key's name. */
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Opaque extension lines (NOT RECOMMENDED by the spec; empty for brandsafe). */
  readonly extensions?: readonly string[];
}

/** A checkpoint as signed by the log. */
export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The complete signed note. */
  readonly note: string;
  /** The raw 64-byte Ed25519 signature over the note text (body). */
  readonly signature: Uint8Array;
  /** POSIX seconds of signing, bound by the log's timestamped cosignature. */
  readonly timestamp: number;
}

/** A checkpoint whose note, signature and timestamp verified under the log key. */
export type VerifiedCheckpoint = SignedCheckpoint;

const COSIGNATURE_HEADER = 'cosignature/v1';

function malformed(message: string): never {
  throw new AuditError('CHECKPOINT_MALFORMED', message);
}

/** The note text of a checkpoint. @throws AuditError CHECKPOINT_MALFORMED */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash, extensions = [] } = checkpoint;
  if (typeof origin !== 'string' || origin.length === 0 || origin.includes('\n') || !isWellFormedText(origin)) {
    malformed('origin must be a non-empty single line');
  }
  if (origin === COSIGNATURE_HEADER) malformed(`origin must not be "${COSIGNATURE_HEADER}"`);
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) malformed('tree size must be a non-negative safe integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) malformed(`root hash must be ${HASH_SIZE} bytes`);
  for (const line of extensions) {
    if (typeof line !== 'string' || line.length === 0 || line.includes('\n')) malformed('extension lines must be non-empty single lines');
  }
  return [origin, String(treeSize), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/**
 * Parses a checkpoint body (the text of a verified note), strictly: at least three non-empty
 * lines, a decimal size without leading zeros, a canonical base64 32-byte root.
 * @throws AuditError CHECKPOINT_MALFORMED
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string' || !text.endsWith('\n')) malformed('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) malformed('checkpoint needs origin, tree size and root hash lines');
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) malformed('checkpoint origin is empty');
  if (!/^(?:0|[1-9][0-9]*)$/.test(size)) malformed(`checkpoint tree size "${size}" is not a decimal without leading zeros`);
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) malformed(`checkpoint tree size ${size} is too large`);
  let rootHash: Buffer;
  try {
    rootHash = fromBase64(root, HASH_SIZE, 'checkpoint root hash');
  } catch (cause) {
    throw new AuditError('CHECKPOINT_MALFORMED', 'checkpoint root hash is not base64 of 32 bytes', { cause });
  }
  if (extensions.some((line) => line.length === 0)) malformed('checkpoint extension lines must be non-empty');
  return { origin, treeSize, rootHash, extensions };
}

/** The message a tlog-cosignature/v1 Ed25519 signature covers. */
function cosignedMessage(body: string, timestamp: number): Buffer {
  return Buffer.from(`${COSIGNATURE_HEADER}\ntime ${timestamp}\n${body}`, 'utf8');
}

/**
 * Signs a checkpoint with the log key under the checkpoint's origin as key name.
 * @param timestamp POSIX seconds to bind (default: now).
 */
export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject, timestamp = Math.floor(Date.now() / 1000)): SignedCheckpoint {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new AuditError('INVALID_ARGUMENT', 'timestamp must be POSIX seconds');
  const body = formatCheckpoint(checkpoint);
  checkKeyName(checkpoint.origin);
  const main = signNoteText(body, { name: checkpoint.origin, privateKey });
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  const cosignature: NoteSignature = {
    name: checkpoint.origin,
    keyId: noteKeyId(checkpoint.origin, publicKeyOf(privateKey), SIG_TYPE_COSIGNATURE_ED25519),
    signature: Buffer.concat([stamp, sign(null, cosignedMessage(body, timestamp), privateKey)]),
  };
  const note = `${body}\n${formatSignatureLine(main)}${formatSignatureLine(cosignature)}`;
  return { checkpoint: parseCheckpoint(body), note, signature: main.signature, timestamp };
}

/** A checkpoint whose note signature (type 0x01) verified; the timestamp is checked apart. */
export interface SignatureVerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: string;
  /** The signed note text (the checkpoint body). */
  readonly text: string;
  readonly signature: Uint8Array;
  /** All signature lines of the note (for {@link verifyCheckpointTimestamp}). */
  readonly signatures: readonly NoteSignature[];
}

/**
 * Verifies the log's note signature on a checkpoint and parses its body. The key name is the
 * origin: either the expected one, or (when `origin` is omitted) the note's own first line.
 * @throws AuditError NOTE_MALFORMED / NOTE_UNKNOWN_KEY / NOTE_SIGNATURE_INVALID,
 * CHECKPOINT_ORIGIN_MISMATCH, CHECKPOINT_MALFORMED.
 */
export function verifyCheckpointSignature(note: string | Uint8Array, publicKey: KeyObject, origin?: string): SignatureVerifiedCheckpoint {
  const parsed = parseNote(note);
  const claimed = parsed.text.slice(0, parsed.text.indexOf('\n'));
  if (origin !== undefined && claimed !== origin) {
    throw new AuditError('CHECKPOINT_ORIGIN_MISMATCH', `checkpoint origin is "${claimed}", expected "${origin}"`);
  }
  const name = origin ?? claimed;
  try {
    checkKeyName(name);
  } catch (cause) {
    throw new AuditError('CHECKPOINT_MALFORMED', `checkpoint origin "${name}" cannot be a key name`, { cause });
  }
  const { text, signature } = verifyNote(note, { name, publicKey });
  return {
    checkpoint: parseCheckpoint(text),
    note: typeof note === 'string' ? note : Buffer.from(note).toString('utf8'),
    text,
    signature: signature.signature,
    signatures: parsed.signatures,
  };
}

/**
 * The signing time bound by the log's own tlog-cosignature/v1 line on a checkpoint whose note
 * signature already verified.
 * @throws AuditError COSIGNATURE_INVALID when the line is missing, duplicated or does not verify.
 */
export function verifyCheckpointTimestamp(verified: SignatureVerifiedCheckpoint, publicKey: KeyObject): number {
  return verifyTimestamp(verified.signatures, verified.text, verified.checkpoint.origin, publicKey);
}

/**
 * Verifies a checkpoint note completely: note signature, body, and timestamped cosignature.
 * @throws AuditError as {@link verifyCheckpointSignature} and {@link verifyCheckpointTimestamp}.
 */
export function verifyCheckpoint(note: string | Uint8Array, publicKey: KeyObject, origin?: string): VerifiedCheckpoint {
  const verified = verifyCheckpointSignature(note, publicKey, origin);
  const timestamp = verifyCheckpointTimestamp(verified, publicKey);
  return { checkpoint: verified.checkpoint, note: verified.note, signature: verified.signature, timestamp };
}

function verifyTimestamp(signatures: readonly NoteSignature[], body: string, name: string, publicKey: KeyObject): number {
  const keyId = noteKeyId(name, publicKey, SIG_TYPE_COSIGNATURE_ED25519);
  const cosignatures = signatures.filter((s) => s.name === name && bytesEqual(s.keyId, keyId));
  if (cosignatures.length !== 1) {
    throw new AuditError('COSIGNATURE_INVALID', `expected one timestamped cosignature by ${name}, found ${cosignatures.length}`);
  }
  const bytes = Buffer.from(cosignatures[0]!.signature);
  if (bytes.length !== 8 + 64) throw new AuditError('COSIGNATURE_INVALID', 'timestamped cosignature must be 72 bytes');
  const stamp = bytes.readBigUInt64BE(0);
  if (stamp > BigInt(Number.MAX_SAFE_INTEGER)) throw new AuditError('COSIGNATURE_INVALID', 'cosignature timestamp is out of range');
  const timestamp = Number(stamp);
  if (!verifyEd25519(cosignedMessage(body, timestamp), bytes.subarray(8), publicKey)) {
    throw new AuditError('COSIGNATURE_INVALID', 'timestamped cosignature does not verify');
  }
  return timestamp;
}
