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
export class GenerationReadCache {
  private readonly entries = new Map<string, { body: string; at: number }>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly capacity = 10_000,
  ) {}

  private static key(workspaceId: string, id: string): string {
    return `${workspaceId}|${id}`;
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

  set(workspaceId: string, id: string, body: string, now = Date.now()): void {
    const key = GenerationReadCache.key(workspaceId, id);
    this.entries.delete(key);
    this.entries.set(key, { body, at: now });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forget a generation after this process changed it. */
  invalidate(workspaceId: string, id: string): void {
    this.entries.delete(GenerationReadCache.key(workspaceId, id));
  }
}
