/**
 * Sign-in throttling per account and per client address (issue 4 §4), counted in the database
 * so it holds across API processes. A blocked attempt gets 429 with `Retry-After` (RFC 9110
 * §10.2.3) in seconds until the oldest counted failure leaves the window.
 */
import { loginFailures, recordLoginAttempt, withoutWorkspace, type Database } from '@brandsafe/db';
import type { Kysely } from 'kysely';
import { ProblemError } from '../http/problem.js';
import type { AppOptions } from '../context.js';

/** Throws 429 when the account or the address has too many recent failures. */
export async function checkLoginThrottle(db: Kysely<Database>, email: string, address: string, options: AppOptions['loginThrottle']): Promise<void> {
  const now = Date.now();
  const windowMs = options.windowSeconds * 1000;
  const f = await withoutWorkspace(db, (trx) => loginFailures(trx, email, address, new Date(now - windowMs)));
  const blockedSince =
    f.account >= options.perAccount ? f.accountOldest : f.address >= options.perAddress ? f.addressOldest : undefined;
  if (blockedSince === undefined) return;
  const retryAfter = Math.max(1, Math.ceil(((blockedSince?.getTime() ?? now) + windowMs - now) / 1000));
  throw new ProblemError(
    'TOO_MANY_REQUESTS',
    `too many failed sign-ins for this ${f.account >= options.perAccount ? 'account' : 'address'}; try again in ${retryAfter} s`,
    { retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/** Records the outcome of a sign-in attempt (its own transaction, so failures persist). */
export async function recordAttempt(db: Kysely<Database>, email: string, address: string, succeeded: boolean): Promise<void> {
  await withoutWorkspace(db, (trx) => recordLoginAttempt(trx, email, address, succeeded));
}
