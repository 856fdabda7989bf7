/**
 * Strict byte codecs. Node's Buffer.from(x, 'hex'|'base64') silently skips bad characters and
 * stops at the first invalid pair; for signatures and hashes that is a forgery surface (two
 * different strings decode to the same bytes), so every decoder here round-trips and rejects
 * anything that is not the one canonical encoding.
 */
import { timingSafeEqual } from 'node:crypto';
import { AuditError } from './error.js';

const HEX = /^(?:[0-9a-f]{2})*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Standard base64 (RFC 4648 §4, padded) of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes lower-case hex; throws INVALID_HASH on anything else (upper case included, so each
 * value has exactly one spelling). `length`, when given, is the exact number of bytes expected.
 */
export function fromHex(text: string, length?: number, what = 'value'): Buffer {
  if (typeof text !== 'string' || !HEX.test(text)) {
    throw new AuditError('INVALID_HASH', `${what} is not lower-case hex`);
  }
  const bytes = Buffer.from(text, 'hex');
  checkLength(bytes, length, what);
  return bytes;
}

/** Decodes canonical padded standard base64 (RFC 4648 §4); throws INVALID_HASH otherwise. */
export function fromBase64(text: string, length?: number, what = 'value'): Buffer {
  if (typeof text !== 'string' || !BASE64.test(text)) {
    throw new AuditError('INVALID_HASH', `${what} is not padded standard base64`);
  }
  const bytes = Buffer.from(text, 'base64');
  // Non-zero pad bits ("QR==" vs "QQ==") decode to the same bytes; only the canonical one passes.
  if (bytes.toString('base64') !== text) {
    throw new AuditError('INVALID_HASH', `${what} is not canonical base64`);
  }
  checkLength(bytes, length, what);
  return bytes;
}

function checkLength(bytes: Uint8Array, length: number | undefined, what: string): void {
  if (length !== undefined && bytes.length !== length) {
    throw new AuditError('INVALID_HASH', `${what} must be ${length} bytes, got ${bytes.length}`);
  }
}

/** Constant-time equality of two byte strings (false when the lengths differ). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when `text` has no lone UTF-16 surrogate, i.e. it has a UTF-8 encoding. */
export function isWellFormedText(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}
