/**
 * What the dashboard shows, read in one tenant-scoped transaction: the caller and workspace,
 * generations by status (the `generations_status_idx` index), the latest audit events, and the
 * billing summary and usage series computed by the same functions `GET /api/v1/billing` and
 * `GET /api/v1/billing/usage` use.
 */
import { getUser, getWorkspace, type Tx } from '@brandsafe/db';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { loadWorkspaceBilling } from '../billing/enforce.js';
import type { BillingServices } from '../billing/services.js';
import { billingSummary, usageCounts, usageSeries } from '../billing/summary.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace } from '../http/auth.js';

/** The header's view of the caller. */
export interface Who {
  email: string;
  emailVerified: boolean;
  workspace: string;
}

export async function whoIn(trx: Tx, p: Principal): Promise<Who> {
  const [user, workspace] = await Promise.all([getUser(trx, p.userId), getWorkspace(trx, p.workspaceId)]);
  return { email: user?.email ?? '', emailVerified: Boolean(user?.emailVerifiedAt), workspace: workspace?.name ?? '' };
}

/** Looks up the header's view of the caller. */
export function who(deps: RouteDeps, p: Principal): Promise<Who> {
  return inWorkspace(deps, p, (trx) => whoIn(trx, p));
}

export interface RecentEvent {
  type: string;
  actor: string;
  at: Date;
}

/** Everything the dashboard renders. */
export async function dashboardData(deps: RouteDeps, services: BillingServices, p: Principal) {
  return inWorkspace(deps, p, async (trx) => {
    const billing = await loadWorkspaceBilling(trx, p.workspaceId, services.now(), services.billingUrl);
    const [me, byStatus, events, counts, series] = await Promise.all([
      whoIn(trx, p),
      sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM generations WHERE workspace_id = ${p.workspaceId} GROUP BY status ORDER BY status`.execute(trx),
      trx.selectFrom('audit_events').select(['type', 'actor', 'at']).where('workspace_id', '=', p.workspaceId).orderBy('seq', 'desc').limit(10).execute(),
      usageCounts(trx, p.workspaceId, billing.period.start),
      usageSeries(trx, p.workspaceId, billing),
    ]);
    return {
      me,
      summary: billingSummary(billing, counts, services.stripe !== null),
      series,
      byStatus: byStatus.rows.map((r) => ({ status: r.status, count: Number(r.n) })),
      events: events as RecentEvent[],
    };
  });
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
