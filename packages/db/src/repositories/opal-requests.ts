import { sql } from 'kysely';
import type { Tx } from '../scope.js';

/** One call of the Optimizely Opal tool endpoint, as recorded for analytics (issue 4 §8). */
export interface NewOpalRequest {
  workspaceId: string;
  brandId: string | null;
  tokenId: string | null;
  generationId: string | null;
  testType: string | null;
  /** `succeeded` or `failed`. */
  status: 'succeeded' | 'failed';
  confidence: number | null;
  durationMs: number;
  /** Why it failed (a GenerationError code), when it did. */
  errorCode: string | null;
}

/** Records a tool call. */
export async function insertOpalRequest(trx: Tx, r: NewOpalRequest): Promise<void> {
  await trx
    .insertInto('opal_requests')
    .values({
      workspace_id: r.workspaceId,
      brand_id: r.brandId,
      token_id: r.tokenId,
      generation_id: r.generationId,
      test_type: r.testType,
      status: r.status,
      confidence: r.confidence,
      duration_ms: Math.max(0, Math.round(r.durationMs)),
      error_code: r.errorCode,
    })
    .execute();
}

/** Opal calls aggregated for one brand and one UTC day. */
export interface OpalDailyStats {
  brandId: string | null;
  brandName: string | null;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  calls: number;
  succeeded: number;
  failed: number;
  /** Mean confidence of the successful calls (null when none). */
  meanConfidence: number | null;
  meanDurationMs: number;
  p95DurationMs: number;
}

/**
 * The scope's Opal calls per brand and UTC day, newest day first, optionally limited to a
 * brand and a time range (`from` inclusive, `to` exclusive).
 */
export async function opalDailyStats(trx: Tx, f: { brandId?: string; from?: Date; to?: Date } = {}): Promise<OpalDailyStats[]> {
  const day = sql<string>`to_char(date_trunc('day', o.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
  let q = trx
    .selectFrom('opal_requests as o')
    .leftJoin('brands as b', 'b.id', 'o.brand_id')
    .select([
      'o.brand_id',
      'b.name',
      day.as('day'),
      sql<number>`count(*)::int`.as('calls'),
      sql<number>`(count(*) FILTER (WHERE o.status = 'succeeded'))::int`.as('succeeded'),
      sql<number | null>`avg(o.confidence) FILTER (WHERE o.status = 'succeeded')`.as('mean_confidence'),
      sql<number>`avg(o.duration_ms)::float8`.as('mean_duration'),
      sql<number>`percentile_cont(0.95) WITHIN GROUP (ORDER BY o.duration_ms)::float8`.as('p95_duration'),
    ]);
  if (f.brandId) q = q.where('o.brand_id', '=', f.brandId);
  if (f.from) q = q.where('o.created_at', '>=', f.from);
  if (f.to) q = q.where('o.created_at', '<', f.to);
  const rows = await q.groupBy(['o.brand_id', 'b.name', day]).orderBy(day, 'desc').orderBy('b.name').execute();
  return rows.map((r) => ({
    brandId: r.brand_id,
    brandName: r.name,
    day: r.day,
    calls: r.calls,
    succeeded: r.succeeded,
    failed: r.calls - r.succeeded,
    meanConfidence: r.mean_confidence === null ? null : Number(r.mean_confidence),
    meanDurationMs: Number(r.mean_duration),
    p95DurationMs: Number(r.p95_duration),
  }));
}
