/**
 * The review pipeline's state machine (DESIGN.md "Review and audit", issue 4 §7):
 *
 *   GENERATED ──submit──▶ QA_REVIEW ──approve──▶ APPROVED ──deploy──▶ DEPLOYED
 *                            │ ▲                     │                  ▲
 *                       reject │ resubmit     mark failed             redeploy
 *                            ▼ │                     ▼                  │
 *                          REJECTED              DEPLOY_FAILED ─────────┘
 *
 * Editors submit (and resubmit a rejected generation after correcting it); reviewers approve
 * or reject, always with a note; admins deploy or mark a deployment failed. Each move names
 * the action (auth/roles.ts) a role must grant, so owners — who hold every role — may make
 * every move, and per-brand role overrides apply.
 */
import type { GenerationStatus, WorkspaceRole } from '@brandsafe/db';
import type { Principal } from '../auth/principal.js';
import type { Action } from '../auth/roles.js';
import { ProblemError, forbidden } from '../http/problem.js';

/** One allowed move. */
export interface Move {
  from: GenerationStatus;
  to: GenerationStatus;
  /** What the actor's role must grant. */
  action: Action;
  /** The reviewer's decision must be explained. */
  noteRequired: boolean;
  /** A short verb for messages and audit events. */
  verb: string;
}

export const MOVES: readonly Move[] = [
  { from: 'GENERATED', to: 'QA_REVIEW', action: 'author', noteRequired: false, verb: 'submit' },
  { from: 'REJECTED', to: 'QA_REVIEW', action: 'author', noteRequired: false, verb: 'resubmit' },
  { from: 'QA_REVIEW', to: 'APPROVED', action: 'review', noteRequired: true, verb: 'approve' },
  { from: 'QA_REVIEW', to: 'REJECTED', action: 'review', noteRequired: true, verb: 'reject' },
  { from: 'APPROVED', to: 'DEPLOYED', action: 'deploy', noteRequired: false, verb: 'deploy' },
  { from: 'APPROVED', to: 'DEPLOY_FAILED', action: 'deploy', noteRequired: false, verb: 'mark deploy failed' },
  { from: 'DEPLOY_FAILED', to: 'DEPLOYED', action: 'deploy', noteRequired: false, verb: 'redeploy' },
];

/** The move from `from` to `to`, or undefined when the pipeline has no such edge. */
export function findMove(from: GenerationStatus, to: GenerationStatus): Move | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

/** The statuses reachable from `from` in one move. */
export function nextStatuses(from: GenerationStatus): GenerationStatus[] {
  return MOVES.filter((m) => m.from === from).map((m) => m.to);
}

/** Statuses in which the code may still be corrected: not once approved or shipped. */
export const CORRECTABLE: readonly GenerationStatus[] = ['GENERATED', 'QA_REVIEW', 'REJECTED'];

/**
 * Approving code the checker still refuses is an admin's decision (issue 4 §7), whatever the
 * reviewer role allows: the effective role (per-brand override, owners keep everything) must be
 * admin or owner, and an API token must carry the admin scope.
 */
export function requireOverrideRight(p: Principal, roleOverride: WorkspaceRole | undefined): void {
  const role = p.role === 'owner' ? 'owner' : (roleOverride ?? p.role);
  if (role !== 'owner' && role !== 'admin') throw forbidden(`only an admin may approve over the checker's errors (your role: ${role})`);
  if (p.kind === 'token' && !p.scopes.includes('admin')) throw new ProblemError('FORBIDDEN', 'this API token lacks the admin scope', { requiredScope: 'admin' });
}
