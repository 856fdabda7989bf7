import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './common.js';

/** `workspaces`: the tenant. Its own id is the tenant key its row-level policy checks. */
export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: CreatedAt;
}
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type NewWorkspaceRow = Insertable<WorkspacesTable>;
export type WorkspaceRowUpdate = Updateable<WorkspacesTable>;
