/**
 * C2SP signed notes (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank
 * line, then one or more lines `— <key name> <base64(4-byte key id || signature)>`. Parsing is
 * strict — anything that is not exactly that form is rejected — because a verifier must never
 * accept bytes it cannot re-derive; verification follows the spec's rules for unknown keys.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { bytesEqual, fromBase64, isWellFormedText, toBase64, toHex } from './bytes.js';
import { AuditError } from './error.js';
import { checkKeyName, noteKeyId, publicKeyOf } from './keys.js';

/** Upper bound on a note's size; the spec asks verifiers for a limit (≥ 16 signatures). */
export const MAX_NOTE_LENGTH = 256 * 1024;
/** Upper bound on the number of signature lines. */
export const MAX_NOTE_SIGNATURES = 64;

const SIGNATURE_LINE = /^\u2014 (\S+) (\S+)$/u;

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** The 4-byte key id (big-endian uint32 in the spec). */
  readonly keyId: Uint8Array;
  /** The signature bytes after the key id (64 bytes for Ed25519). */
  readonly signature: Uint8Array;
}

/** A parsed, not yet verified, note. */
export interface ParsedNote {
  /** The signed text, including its final newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A key that signs notes under a name. */
export interface NoteSigner {
  readonly name: string;
  readonly privateKey: KeyObject;
}

/** A trusted key and the name it signs under. */
export interface NoteVerifier {
  readonly name: string;
  readonly publicKey: KeyObject;
}

/** Signed notes allow no ASCII control character (below U+0020) other than newline. */
function hasForbiddenControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

function malformed(message: string): never {
  throw new AuditError('NOTE_MALFORMED', message);
}

/** Checks a note text: well-formed, no control characters but newline, ends with a newline. */
export function checkNoteText(text: string): void {
  if (typeof text !== 'string' || !isWellFormedText(text)) malformed('note text is not valid UTF-8');
  if (hasForbiddenControl(text)) malformed('note text contains a control character other than newline');
  if (!text.endsWith('\n')) malformed('note text must end with a newline');
}

/** One signature line for `text`: `— name base64(keyId || signature)\n`. */
export function formatSignatureLine(signature: NoteSignature): string {
  return `\u2014 ${signature.name} ${toBase64(Buffer.concat([signature.keyId, signature.signature]))}\n`;
}

/** Ed25519 signature line of `text` by `signer` (signature type 0x01). */
export function signNoteText(text: string, signer: NoteSigner): NoteSignature {
  checkNoteText(text);
  checkKeyName(signer.name);
  const keyId = noteKeyId(signer.name, publicKeyOf(signer.privateKey));
  return { name: signer.name, keyId, signature: sign(null, Buffer.from(text, 'utf8'), signer.privateKey) };
}

/** Signs `text` with each signer and returns the complete note. */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const list = Array.isArray(signers) ? signers : [signers as NoteSigner];
  if (list.length === 0) throw new AuditError('INVALID_ARGUMENT', 'a note needs at least one signer');
  return `${text}\n${list.map((s) => formatSignatureLine(signNoteText(text, s))).join('')}`;
}

/**
 * Parses a note without verifying it.
 * @throws AuditError NOTE_MALFORMED naming the first thing that is not in the signed-note form.
 */
export function parseNote(note: string | Uint8Array): ParsedNote {
  let source: string;
  if (note instanceof Uint8Array) {
    try {
      source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
    } catch (cause) {
      throw new AuditError('NOTE_MALFORMED', 'note is not valid UTF-8', { cause });
    }
  } else if (typeof note === 'string') {
    source = note;
  } else {
    malformed('note must be a string');
  }
  if (source.length > MAX_NOTE_LENGTH) malformed(`note is longer than ${MAX_NOTE_LENGTH} characters`);
  if (!isWellFormedText(source)) malformed('note is not valid UTF-8');
  if (hasForbiddenControl(source)) malformed('note contains a control character other than newline');
  if (!source.endsWith('\n')) malformed('note must end with a newline after its last signature line');
  // The text is separated from the signatures by the last blank line of the note.
  const split = source.lastIndexOf('\n\n');
  if (split < 0) malformed('note has no blank line before its signatures');
  const text = source.slice(0, split + 1);
  const lines = source.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) malformed(`note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line, i) => {
    const match = SIGNATURE_LINE.exec(line);
    if (!match) malformed(`signature line ${i + 1} is not "— <name> <base64 signature>"`);
    const [, name, b64] = match as unknown as [string, string, string];
    if (name.includes('+')) malformed(`signature line ${i + 1} has a key name with '+'`);
    let bytes: Buffer;
    try {
      bytes = fromBase64(b64, undefined, `signature ${i + 1}`);
    } catch (cause) {
      throw new AuditError('NOTE_MALFORMED', `signature line ${i + 1} is not canonical base64`, { cause });
    }
    if (bytes.length < 5) malformed(`signature line ${i + 1} is too short for a key id and a signature`);
    return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Finds the signatures of `verifier` (same name and key id; others are ignored as the spec
 * requires) and verifies them. Returns the verified text and the signature that verified.
 * @throws AuditError NOTE_MALFORMED, NOTE_UNKNOWN_KEY (no signature from this key, with a hint when
 * the name matched but the key id did not), NOTE_SIGNATURE_INVALID.
 */
export function verifyNote(note: string | Uint8Array, verifier: NoteVerifier, keyId?: Uint8Array): { text: string; signature: NoteSignature } {
  const parsed = parseNote(note);
  const expectedId = keyId ?? noteKeyId(verifier.name, verifier.publicKey);
  const sameName = parsed.signatures.filter((s) => s.name === verifier.name);
  const ours = sameName.filter((s) => bytesEqual(s.keyId, expectedId));
  if (ours.length === 0) {
    const hint = sameName.length > 0
      ? `: a signature named ${verifier.name} has key id ${toHex(sameName[0]!.keyId)}, expected ${toHex(expectedId)} (wrong key)`
      : `: signatures are from ${parsed.signatures.map((s) => s.name).join(', ')}`;
    throw new AuditError('NOTE_UNKNOWN_KEY', `note is not signed by ${verifier.name}${hint}`);
  }
  const message = Buffer.from(parsed.text, 'utf8');
  for (const signature of ours) {
    if (!verifyEd25519(message, signature.signature, verifier.publicKey)) {
      throw new AuditError('NOTE_SIGNATURE_INVALID', `signature by ${verifier.name} does not verify over the note text`);
    }
  }
  return { text: parsed.text, signature: ours[0]! };
}

/** Ed25519 verification that answers false (never throws) for malformed signatures. */
export function verifyEd25519(message: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
