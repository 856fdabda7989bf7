import type { TokenScope, WorkspaceRole } from '@brandsafe/db';

/** Who is calling: a signed-in session or a personal API token, always within one workspace. */
export interface Principal {
  kind: 'session' | 'token';
  userId: string;
  workspaceId: string;
  role: WorkspaceRole;
  /** Sessions carry every scope; tokens the ones they were created with. */
  scopes: readonly TokenScope[];
  /** The session or token id. */
  credentialId: string;
}

/** The `actor` recorded on audit events: the user, and the token when one was used. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'token' ? `user:${principal.userId}/token:${principal.credentialId}` : `user:${principal.userId}`;
}
