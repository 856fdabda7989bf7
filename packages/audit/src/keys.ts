/**
 * The log's Ed25519 signing key (node:crypto), its PEM forms, and the identifiers derived from
 * the public key: the C2SP signed-note key id, the C2SP verifier key string ("vkey") that Go's
 * golang.org/x/mod/sumdb/note and other checkpoint tools accept, and the RFC 6962 log id.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { fromBase64, isWellFormedText, toBase64, toHex } from './bytes.js';
import { AuditError } from './error.js';
import { sha256 } from './hash.js';

/** C2SP signed-note signature type of plain Ed25519 note signatures. */
export const SIG_TYPE_ED25519 = 0x01;
/** C2SP tlog-cosignature type of timestamped Ed25519 cosignatures. */
export const SIG_TYPE_COSIGNATURE_ED25519 = 0x04;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 key pair for signing checkpoints. */
export interface LogKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A fresh Ed25519 key pair. */
export function generateLogKeyPair(): LogKeyPair {
  return generateKeyPairSync('ed25519');
}

/** PKCS #8 PEM of a private key (what configuration stores). */
export function exportPrivateKeyPem(privateKey: KeyObject): string {
  checkEd25519(privateKey, 'private');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** SubjectPublicKeyInfo PEM of a public key (what /.well-known/brandsafe-log-key serves). */
export function exportPublicKeyPem(publicKey: KeyObject): string {
  checkEd25519(publicKey, 'public');
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/** Reads an Ed25519 private key from PKCS #8 PEM. @throws AuditError KEY_INVALID */
export function importPrivateKeyPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw new AuditError('KEY_INVALID', 'cannot read the private key PEM', { cause });
  }
  checkEd25519(key, 'private');
  return key;
}

/**
 * Reads an Ed25519 public key from SPKI PEM. A private key PEM is refused rather than silently
 * turned into its public half, so a verifier is never configured with a secret.
 * @throws AuditError KEY_INVALID
 */
export function importPublicKeyPem(pem: string): KeyObject {
  if (typeof pem !== 'string' || /PRIVATE KEY/.test(pem)) {
    throw new AuditError('KEY_INVALID', 'expected a public key PEM ("BEGIN PUBLIC KEY")');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw new AuditError('KEY_INVALID', 'cannot read the public key PEM', { cause });
  }
  checkEd25519(key, 'public');
  return key;
}

// KeyObjects are immutable, so derived values are cached per key: signing and verifying a
// checkpoint otherwise spends more time re-exporting the key than on Ed25519 itself.
const publicOfPrivate = new WeakMap<KeyObject, KeyObject>();
const rawOfPublic = new WeakMap<KeyObject, Buffer>();

/** The public half of a private key. */
export function publicKeyOf(privateKey: KeyObject): KeyObject {
  checkEd25519(privateKey, 'private');
  let publicKey = publicOfPrivate.get(privateKey);
  if (!publicKey) publicOfPrivate.set(privateKey, (publicKey = createPublicKey(privateKey)));
  return publicKey;
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  checkEd25519(publicKey, 'public');
  let raw = rawOfPublic.get(publicKey);
  if (!raw) {
    raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
    rawOfPublic.set(publicKey, raw);
  }
  return Buffer.from(raw);
}

/** An Ed25519 public key from its 32 raw bytes. @throws AuditError KEY_INVALID */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new AuditError('KEY_INVALID', 'an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * Checks a signed-note key name: non-empty, no Unicode spaces, no '+' (C2SP signed-note).
 * @throws AuditError KEY_NAME_INVALID
 */
export function checkKeyName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || /[\s+]/u.test(name) || !isWellFormedText(name)) {
    throw new AuditError('KEY_NAME_INVALID', `key name ${JSON.stringify(name)} must be non-empty without spaces or '+'`);
  }
}

/**
 * C2SP signed-note key id: SHA-256(name || 0x0A || signature type || 32-byte public key)[:4].
 * Type 0x01 for checkpoint signatures, 0x04 for timestamped cosignatures.
 */
export function noteKeyId(name: string, publicKey: KeyObject, signatureType = SIG_TYPE_ED25519): Buffer {
  checkKeyName(name);
  const input = Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, signatureType]), rawPublicKey(publicKey)]);
  return sha256(input).subarray(0, 4);
}

/**
 * The log id: lower-case hex SHA-256 of the DER SubjectPublicKeyInfo, as RFC 6962 §3.2 defines a
 * log's LogID — stable across key names, and what receipts and the well-known endpoint publish.
 */
export function logId(publicKey: KeyObject): string {
  checkEd25519(publicKey, 'public');
  return toHex(sha256(publicKey.export({ format: 'der', type: 'spki' })));
}

/**
 * The C2SP verifier key string `<name>+<hex key id>+<base64(0x01 || public key)>`, the form
 * checkpoint tools take on the command line.
 */
export function formatVerifierKey(name: string, publicKey: KeyObject): string {
  const keyId = noteKeyId(name, publicKey);
  return `${name}+${toHex(keyId)}+${toBase64(Buffer.concat([Buffer.from([SIG_TYPE_ED25519]), rawPublicKey(publicKey)]))}`;
}

/** Parses a verifier key string back into name and public key, checking its key id. */
export function parseVerifierKey(vkey: string): { name: string; publicKey: KeyObject } {
  // Names contain no '+', but the base64 key material may: split at the first two only.
  const match = typeof vkey === 'string' ? /^([^+]+)\+([0-9a-f]{8})\+(.+)$/s.exec(vkey) : null;
  if (!match) throw new AuditError('KEY_INVALID', 'verifier key must be <name>+<8 hex digits>+<base64 key>');
  const [, name, idHex, keyB64] = match as unknown as [string, string, string, string];
  checkKeyName(name);
  let material: Buffer;
  try {
    material = fromBase64(keyB64, 33, 'verifier key material');
  } catch (cause) {
    throw new AuditError('KEY_INVALID', 'verifier key material must be base64 of 33 bytes', { cause });
  }
  if (material[0] !== SIG_TYPE_ED25519) throw new AuditError('KEY_INVALID', 'verifier key is not an Ed25519 (0x01) key');
  const publicKey = publicKeyFromRaw(material.subarray(1));
  if (toHex(noteKeyId(name, publicKey)) !== idHex) throw new AuditError('KEY_INVALID', 'verifier key id does not match its name and key');
  return { name, publicKey };
}

function checkEd25519(key: KeyObject, type: 'public' | 'private'): void {
  if (key?.asymmetricKeyType !== 'ed25519' || key.type !== type) {
    throw new AuditError('KEY_INVALID', `expected an Ed25519 ${type} key`);
  }
}
