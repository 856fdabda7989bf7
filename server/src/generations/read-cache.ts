/**
 * A micro-cache of `GET /api/v1/generations/{id}` bodies (the serialized JSON), so a generation
 * polled by many clients (the editor's review panel, dashboards) costs one database read per
 * second instead of one per request. Entries live `ttlMs` (1 s); this process drops an entry as
 * soon as it moves or corrects that generation, so a single process always reads its own
 * writes, and other processes see a change at most `ttlMs` late — the same bound the bearer
 * secret cache accepts for revocations.
 *
 * Keyed by workspace and generation id: an entry is only served to callers of the workspace
 * whose scoped read produced it, after their own role and scope checks.
 */
import { BoundedMap } from '../bounded-map.js';

/** Where a read started: its wall time (for expiry) and its place in this cache's order. */
export interface ReadStart {
  at: number;
  seq: number;
}

export class GenerationReadCache {
  /** Bodies, and tombstones (`body` undefined) left by invalidations. */
  private readonly entries: BoundedMap<string, { body: string | undefined; at: number; seq: number }>;
  private seq = 0;

  constructor(
    private readonly ttlMs = 1000,
    capacity = 10_000,
  ) {
    this.entries = new BoundedMap(capacity);
  }

  private static key(workspaceId: string, id: string): string {
    return `${workspaceId}|${id}`;
  }

  /** Call before reading from the database; pass the result to `set`. */
  start(now = Date.now()): ReadStart {
    return { at: now, seq: ++this.seq };
  }

  get(workspaceId: string, id: string, now = Date.now()): string | undefined {
    const key = GenerationReadCache.key(workspaceId, id);
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.body;
  }

  /**
   * Keeps a body read since `started`. Skipped when this process invalidated the generation
   * after the read began (the read may predate the change); the entry expires `ttlMs` after the
   * read began, so no body is ever served more than `ttlMs` after the state it shows.
   */
  set(workspaceId: string, id: string, body: string, started: ReadStart): void {
    const key = GenerationReadCache.key(workspaceId, id);
    const e = this.entries.get(key);
    if (e && e.body === undefined && e.seq > started.seq) return;
    this.entries.set(key, { body, at: started.at, seq: started.seq });
  }

  /** Forget a generation after this process changed it (call after the change commits). */
  invalidate(workspaceId: string, id: string, now = Date.now()): void {
    const key = GenerationReadCache.key(workspaceId, id);
    this.entries.set(key, { body: undefined, at: now, seq: ++this.seq });
  }
}
