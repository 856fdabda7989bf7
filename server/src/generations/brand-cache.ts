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
import { BoundedMap } from '../bounded-map.js';

export class BrandModelCache {
  private readonly entries: BoundedMap<string, Brand>;
  private loads = 0;

  constructor(capacity = 256) {
    this.entries = new BoundedMap(capacity);
  }

  /** The model of `versionId`, loading it with `load` on a miss. */
  async get(versionId: string, load: () => Promise<unknown>): Promise<Brand | undefined> {
    const hit = this.peek(versionId);
    if (hit) return hit;
    const model = (await load()) as Brand | undefined;
    this.loads += 1;
    if (!model) return undefined;
    this.entries.set(versionId, model);
    return model;
  }

  /** The model of `versionId` if it is cached (marked most recently used), without loading. */
  peek(versionId: string): Brand | undefined {
    return this.entries.touch(versionId);
  }

  /** How many models were read from the database (tests assert one per version). */
  get loadCount(): number {
    return this.loads;
  }

  get size(): number {
    return this.entries.size;
  }
}
