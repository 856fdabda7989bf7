/**
 * Who may do what. Workspace roles (issue 4 §4) and token scopes combine: a request is allowed
 * when the member's role grants the action and, for API tokens, the token's scopes include the
 * scope the action needs. An owner holds every role (issue 4 §7).
 */
import type { TokenScope, WorkspaceRole } from '@brandsafe/db';
import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';

/** Actions guarded by roles in the routes this module serves. */
export type Action = 'read' | 'author' | 'review' | 'deploy' | 'manage-members' | 'manage-tokens';

const ROLE_GRANTS: Record<WorkspaceRole, readonly Action[]> = {
  owner: ['read', 'author', 'review', 'deploy', 'manage-members', 'manage-tokens'],
  admin: ['read', 'author', 'review', 'deploy', 'manage-members', 'manage-tokens'],
  editor: ['read', 'author', 'manage-tokens'],
  reviewer: ['read', 'review', 'manage-tokens'],
  viewer: ['read', 'manage-tokens'],
};

/** The token scope an action needs: read for reads, generate for authoring content, etc. */
const ACTION_SCOPE: Record<Action, TokenScope> = {
  read: 'read',
  author: 'generate',
  review: 'review',
  deploy: 'admin',
  'manage-members': 'admin',
  'manage-tokens': 'admin',
};

/** True when `role` grants `action`. */
export function roleGrants(role: WorkspaceRole, action: Action): boolean {
  return ROLE_GRANTS[role].includes(action);
}

/**
 * Throws a 403 problem unless the principal may perform `action`. `roleOverride` is a per-brand
 * role that replaces the workspace role for actions on that brand (owners keep every right).
 */
export function requireAction(principal: Principal, action: Action, roleOverride?: WorkspaceRole): void {
  const role = principal.role === 'owner' ? 'owner' : (roleOverride ?? principal.role);
  if (!roleGrants(role, action)) {
    throw new ProblemError('FORBIDDEN', `the ${role} role may not ${action.replace('-', ' ')}`, { requiredAction: action });
  }
  const scope = ACTION_SCOPE[action];
  if (principal.kind === 'token' && !principal.scopes.includes(scope)) {
    throw new ProblemError('FORBIDDEN', `this API token lacks the ${scope} scope`, { requiredScope: scope });
  }
}
