import { sql } from 'kysely';
import type { Tx } from '../scope.js';
import type { GenerationStatus } from '../schema/common.js';
import type { Generation } from './generations.js';

export interface GenerationFilter {
  status?: GenerationStatus;
  brandId?: string;
  authorId?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** The id of the last generation of the previous page (newest first). */
  after?: string;
  /** Page size (the caller bounds it). */
  limit: number;
}

/** A generation in a listing: everything but the code and the attempts. */
export type GenerationSummary = Omit<Generation, 'code' | 'attempts' | 'parameters'>;

/**
 * The scope's generations newest first, filtered, one page at a time. Keyset pagination on
 * (created_at, id): the cursor is the last id seen, and its timestamp is read back in SQL so no
 * precision is lost to JavaScript's millisecond dates. Returns undefined when the cursor names
 * no generation of this scope.
 */
export async function listGenerations(trx: Tx, f: GenerationFilter): Promise<GenerationSummary[] | undefined> {
  if (f.after !== undefined) {
    const known = await trx.selectFrom('generations').select('id').where('id', '=', f.after).executeTakeFirst();
    if (!known) return undefined;
  }
  let q = trx
    .selectFrom('generations as g')
    .select([
      'g.id', 'g.brand_id', 'g.brand_version_id', 'g.author_id', 'g.test_type', 'g.description', 'g.template_id', 'g.page_type',
      'g.provider', 'g.status', 'g.findings', 'g.confidence', 'g.created_at', 'g.updated_at',
    ]);
  if (f.status) q = q.where('g.status', '=', f.status);
  if (f.brandId) q = q.where('g.brand_id', '=', f.brandId);
  if (f.authorId) q = q.where('g.author_id', '=', f.authorId);
  if (f.from) q = q.where('g.created_at', '>=', f.from);
  if (f.to) q = q.where('g.created_at', '<', f.to);
  if (f.after !== undefined) {
    const after = f.after;
    q = q.where(sql<boolean>`(g.created_at, g.id) < (select c.created_at, c.id from generations c where c.id = ${after})`);
  }
  const rows = await q.orderBy('g.created_at', 'desc').orderBy('g.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    brandId: r.brand_id,
    brandVersionId: r.brand_version_id,
    authorId: r.author_id,
    testType: r.test_type,
    description: r.description,
    templateId: r.template_id,
    pageType: r.page_type,
    provider: r.provider,
    status: r.status,
    findings: r.findings,
    confidence: r.confidence,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
