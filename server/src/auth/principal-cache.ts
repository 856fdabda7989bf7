/**
 * A short-lived, in-process cache of resolved bearer secrets, so a client that sends many
 * requests with one token costs one lookup per `ttlMs` instead of one per request.
 *
 * Consistency: this process clears the whole cache whenever it revokes a token or session or
 * changes a membership, so its own answers change at once. Another API process sees such a
 * change at most `ttlMs` later; keep the TTL short (default 5 s) — revocation in OAuth servers
 * with cached token introspection behaves the same way. `ttlMs: 0` turns caching off.
 */
import type { Principal } from './principal.js';
import { BoundedMap } from '../bounded-map.js';

export class PrincipalCache {
  private readonly entries: BoundedMap<string, { principal: Principal; until: number }>;

  constructor(
    private readonly ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.entries = new BoundedMap(maxEntries);
  }

  get(hash: string, now = Date.now()): Principal | undefined {
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (hit.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return hit.principal;
  }

  set(hash: string, principal: Principal, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.entries.set(hash, { principal, until: now + this.ttlMs });
  }

  /** Forgets everything: called after any change that can invalidate a credential. */
  clear(): void {
    this.entries.clear();
  }
}
