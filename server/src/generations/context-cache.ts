/**
 * The brand context of recent generations (brand id, current version, the user's per-brand
 * role), kept in-process so a warm generation request skips the read: the insert re-checks the
 * context in the same statement (`GenerationGuard`), and a context that no longer holds costs a
 * rolled-back attempt and a fresh read, never a wrong result. Keyed by workspace, user and the
 * brand as the caller named it, so no entry is reachable across tenants or users.
 */
import type { BrandGenerationContext } from '@brandsafe/db';
import { BoundedMap } from '../bounded-map.js';

/** A context whose brand has a version (only those are worth caching). */
export type VersionedContext = BrandGenerationContext & { versionId: string; version: string };

export class BrandContextCache {
  private readonly entries: BoundedMap<string, { ctx: VersionedContext; at: number }>;

  constructor(
    capacity = 10_000,
    private readonly ttlMs = 60_000,
  ) {
    this.entries = new BoundedMap(capacity);
  }

  static key(workspaceId: string, userId: string, brand: { id: string } | { name: string }): string {
    return `${workspaceId}|${userId}|${'id' in brand ? `id:${brand.id}` : `name:${brand.name.toLowerCase()}`}`;
  }

  get(key: string, now = Date.now()): VersionedContext | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.ctx;
  }

  set(key: string, ctx: VersionedContext, now = Date.now()): void {
    this.entries.set(key, { ctx, at: now });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
