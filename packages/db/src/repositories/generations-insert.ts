import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Statement } from '../batch.js';
import type { Tx } from '../scope.js';
import type { Database } from '../schema/database.js';
import type { WorkspaceRole } from '../schema/common.js';
import type { Generation } from './generations.js';

/** A generation to store: what the API knows before the row exists (no id, status or times yet). */
export type NewGeneration = Omit<Generation, 'id' | 'status' | 'createdAt' | 'updatedAt'> & { workspaceId: string };

/** The audit event that records a change, appended by the same statement as the change. */
export interface AuditAppend {
  type: string;
  actor: string;
  payload: Record<string, unknown>;
}

/**
 * A condition the insert re-checks in the same statement: the brand is still at `version` and
 * the user's per-brand role override is still `roleOverride`. Lets a caller generate against
 * a cached brand context and store only if that context is still true (else nothing is
 * written and the caller starts over with a fresh read).
 */
export interface GenerationGuard {
  version: string;
  userId: string;
  roleOverride: WorkspaceRole | null;
}

/**
 * Stores a new generation (status GENERATED) and its audit event in ONE statement — two
 * data-modifying CTEs — so the request's hot path saves round trips and the two rows are
 * atomic. The id is chosen by the caller (a v4 UUID) so the audit payload can name it. The
 * audit row is the same insert `appendAuditEvent` makes (audit_events' own triggers still
 * fire); only the generated columns come back. With a `guard`, nothing is written and
 * undefined is returned when the guard no longer holds.
 */
export async function insertGenerationAudited(
  trx: Tx,
  g: NewGeneration & { id: string },
  audit: AuditAppend,
  guard?: GenerationGuard,
): Promise<Generation | undefined> {
  return insertedGeneration(g, (await insertion(g, audit, guard).execute(trx)).rows);
}

/**
 * The statement {@link insertGenerationAudited} runs, compiled for `db`, for a caller that sends
 * it in a batch of its own (`withWorkspaceStatements`: the whole transaction in one round trip);
 * {@link insertedGeneration} turns its rows into the stored generation.
 */
export function generationInsertStatement(
  db: Kysely<Database>,
  g: NewGeneration & { id: string },
  audit: AuditAppend,
  guard?: GenerationGuard,
): Statement {
  return insertion(g, audit, guard).compile(db);
}

/** The stored generation from the insert's rows; undefined when its guard did not hold. */
export function insertedGeneration(g: NewGeneration & { id: string }, rows: readonly InsertedRow[]): Generation | undefined {
  const row = rows[0];
  if (!row) return undefined;
  const { workspaceId: _w, ...rest } = g;
  return { ...rest, status: 'GENERATED', createdAt: row.created_at, updatedAt: row.updated_at };
}

/** What the insert returns. */
export interface InsertedRow {
  created_at: Date;
  updated_at: Date;
}

function insertion(g: NewGeneration & { id: string }, audit: AuditAppend, guard?: GenerationGuard): RawBuilder<InsertedRow> {
  const condition = guard
    ? sql`exists (select 1 from brands b where b.id = ${g.brandId}::uuid and b.latest_version = ${guard.version}::text)
        and coalesce((select r.role from brand_roles r where r.brand_id = ${g.brandId}::uuid and r.user_id = ${guard.userId}::uuid), '')
          = ${guard.roleOverride ?? ''}::text`
    : sql`true`;
  return sql<InsertedRow>`
    with g as (
      insert into generations (id, workspace_id, brand_id, brand_version_id, author_id, test_type, description, parameters,
                               template_id, page_type, provider, code, status, findings, confidence, attempts)
      select ${g.id}::uuid, ${g.workspaceId}::uuid, ${g.brandId}::uuid, ${g.brandVersionId}::uuid, ${g.authorId}::uuid,
             ${g.testType}::text, ${g.description}::text, ${JSON.stringify(g.parameters)}::jsonb, ${g.templateId}::text,
             ${g.pageType}::text, ${g.provider}::text, ${g.code}::text, 'GENERATED', ${JSON.stringify(g.findings)}::jsonb,
             ${g.confidence}::float8, ${JSON.stringify(g.attempts)}::jsonb
      where ${condition}
      returning created_at, updated_at
    ), a as (
      insert into audit_events (workspace_id, type, actor, payload)
      select ${g.workspaceId}::uuid, ${audit.type}::text, ${audit.actor}::text, ${JSON.stringify(audit.payload)}::jsonb from g
      returning seq
    )
    select g.created_at, g.updated_at from g, a`;
}
