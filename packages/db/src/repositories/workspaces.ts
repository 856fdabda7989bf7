import type { Tx } from '../scope.js';
import type { WorkspaceRow } from '../schema/workspaces.js';

/** A workspace (tenant) as the application sees it. */
export interface Workspace {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

/** Maps a `workspaces` row to the domain type. */
export function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at };
}

/**
 * Creates the workspace of the current scope. The id must equal the scope's `app.workspace_id`
 * (the row policy's WITH CHECK refuses anything else), so callers pick the id first and open
 * `withWorkspace(db, id, ...)` to create it.
 */
export async function insertWorkspace(trx: Tx, values: { id: string; name: string; slug: string }): Promise<Workspace> {
  const row = await trx.insertInto('workspaces').values(values).returningAll().executeTakeFirstOrThrow();
  return toWorkspace(row);
}

/** The workspace with `id`, if the scope can see it (only its own). */
export async function getWorkspace(trx: Tx, id: string): Promise<Workspace | undefined> {
  const row = await trx.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWorkspace(row);
}
