import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, WorkspaceRole } from './common.js';

/** `brand_roles`: a per-brand override of a member's workspace role. */
export interface BrandRolesTable {
  workspace_id: string;
  brand_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: CreatedAt;
}
export type BrandRoleRow = Selectable<BrandRolesTable>;
export type NewBrandRoleRow = Insertable<BrandRolesTable>;
export type BrandRoleRowUpdate = Updateable<BrandRolesTable>;
