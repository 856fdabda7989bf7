import type { Tx } from '../scope.js';
import type { BrandRow } from '../schema/brands.js';
import type { WorkspaceRole } from '../schema/common.js';

/** A brand record (the knowledge itself is in its versions). Named so as not to clash with brand-kit's `Brand`. */
export interface BrandRecord {
  id: string;
  name: string;
  latestVersion: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Maps a `brands` row to the domain type. */
export function toBrandRecord(row: BrandRow): BrandRecord {
  return {
    id: row.id,
    name: row.name,
    latestVersion: row.latest_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates a brand in the scope's workspace; a duplicate name raises a unique violation. */
export async function insertBrand(trx: Tx, values: { workspaceId: string; name: string; createdBy: string | null }): Promise<BrandRecord> {
  const row = await trx
    .insertInto('brands')
    .values({ workspace_id: values.workspaceId, name: values.name, created_by: values.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBrandRecord(row);
}

/** The scope's brands by name. */
export async function listBrands(trx: Tx): Promise<BrandRecord[]> {
  const rows = await trx.selectFrom('brands').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toBrandRecord);
}

/** One brand of the scope, or undefined (also for another workspace's id). */
export async function getBrand(trx: Tx, id: string): Promise<BrandRecord | undefined> {
  const row = await trx.selectFrom('brands').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBrandRecord(row);
}

/**
 * One brand of the scope with the given user's per-brand role override (null when none), in
 * one query: access checks need both on every brand request.
 */
export async function getBrandForUser(
  trx: Tx,
  id: string,
  userId: string,
): Promise<(BrandRecord & { roleOverride: WorkspaceRole | null }) | undefined> {
  const row = await trx
    .selectFrom('brands')
    .leftJoin('brand_roles', (j) => j.onRef('brand_roles.brand_id', '=', 'brands.id').on('brand_roles.user_id', '=', userId))
    .selectAll('brands')
    .select('brand_roles.role as role_override')
    .where('brands.id', '=', id)
    .executeTakeFirst();
  return row && { ...toBrandRecord(row), roleOverride: row.role_override };
}

/**
 * Locks a brand row for the rest of the transaction, so concurrent uploads of a new version
 * are serialized and cannot pick the same semver.
 */
export async function lockBrand(trx: Tx, id: string): Promise<BrandRecord | undefined> {
  const row = await trx.selectFrom('brands').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toBrandRecord(row);
}

/** Records the newest version on the brand. */
export async function setLatestVersion(trx: Tx, id: string, version: string): Promise<void> {
  await trx.updateTable('brands').set({ latest_version: version, updated_at: new Date() }).where('id', '=', id).execute();
}
