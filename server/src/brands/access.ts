import { getBrandForUser, type BrandRecord, type Tx } from '@brandsafe/db';
import type { Principal } from '../auth/principal.js';
import { requireAction, type Action } from '../auth/roles.js';
import { notFound } from '../http/problem.js';

/**
 * Loads a brand of the caller's workspace and checks `action` against the caller's role on it
 * (a per-brand role overrides the workspace role). Another workspace's brand id is a 404:
 * row-level security hides it, and the API does not say it exists.
 */
export async function brandFor(trx: Tx, p: Principal, brandId: string, action: Action): Promise<BrandRecord> {
  const found = await getBrandForUser(trx, brandId, p.userId);
  if (!found) throw notFound('brand');
  const { roleOverride, ...brand } = found;
  requireAction(p, action, roleOverride ?? undefined);
  return brand;
}
