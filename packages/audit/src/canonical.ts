/**
 * Canonical leaf bytes: an audit event's leaf is the UTF-8 of its RFC 8785 (JCS) serialization,
 * so anyone holding the event JSON can recompute the exact bytes that were hashed — in any
 * language with a JCS implementation. Serialization is done by `canonicalize` (the reference
 * JavaScript JCS implementation by the RFC's co-author); this module narrows its input to JSON
 * values and turns its failures into AuditError.
 */
import canonicalize from 'canonicalize';
import { AuditError } from './error.js';

/** A JSON value as I-JSON allows it (RFC 7493): what an audit event may contain. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * RFC 8785 canonical JSON text of `value`.
 * @throws AuditError CANONICALIZATION_FAILED for values JSON cannot carry: NaN/Infinity, lone
 * surrogates (RFC 8785 §3.2.2.2), BigInt, cycles, or `undefined`/functions anywhere (which
 * JSON.stringify would silently drop — an event must not lose fields on the way into the log).
 */
export function canonicalJson(value: JsonValue): string {
  rejectDroppedValues(value, '$');
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (cause) {
    throw new AuditError('CANONICALIZATION_FAILED', `cannot canonicalize: ${(cause as Error).message}`, { cause });
  }
  if (text === undefined) throw new AuditError('CANONICALIZATION_FAILED', 'value has no JSON representation');
  return text;
}

/** UTF-8 bytes of {@link canonicalJson}: the leaf input hashed into the log. */
export function canonicalBytes(value: JsonValue): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function rejectDroppedValues(value: unknown, path: string, depth = 0): void {
  if (depth > 200) throw new AuditError('CANONICALIZATION_FAILED', `${path} nests too deeply (or is cyclic)`);
  const kind = typeof value;
  if (kind === 'undefined' || kind === 'function' || kind === 'symbol') {
    throw new AuditError('CANONICALIZATION_FAILED', `${path} is ${kind}, which JSON cannot carry`);
  }
  if (kind === 'bigint') throw new AuditError('CANONICALIZATION_FAILED', `${path} is a BigInt, which I-JSON cannot carry`);
  if (value === null || kind !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => rejectDroppedValues(item, `${path}[${i}]`, depth + 1));
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new AuditError('CANONICALIZATION_FAILED', `${path} is not a plain object (serialize dates and classes first)`);
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    rejectDroppedValues(item, `${path}.${key}`, depth + 1);
  }
}
