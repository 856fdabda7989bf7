/**
 * Count quotas at the routes that create counted things (issue 6 §1: brands, members, API
 * tokens per plan): one call inside the creating transaction, before the insert.
 */
import type { Tx } from '@brandsafe/db';
import type { RouteDeps } from '../context.js';
import { assertCountQuota } from './enforce.js';

/** Where the portal's billing page is, for the upgrade link of a 402 (as BillingServices has it). */
export function billingUrlFor(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/billing`;
}

/**
 * Throws the 402 QUOTA_EXCEEDED problem (quota, limit, usage, upgrade) when the workspace has no
 * room for one more `kind` under its plan and overrides; see {@link assertCountQuota} for the lock
 * that keeps two concurrent creations from both passing.
 */
export async function assertRoomFor(deps: Pick<RouteDeps, 'options'>, trx: Tx, workspaceId: string, kind: 'brand' | 'member' | 'api_token'): Promise<void> {
  await assertCountQuota(trx, workspaceId, kind, { billingUrl: billingUrlFor(deps.options.publicUrl) });
}
