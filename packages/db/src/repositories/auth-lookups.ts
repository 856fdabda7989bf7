/**
 * The lookups that happen before a request's workspace is known. Each calls one SECURITY
 * DEFINER function of migration 0005 that answers one narrow question, so the application role
 * never needs cross-tenant read access (issue 4 §3). Run them inside `withoutWorkspace`.
 */
import { sql } from 'kysely';
import type { Tx } from '../scope.js';
import type { TokenScope, WorkspaceRole } from '../schema/common.js';

/** Who a bearer API token speaks for. */
export interface ResolvedApiToken {
  tokenId: string;
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  scopes: TokenScope[];
}

/** The live token whose secret hashes to `tokenHash`, held by a current member; else undefined. */
export async function resolveApiToken(trx: Tx, tokenHash: string): Promise<ResolvedApiToken | undefined> {
  const r = await sql<{ token_id: string; workspace_id: string; user_id: string; role: WorkspaceRole; scopes: TokenScope[] }>`
    select * from brandsafe_resolve_api_token(${tokenHash})`.execute(trx);
  const row = r.rows[0];
  return row && { tokenId: row.token_id, workspaceId: row.workspace_id, userId: row.user_id, role: row.role, scopes: row.scopes };
}

/** Who a session secret speaks for. */
export interface ResolvedSession {
  sessionId: string;
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
}

/** The live session whose secret hashes to `tokenHash`, of a current member; else undefined. */
export async function resolveSession(trx: Tx, tokenHash: string): Promise<ResolvedSession | undefined> {
  const r = await sql<{ session_id: string; workspace_id: string; user_id: string; role: WorkspaceRole }>`
    select * from brandsafe_resolve_session(${tokenHash})`.execute(trx);
  const row = r.rows[0];
  return row && { sessionId: row.session_id, workspaceId: row.workspace_id, userId: row.user_id, role: row.role };
}

/** What sign-in needs: the password hash to verify and the workspace to sign into. */
export interface LoginRecord {
  userId: string;
  passwordHash: string;
  /** The user's oldest membership; null when they belong to no workspace. */
  workspaceId: string | null;
}

/** The account registered with `email` (case-insensitive), if any. */
export async function loginLookup(trx: Tx, email: string): Promise<LoginRecord | undefined> {
  const r = await sql<{ user_id: string; password_hash: string; workspace_id: string | null }>`
    select * from brandsafe_login_lookup(${email})`.execute(trx);
  const row = r.rows[0];
  return row && { userId: row.user_id, passwordHash: row.password_hash, workspaceId: row.workspace_id };
}

/** An invitation found by the hash of its secret. */
export interface InvitationLookup {
  invitationId: string;
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** The invitation whose secret hashes to `tokenHash`, whatever its state. */
export async function findInvitation(trx: Tx, tokenHash: string): Promise<InvitationLookup | undefined> {
  const r = await sql<{
    invitation_id: string;
    workspace_id: string;
    email: string;
    role: WorkspaceRole;
    expires_at: Date;
    accepted_at: Date | null;
    revoked_at: Date | null;
  }>`select * from brandsafe_find_invitation(${tokenHash})`.execute(trx);
  const row = r.rows[0];
  return (
    row && {
      invitationId: row.invitation_id,
      workspaceId: row.workspace_id,
      email: row.email,
      role: row.role,
      expiresAt: row.expires_at,
      acceptedAt: row.accepted_at,
      revokedAt: row.revoked_at,
    }
  );
}

/** Records one sign-in attempt for throttling. */
export async function recordLoginAttempt(trx: Tx, email: string, address: string, succeeded: boolean): Promise<void> {
  await sql`select brandsafe_record_login_attempt(${email}, ${address}, ${succeeded})`.execute(trx);
}

/** Failed sign-ins since `since`, per account (after its last success) and per address. */
export interface LoginFailures {
  account: number;
  accountOldest: Date | null;
  address: number;
  addressOldest: Date | null;
}

/** Counts recent failed sign-ins for the throttle. */
export async function loginFailures(trx: Tx, email: string, address: string, since: Date): Promise<LoginFailures> {
  const r = await sql<{ account_failures: number; account_oldest: Date | null; address_failures: number; address_oldest: Date | null }>`
    select * from brandsafe_login_failures(${email}, ${address}, ${since})`.execute(trx);
  const row = r.rows[0];
  return {
    account: row?.account_failures ?? 0,
    accountOldest: row?.account_oldest ?? null,
    address: row?.address_failures ?? 0,
    addressOldest: row?.address_oldest ?? null,
  };
}
