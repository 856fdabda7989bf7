/**
 * Admitting one generation in one statement: a request token from the workspace's bucket
 * (`RATE_LIMIT_SQL.take`) and, only when a token was taken, one unit of the period's generation
 * quota (`QUOTA_CONSUME_SQL.consume`) — the same two atomic INSERT … ON CONFLICT statements, joined
 * as data-modifying CTEs so both row locks are taken and released together, in one round trip.
 *
 * Parameters: `$1` workspace id, `$2` bucket capacity, `$3` refill per second, `$4` period start,
 * `$5` generation limit (NULL = unlimited). One row back:
 * - `tokens` NULL: the bucket is empty (429; `RATE_LIMIT_SQL.peek` tells Retry-After), nothing
 *   counted;
 * - `count` NULL (tokens set): the token was spent, the quota is used up (402; read the usage
 *   with `QUOTA_CONSUME_SQL.usage`);
 * - both set: admitted; `count` is the period's usage including this generation.
 *
 * Why a separate admission instead of counting in the transaction that stores the generation:
 * a counter row locked until that transaction's synchronous commit serializes every generation
 * of a workspace behind the WAL flush of the one before (measured: ~430/s on PostgreSQL with 50
 * concurrent requests, ~1,100/s without). Run this in a short transaction with asynchronous
 * commit, then store, and give the unit back with `QUOTA_CONSUME_SQL.refund` when storing fails.
 * Concurrency stays exact (N parallel requests against limit M admit exactly min(N, M)); a crash
 * between admission and store can count a generation that was never stored (at most the requests
 * in flight), never the reverse: the store's synchronous commit flushes the WAL up to and
 * including the earlier admission.
 */
import { REFILL } from './rate-limit.js';

export const ADMIT_GENERATION_SQL = `WITH rate AS (
  INSERT INTO rate_buckets AS b (workspace_id, tokens, updated_at)
  SELECT $1::uuid, $2::float8 - 1, clock_timestamp() WHERE 1 <= $2::float8
  ON CONFLICT (workspace_id) DO UPDATE SET tokens = ${REFILL} - 1, updated_at = GREATEST(b.updated_at, clock_timestamp())
  WHERE ${REFILL} >= 1
  RETURNING tokens
), quota AS (
  INSERT INTO usage_counters AS u (workspace_id, kind, period_start, count)
  SELECT $1::uuid, 'generation', $4::timestamptz, 1 FROM rate WHERE $5::integer IS NULL OR 1 <= $5::integer
  ON CONFLICT (workspace_id, kind, period_start) DO UPDATE SET count = u.count + EXCLUDED.count, updated_at = now()
  WHERE $5::integer IS NULL OR u.count + EXCLUDED.count <= $5::integer
  RETURNING count
)
SELECT (SELECT tokens FROM rate) AS tokens, (SELECT count FROM quota) AS count`;
