import type { Tx } from '../scope.js';
import type { WorkspaceRole } from '../schema/common.js';
import type { InvitationRow } from '../schema/invitations.js';

/** An invitation to join a workspace (the secret is never stored, only its hash). */
export interface Invitation {
  id: string;
  email: string;
  role: WorkspaceRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Maps an `invitations` row to the domain type. */
export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

/** Records an invitation; it expires 7 days from now (column default, issue 4 §4). */
export async function createInvitation(
  trx: Tx,
  values: { workspaceId: string; email: string; role: WorkspaceRole; tokenHash: string; invitedBy: string | null },
): Promise<Invitation> {
  const row = await trx
    .insertInto('invitations')
    .values({
      workspace_id: values.workspaceId,
      email: values.email,
      role: values.role,
      token_hash: values.tokenHash,
      invited_by: values.invitedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInvitation(row);
}

/** Invitations of the scope's workspace, newest first. */
export async function listInvitations(trx: Tx): Promise<Invitation[]> {
  const rows = await trx.selectFrom('invitations').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toInvitation);
}

/** Revokes a pending invitation; returns it, or undefined when none was pending. */
export async function revokeInvitation(trx: Tx, id: string): Promise<Invitation | undefined> {
  const row = await trx
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row && toInvitation(row);
}

/** Marks a pending invitation accepted; false when it was no longer pending. */
export async function markInvitationAccepted(trx: Tx, id: string): Promise<boolean> {
  const r = await trx
    .updateTable('invitations')
    .set({ accepted_at: new Date() })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
