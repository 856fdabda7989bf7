import type { Tx } from '../scope.js';
import type { WorkspaceRole } from '../schema/common.js';
import type { MembershipRow } from '../schema/memberships.js';

/** A user's role in a workspace, with the user's email for listings. */
export interface Membership {
  workspaceId: string;
  userId: string;
  email: string;
  role: WorkspaceRole;
  createdAt: Date;
}

/** Maps a `memberships` row joined with the user's email to the domain type. */
export function toMembership(row: MembershipRow & { email: string }): Membership {
  return { workspaceId: row.workspace_id, userId: row.user_id, email: row.email, role: row.role, createdAt: row.created_at };
}

function selectMemberships(trx: Tx) {
  return trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('memberships')
    .select('users.email');
}

/** Adds `userId` to the scope's workspace with `role`. */
export async function addMembership(trx: Tx, values: { workspaceId: string; userId: string; role: WorkspaceRole }): Promise<void> {
  await trx.insertInto('memberships').values({ workspace_id: values.workspaceId, user_id: values.userId, role: values.role }).execute();
}

/** Every member of the scope's workspace, oldest first. */
export async function listMemberships(trx: Tx): Promise<Membership[]> {
  const rows = await selectMemberships(trx).orderBy('memberships.created_at').orderBy('memberships.user_id').execute();
  return rows.map(toMembership);
}

/** One member of the scope's workspace. */
export async function getMembership(trx: Tx, userId: string): Promise<Membership | undefined> {
  const row = await selectMemberships(trx).where('memberships.user_id', '=', userId).executeTakeFirst();
  return row && toMembership(row);
}

/** Changes a member's role; returns false when there is no such member in the scope. */
export async function setMembershipRole(trx: Tx, userId: string, role: WorkspaceRole): Promise<boolean> {
  const result = await trx
    .updateTable('memberships')
    .set({ role, updated_at: new Date() })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes a member; returns false when there is no such member in the scope. */
export async function removeMembership(trx: Tx, userId: string): Promise<boolean> {
  const result = await trx.deleteFrom('memberships').where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** How many owners the scope's workspace has (a workspace must keep at least one). */
export async function countOwners(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
