/**
 * Bearer secrets: 32 random bytes (256 bits) in base64url behind a type prefix, stored only as
 * their SHA-256. With that much entropy a fast hash is enough — there is nothing to brute-force
 * — which is why tokens use SHA-256 while passwords use scrypt (the approach GitHub documents
 * for its tokens).
 */
import { hash, randomBytes } from 'node:crypto';

/** Prefixes tell secret kinds apart (and let secret scanners recognise them). */
export const SECRET_PREFIX = { session: 'bss_', apiToken: 'bsp_', invitation: 'bsi_', verification: 'bsv_' } as const;
export type SecretKind = keyof typeof SECRET_PREFIX;

/** A new secret of `kind`, e.g. `bsp_3q2…`. */
export function newSecret(kind: SecretKind): string {
  return SECRET_PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) under which a secret is stored. */
export function hashSecret(secret: string): string {
  // One-shot hash: no Hash object per request (every authenticated request hashes its bearer).
  return hash('sha256', secret, 'hex');
}

/** The kind of a presented secret by its prefix, if it looks like one of ours. */
export function secretKind(secret: string): SecretKind | undefined {
  // Every prefix is four characters: one lookup, then one test of the rest.
  const kind = KIND_BY_PREFIX.get(secret.slice(0, 4));
  return kind && SECRET_BODY.test(secret.slice(4)) ? kind : undefined;
}

const KIND_BY_PREFIX = new Map((Object.entries(SECRET_PREFIX) as [SecretKind, string][]).map(([kind, prefix]) => [prefix, kind]));
const SECRET_BODY = /^[A-Za-z0-9_-]{43}$/;

/** The part of a secret shown in listings: its prefix and first 6 characters. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, 10);
}
