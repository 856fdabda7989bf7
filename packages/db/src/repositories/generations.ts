import { sql } from 'kysely';
import type { Tx } from '../scope.js';
import type { GenerationStatus, WorkspaceRole } from '../schema/common.js';
import type { GenerationRow } from '../schema/generations.js';
import type { CodeCorrectionRow } from '../schema/code-corrections.js';
import type { GenerationTransitionRow } from '../schema/generation-transitions.js';
import { toCodeCorrection, type CodeCorrection } from './corrections.js';

/** A generated piece of variation code and where it stands in review (issue 4 §6–7). */
export interface Generation {
  id: string;
  brandId: string;
  brandVersionId: string | null;
  authorId: string | null;
  testType: string;
  description: string;
  parameters: Record<string, unknown>;
  templateId: string | null;
  pageType: string | null;
  provider: string;
  code: string;
  status: GenerationStatus;
  findings: unknown[];
  confidence: number;
  attempts: unknown[];
  createdAt: Date;
  updatedAt: Date;
}

/** One move through the review pipeline. */
export interface GenerationTransition {
  id: string;
  generationId: string;
  from: GenerationStatus;
  to: GenerationStatus;
  actorId: string | null;
  note: string | null;
  overrideReason: string | null;
  /** The checker's findings when the move re-ran it (approval). */
  findings: unknown[] | null;
  createdAt: Date;
}

/** Maps a `generations` row to the domain type. */
export function toGeneration(row: GenerationRow): Generation {
  return {
    id: row.id,
    brandId: row.brand_id,
    brandVersionId: row.brand_version_id,
    authorId: row.author_id,
    testType: row.test_type,
    description: row.description,
    parameters: row.parameters,
    templateId: row.template_id,
    pageType: row.page_type,
    provider: row.provider,
    code: row.code,
    status: row.status,
    findings: row.findings,
    confidence: row.confidence,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a `generation_transitions` row to the domain type. */
export function toGenerationTransition(row: GenerationTransitionRow): GenerationTransition {
  return {
    id: row.id,
    generationId: row.generation_id,
    from: row.from_status,
    to: row.to_status,
    actorId: row.actor_id,
    note: row.note,
    overrideReason: row.override_reason,
    findings: row.findings,
    createdAt: row.created_at,
  };
}

/** What generating on a brand needs to know, read in one query (the request's hot path). */
export interface BrandGenerationContext {
  brandId: string;
  brandName: string;
  /** The brand's current (latest) version, if any graph was uploaded. */
  versionId: string | null;
  version: string | null;
  /** The caller's per-brand role override, if any. */
  roleOverride: WorkspaceRole | null;
}

/**
 * The brand, its current version's id (not its model: callers cache models by version id) and
 * the user's per-brand role, in one round trip, by id or by name. Undefined for another
 * workspace's brand.
 */
export async function getBrandGenerationContext(
  trx: Tx,
  brand: { id: string } | { name: string },
  userId: string,
): Promise<BrandGenerationContext | undefined> {
  let q = trx
    .selectFrom('brands as b')
    .leftJoin('brand_versions as v', (j) => j.onRef('v.brand_id', '=', 'b.id').onRef('v.version', '=', 'b.latest_version'))
    .leftJoin('brand_roles as r', (j) => j.onRef('r.brand_id', '=', 'b.id').on('r.user_id', '=', userId))
    .select(['b.id', 'b.name', 'v.id as version_id', 'v.version', 'r.role']);
  // By name (the Opal tool's callers name brands): case-insensitive, the exact spelling first.
  q = 'id' in brand ? q.where('b.id', '=', brand.id) : q.where(sql<string>`lower(b.name)`, '=', brand.name.toLowerCase()).orderBy(sql`b.name = ${brand.name}`, 'desc');
  const row = await q.executeTakeFirst();
  return row && { brandId: row.id, brandName: row.name, versionId: row.version_id, version: row.version, roleOverride: row.role };
}

/** A brand version's stored model (brand-kit's `Brand` as JSON), by id. */
export async function getBrandVersionModel(trx: Tx, versionId: string): Promise<unknown> {
  const row = await trx.selectFrom('brand_versions').select('model').where('id', '=', versionId).executeTakeFirst();
  return row?.model;
}

/** One generation of the scope, or undefined (also for another workspace's id). */
export async function getGeneration(trx: Tx, id: string): Promise<Generation | undefined> {
  const row = await trx.selectFrom('generations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toGeneration(row);
}

/** A generation with its transitions and corrections, oldest first. */
export interface GenerationDetail {
  generation: Generation;
  transitions: GenerationTransition[];
  corrections: CodeCorrection[];
}

type Aggregated<R> = Omit<R, 'created_at'> & { created_at: string };

/**
 * One generation with its transitions and corrections in a single query (json_agg
 * subqueries, each under the same row-level security), or undefined.
 */
export async function getGenerationDetail(trx: Tx, id: string): Promise<GenerationDetail | undefined> {
  const row = await trx
    .selectFrom('generations as g')
    .selectAll('g')
    .select(
      sql<Aggregated<GenerationTransitionRow>[]>`coalesce((select json_agg(t order by t.created_at, t.id) from generation_transitions t where t.generation_id = g.id), '[]'::json)`.as(
        'transitions_json',
      ),
    )
    .select(
      sql<Aggregated<CodeCorrectionRow>[]>`coalesce((select json_agg(c order by c.created_at, c.id) from code_corrections c where c.generation_id = g.id), '[]'::json)`.as(
        'corrections_json',
      ),
    )
    .where('g.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { transitions_json, corrections_json, ...generation } = row;
  return {
    generation: toGeneration(generation),
    transitions: transitions_json.map((t) => toGenerationTransition({ ...t, created_at: new Date(t.created_at) })),
    corrections: corrections_json.map((c) => toCodeCorrection({ ...c, created_at: new Date(c.created_at) })),
  };
}

/**
 * Locks a generation row for the rest of the transaction (SELECT … FOR UPDATE), so two
 * concurrent transitions or corrections of the same generation are serialized: the second one
 * sees the status the first one left.
 */
export async function lockGeneration(trx: Tx, id: string): Promise<Generation | undefined> {
  const row = await trx.selectFrom('generations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toGeneration(row);
}

/**
 * Moves a generation from `from` to `to`, only if it is still in `from` (a conditional update:
 * a second guard besides the row lock). Returns false when another transaction moved it first.
 */
export async function setGenerationStatus(trx: Tx, id: string, from: GenerationStatus, to: GenerationStatus): Promise<boolean> {
  const r = await trx
    .updateTable('generations')
    .set({ status: to, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Replaces a generation's code and findings (after a correction). */
export async function setGenerationCode(trx: Tx, id: string, code: string, findings: unknown[]): Promise<void> {
  await trx
    .updateTable('generations')
    .set({ code, findings: JSON.stringify(findings), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Records a transition. */
export async function insertGenerationTransition(
  trx: Tx,
  t: {
    workspaceId: string;
    generationId: string;
    from: GenerationStatus;
    to: GenerationStatus;
    actorId: string | null;
    note: string | null;
    overrideReason: string | null;
    findings: unknown[] | null;
  },
): Promise<GenerationTransition> {
  const row = await trx
    .insertInto('generation_transitions')
    .values({
      workspace_id: t.workspaceId,
      generation_id: t.generationId,
      from_status: t.from,
      to_status: t.to,
      actor_id: t.actorId,
      note: t.note,
      override_reason: t.overrideReason,
      findings: t.findings === null ? null : JSON.stringify(t.findings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGenerationTransition(row);
}

/** A generation's transitions, oldest first. */
export async function listGenerationTransitions(trx: Tx, generationId: string): Promise<GenerationTransition[]> {
  const rows = await trx
    .selectFrom('generation_transitions')
    .selectAll()
    .where('generation_id', '=', generationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toGenerationTransition);
}
