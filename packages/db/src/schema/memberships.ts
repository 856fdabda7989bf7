import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, WorkspaceRole } from './common.js';

/** `memberships`: a user's role in a workspace. */
export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type MembershipRow = Selectable<MembershipsTable>;
export type NewMembershipRow = Insertable<MembershipsTable>;
export type MembershipRowUpdate = Updateable<MembershipsTable>;
