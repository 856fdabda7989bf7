/**
 * Brand models by version id, kept in-process. A brand version is immutable once stored (a new
 * upload is a new version with a new id), so a cached model never goes stale and needs no
 * invalidation; the cache is bounded (least recently used out) so a server with many brands
 * keeps only the hot ones. Reusing the same `Brand` object also lets the checker reuse what it
 * caches per brand object (approved-selector sets), which is most of the generation hot path.
 *
 * Tenant safety: a model is only looked up by a version id the caller's workspace-scoped
 * transaction has just returned, so a cache entry is never reached across workspaces.
 */
import type { Brand } from '@brandsafe/brand-kit';

export class BrandModelCache {
  private readonly entries = new Map<string, Brand>();
  private loads = 0;

  constructor(private readonly capacity = 256) {}

  /** The model of `versionId`, loading it with `load` on a miss. */
  async get(versionId: string, load: () => Promise<unknown>): Promise<Brand | undefined> {
    const hit = this.peek(versionId);
    if (hit) return hit;
    const model = (await load()) as Brand | undefined;
    this.loads += 1;
    if (!model) return undefined;
    this.entries.set(versionId, model);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return model;
  }

  /** The model of `versionId` if it is cached (marked most recently used), without loading. */
  peek(versionId: string): Brand | undefined {
    const hit = this.entries.get(versionId);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
    }
    return hit;
  }

  /** How many models were read from the database (tests assert one per version). */
  get loadCount(): number {
    return this.loads;
  }

  get size(): number {
    return this.entries.size;
  }
}
