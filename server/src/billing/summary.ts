/**
 * What `GET /api/v1/billing` answers: plan, state and banner, limits, and usage this period
 * against each limit — the portal's billing page and usage chart read it.
 */
import { PLANS, formatPrice, type Limits, type QuotaKind } from '@brandsafe/billing';
import type { Tx } from '@brandsafe/db';
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { WorkspaceBilling } from './enforce.js';
import { periodUsage } from './enforce.js';

const Limit = z.number().int().nullable().openapi({ description: 'null = unlimited' });
const Usage = z.object({ used: z.number().int(), limit: Limit });

export const PlanSchema = z
  .object({
    id: z.enum(['starter', 'professional', 'enterprise']),
    name: z.string(),
    tagline: z.string(),
    price: z.string().openapi({ example: '$499/month' }),
    monthlyPriceCents: z.number().int().nullable(),
    selfServe: z.boolean(),
    features: z.array(z.string()),
    limits: z.object({ generation: Limit, brand: Limit, member: Limit, api_token: Limit, requestsPerMinute: z.number(), burst: z.number() }),
  })
  .openapi('Plan');

export const BillingSummarySchema = z
  .object({
    configured: z.boolean().openapi({ description: 'false when Stripe keys are not set: trial limits still apply' }),
    plan: PlanSchema,
    status: z.string(),
    phase: z.string(),
    generationAllowed: z.boolean(),
    banner: z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string(), action: z.object({ label: z.string(), href: z.string() }).nullable() }).nullable(),
    trialEndsAt: z.string().nullable(),
    currentPeriodEnd: z.string().nullable(),
    cancelAtPeriodEnd: z.boolean(),
    hasPaymentAccount: z.boolean(),
    period: z.object({ start: z.string(), end: z.string() }),
    usage: z.object({ generation: Usage, brand: Usage, member: Usage, api_token: Usage }),
  })
  .openapi('BillingSummary');

/** The catalog entry as the API shows it. */
export function planJson(id: keyof typeof PLANS) {
  const plan = PLANS[id];
  return { id: plan.id, name: plan.name, tagline: plan.tagline, price: formatPrice(plan), monthlyPriceCents: plan.monthlyPriceCents,
    selfServe: plan.selfServe, features: [...plan.features], limits: { ...plan.limits } };
}

/** Current counts of every limited kind. */
export async function usageCounts(trx: Tx, workspaceId: string, periodStart: Date): Promise<Record<QuotaKind, number>> {
  const { rows } = await sql<{ brand: number; member: number; api_token: number }>`SELECT
      (SELECT count(*) FROM brands WHERE workspace_id = ${workspaceId})::int AS brand,
      (SELECT count(*) FROM memberships WHERE workspace_id = ${workspaceId})::int AS member,
      (SELECT count(*) FROM api_tokens WHERE workspace_id = ${workspaceId} AND revoked_at IS NULL)::int AS api_token`.execute(trx);
  const counts = rows[0] ?? { brand: 0, member: 0, api_token: 0 };
  return { generation: await periodUsage(trx, workspaceId, 'generation', periodStart), brand: counts.brand, member: counts.member, api_token: counts.api_token };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The summary body. */
export function billingSummary(billing: WorkspaceBilling, counts: Record<QuotaKind, number>, configured: boolean): z.infer<typeof BillingSummarySchema> {
  const { subscription: sub, state, limits, period } = billing;
  const usage = (kind: QuotaKind) => ({ used: counts[kind], limit: (limits as Limits)[kind] });
  return {
    configured,
    plan: { ...planJson(sub?.plan ?? 'starter'), limits: { ...limits } },
    status: sub?.status ?? 'none',
    phase: state.phase,
    generationAllowed: state.generationAllowed,
    banner: state.banner ? { level: state.banner.level, message: state.banner.message, action: state.banner.action ? { ...state.banner.action } : null } : null,
    trialEndsAt: iso(sub?.trialEndsAt),
    currentPeriodEnd: iso(sub?.currentPeriodEnd),
    cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? false,
    hasPaymentAccount: Boolean(sub?.stripeCustomerId),
    period: { start: period.start.toISOString(), end: period.end.toISOString() },
    usage: { generation: usage('generation'), brand: usage('brand'), member: usage('member'), api_token: usage('api_token') },
  };
}

export const UsageSeriesSchema = z
  .object({
    period: z.object({ start: z.string(), end: z.string() }),
    limit: Limit,
    used: z.number().int(),
    days: z.array(z.object({ date: z.string().openapi({ example: '2026-11-24' }), generations: z.number().int() })),
  })
  .openapi('UsageSeries');

/** Generations per UTC day of the current period (every day present, zeros included). */
export async function usageSeries(trx: Tx, workspaceId: string, billing: WorkspaceBilling): Promise<z.infer<typeof UsageSeriesSchema>> {
  const { start, end } = billing.period;
  const { rows } = await sql<{ day: string; n: number }>`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM generations WHERE workspace_id = ${workspaceId} AND created_at >= ${start} AND created_at < ${end} GROUP BY 1`.execute(trx);
  const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
  const days: { date: string; generations: number }[] = [];
  const last = Math.min(end.getTime(), Date.now() + 86_400_000);
  for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t < last && days.length < 62; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    days.push({ date, generations: byDay.get(date) ?? 0 });
  }
  return {
    period: { start: start.toISOString(), end: end.toISOString() },
    limit: billing.limits.generation,
    used: await periodUsage(trx, workspaceId, 'generation', start),
    days,
  };
}
