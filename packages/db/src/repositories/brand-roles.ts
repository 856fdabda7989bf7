import type { Tx } from '../scope.js';
import type { WorkspaceRole } from '../schema/common.js';
import type { BrandRoleRow } from '../schema/brand-roles.js';

/** A per-brand override of a member's workspace role. */
export interface BrandRole {
  brandId: string;
  userId: string;
  role: WorkspaceRole;
  createdAt: Date;
}

/** Maps a `brand_roles` row to the domain type. */
export function toBrandRole(row: BrandRoleRow): BrandRole {
  return { brandId: row.brand_id, userId: row.user_id, role: row.role, createdAt: row.created_at };
}

/** Sets (or replaces) a member's role on one brand. */
export async function setBrandRole(
  trx: Tx,
  values: { workspaceId: string; brandId: string; userId: string; role: WorkspaceRole },
): Promise<BrandRole> {
  const row = await trx
    .insertInto('brand_roles')
    .values({ workspace_id: values.workspaceId, brand_id: values.brandId, user_id: values.userId, role: values.role })
    .onConflict((oc) => oc.columns(['brand_id', 'user_id']).doUpdateSet({ role: values.role }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBrandRole(row);
}

/** Removes an override; returns false when there was none. */
export async function removeBrandRole(trx: Tx, brandId: string, userId: string): Promise<boolean> {
  const r = await trx.deleteFrom('brand_roles').where('brand_id', '=', brandId).where('user_id', '=', userId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** The override for one member on one brand, if any. */
export async function getBrandRole(trx: Tx, brandId: string, userId: string): Promise<BrandRole | undefined> {
  const row = await trx.selectFrom('brand_roles').selectAll().where('brand_id', '=', brandId).where('user_id', '=', userId).executeTakeFirst();
  return row && toBrandRole(row);
}

/** Every override on one brand. */
export async function listBrandRoles(trx: Tx, brandId: string): Promise<BrandRole[]> {
  const rows = await trx.selectFrom('brand_roles').selectAll().where('brand_id', '=', brandId).orderBy('created_at').execute();
  return rows.map(toBrandRole);
}
