/**
 * What the dashboard shows, read in one tenant-scoped transaction: the caller and workspace,
 * generations by status (the `generations_status_idx` index), the latest audit events, and the
 * billing summary and usage series computed by the same functions `GET /api/v1/billing` and
 * `GET /api/v1/billing/usage` use.
 */
import { isTerminal } from '@brandsafe/billing';
import { getUser, getWorkspace, listMemberships, type Tx } from '@brandsafe/db';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { loadWorkspaceBilling } from '../billing/enforce.js';
import type { BillingServices } from '../billing/services.js';
import { billingSummary, usageCounts } from '../billing/summary.js';
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

/**
 * Generations per UTC day of the period — the series `GET /api/v1/billing/usage` answers
 * (`usageSeries`; a test holds the two equal), computed as one index range count per day over
 * `generations_page_idx` (workspace_id, created_at) instead of formatting every row's date: with
 * 10,000 generations that is the difference between ~2.5 ms and ~7 ms on PGlite, most of the
 * dashboard's budget (issue 6: p99 < 20 ms).
 */
export async function usageDays(trx: Tx, workspaceId: string, period: { start: Date; end: Date }): Promise<{ date: string; generations: number }[]> {
  const last = new Date(Math.min(period.end.getTime(), Date.now() + 86_400_000));
  const { rows } = await sql<{ day: string; n: number }>`SELECT to_char(d AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
      (SELECT count(*) FROM generations g WHERE g.workspace_id = ${workspaceId}
         AND g.created_at >= greatest(d, ${period.start}::timestamptz) AND g.created_at < least(d + interval '1 day', ${period.end}::timestamptz))::int AS n
    FROM generate_series(date_trunc('day', ${period.start}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                         ${last}::timestamptz - interval '1 microsecond', interval '1 day') AS d
    ORDER BY d LIMIT 62`.execute(trx);
  return rows.map((r) => ({ date: r.day, generations: Number(r.n) }));
}

/** Everything the dashboard renders. */
export async function dashboardData(deps: RouteDeps, services: BillingServices, p: Principal) {
  return inWorkspace(deps, p, async (trx) => {
    const billing = await loadWorkspaceBilling(trx, p.workspaceId, services.now(), services.billingUrl);
    const sub = billing.subscription;
    const [me, byStatus, events, counts, series, members] = await Promise.all([
      whoIn(trx, p),
      sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM generations WHERE workspace_id = ${p.workspaceId} GROUP BY status ORDER BY status`.execute(trx),
      trx.selectFrom('audit_events').select(['type', 'actor', 'at']).where('workspace_id', '=', p.workspaceId).orderBy('seq', 'desc').limit(10).execute(),
      usageCounts(trx, p.workspaceId, billing.period.start),
      usageDays(trx, p.workspaceId, billing.period),
      listMemberships(trx),
    ]);
    return {
      me,
      summary: billingSummary(billing, counts, services.stripe !== null),
      series: { period: { start: billing.period.start.toISOString(), end: billing.period.end.toISOString() }, limit: billing.limits.generation, used: counts.generation, days: series },
      byStatus: byStatus.rows.map((r) => ({ status: r.status, count: Number(r.n) })),
      events: events as RecentEvent[],
      /** Member emails by user id, to show audit actors readably. */
      emails: new Map(members.map((m) => [m.userId, m.email])),
      live: Boolean(sub?.stripeSubscriptionId) && !isTerminal(sub!.status),
    };
  });
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;

/**
 * The billing banner for the portal: the billing state's, except that a workspace already
 * subscribed through Checkout during its trial is told when Stripe charges rather than asked to
 * choose a plan.
 */
export function portalBanner(summary: { banner: { level: 'info' | 'warning' | 'error'; message: string; action: { label: string; href: string } | null } | null; phase: string; plan: { name: string }; trialEndsAt: string | null }, live: boolean) {
  if (live && summary.phase === 'trialing') {
    const when = summary.trialEndsAt ? ` on ${summary.trialEndsAt.slice(0, 10)}` : '';
    return { level: 'info' as const, message: `Subscribed to ${summary.plan.name}: the trial continues and Stripe charges the card${when}.`, action: null };
  }
  return summary.banner;
}

/** An audit actor as people read it: the member's email, the token used, or the system. */
export function actorLabel(actor: string, emails: ReadonlyMap<string, string>): string {
  const m = /^user:([0-9a-f-]{36})(\/token:[0-9a-f-]{36})?$/.exec(actor);
  if (!m) return actor.replace(/^system:/, '');
  const who = emails.get(m[1]!) ?? `user ${m[1]!.slice(0, 8)}`;
  return m[2] ? `${who} (API token)` : who;
}
