/**
 * Benchmark of webhook processing (issue 6, "Speed"): Stripe events per second with exactly-once
 * kept. The workload is W workspaces each going through an 8-event subscription lifecycle
 * (checkout, created, active, paid, payment failed, past due, paid, active), delivered shuffled
 * (out of order) with 20% redeliveries. Rows:
 *  - signature verification alone (stripe.webhooks.constructEvent): the ceiling of the HTTP path;
 *  - the reducer on the in-memory repository (the logic's own cost);
 *  - the full path (verify + reducer + Postgres transaction with stripe_events, subscriptions and
 *    audit_events) on PGlite and on PostgreSQL, next to a floor that does only the exactly-once
 *    bookkeeping (one INSERT … ON CONFLICT DO NOTHING per delivery, no state, no audit).
 * After each run the exactly-once invariants are checked: one stripe_events row per unique event,
 * one audit entry per applied event, every workspace in its in-order final state.
 * Run: node --import tsx --conditions source scripts/bench/billing.ts [workspaces]
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); skipped if absent.
 */
import { MemoryBillingRepository, newTrialSubscription, processWebhookEvent, verifyWebhook, type BillingRepository } from '@brandsafe/billing';
import { withWorkspace, withoutWorkspace, type DialectName } from '@brandsafe/db';
import { openTestDatabase, type TestDatabase } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { admitGeneration, takeRateToken } from '../../server/src/billing/enforce.js';
import { grantQuotaOverrides, pgBillingRepository } from '../../server/src/billing/store.js';
import { FakeAccount, FAKE_PRICES, makeEvent, signedDelivery, type FakeEvent } from '../../test/support/fake-stripe/src/index.js';

const W = Number(process.argv[2] ?? 150);
const SECRET = 'whsec_bench';
const PRICES = { starter: 'price_starter_test', professional: 'price_professional_test' } as const;
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

interface Delivery { event: FakeEvent; body: string; signature: string }

/** Lifecycles for `ids` (workspace ids), shuffled with redeliveries; deterministic. */
function workload(ids: string[]): { deliveries: Delivery[]; unique: number; customers: Map<string, string> } {
  const account = new FakeAccount(FAKE_PRICES, () => 'http://fake.test');
  const t = Math.floor(Date.now() / 1000) - 3600;
  account.clock = () => t;
  const events: FakeEvent[] = [];
  const customers = new Map<string, string>();
  for (const ws of ids) {
    const customer = account.createCustomer({ metadata: { workspace_id: ws } });
    customers.set(ws, customer.id!);
    const open = account.createCheckoutSession({ mode: 'subscription', customer: customer.id!, client_reference_id: ws, success_url: 'https://a', cancel_url: 'https://b',
      line_items: [{ price: PRICES.professional, quantity: '1' }], metadata: { workspace_id: ws, plan: 'professional' }, subscription_data: { metadata: { workspace_id: ws, plan: 'professional' } } });
    const { session, subscription: sub, invoice } = account.completeCheckout(open.id!);
    events.push(
      makeEvent('checkout.session.completed', session, { created: t }),
      makeEvent('customer.subscription.created', { ...sub, status: 'incomplete' }, { created: t }),
      makeEvent('customer.subscription.updated', { ...sub, status: 'active' }, { created: t + 1 }),
      makeEvent('invoice.paid', invoice, { created: t + 1 }),
      makeEvent('invoice.payment_failed', invoice, { created: t + 100 }),
      makeEvent('customer.subscription.updated', { ...sub, status: 'past_due' }, { created: t + 100 }),
      makeEvent('invoice.paid', invoice, { created: t + 200 }),
      makeEvent('customer.subscription.updated', { ...sub, status: 'active' }, { created: t + 200 }),
    );
  }
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const all = [...events, ...events.filter(() => random() < 0.2)];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { deliveries: all.map((event) => ({ event, ...signedDelivery(event, SECRET) })), unique: events.length, customers };
}

/** Runs deliveries through verify + reducer with `concurrency` in flight; answers deliveries/s and outcomes. */
async function drive(repo: BillingRepository, deliveries: Delivery[], concurrency: number) {
  const outcomes = new Map<string, number>();
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      const event = verifyWebhook(d.body, d.signature, SECRET);
      const r = await processWebhookEvent(repo, event, { prices: PRICES });
      outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    }
  }));
  return { perSecond: deliveries.length / ((performance.now() - start) / 1000), outcomes };
}

const rows: string[][] = [];
const summary = (o: Map<string, number>, unique: number) =>
  `ok: ${unique} events once, ${o.get('duplicate') ?? 0} duplicates, ${o.get('stale') ?? 0} stale, ${o.get('refused') ?? 0} refused`;
function report(what: string, perSecond: number, check: string) {
  rows.push([what, fmt(perSecond), check]);
  console.log(`  ${what}: ${fmt(perSecond)}/s  ${check}`);
}

function assertExactlyOnce(what: string, ok: boolean, detail: string) {
  if (!ok) throw new Error(`${what}: exactly-once violated: ${detail}`);
}

async function memory() {
  const ids = Array.from({ length: W }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const { deliveries, unique, customers } = workload(ids);
  for (const d of deliveries) verifyWebhook(d.body, d.signature, SECRET); // warm-up (JIT)
  const start = performance.now();
  for (const d of deliveries) verifyWebhook(d.body, d.signature, SECRET);
  report('signature verification only (ceiling)', deliveries.length / ((performance.now() - start) / 1000), '');
  const repo = new MemoryBillingRepository();
  // As in the database runs: each workspace's customer is linked before its checkout completes.
  for (const ws of ids) repo.seed({ ...newTrialSubscription(ws, new Date()), stripeCustomerId: customers.get(ws) ?? null });
  const { perSecond, outcomes } = await drive(repo, deliveries, 1);
  const applied = outcomes.get('applied') ?? 0;
  assertExactlyOnce('memory', repo.events.size === unique && repo.audit.length === applied && ids.every((ws) => repo.subscription(ws)?.status === 'active'),
    `${repo.events.size} events for ${unique}, ${repo.audit.length} audit for ${applied} applied`);
  report('verify + reducer, in-memory repository', perSecond, summary(outcomes, unique));
}

async function database(dialect: DialectName, concurrency: number) {
  let t: TestDatabase;
  try {
    if (dialect === 'postgres') process.env.DATABASE_URL = PG_URL;
    t = await openTestDatabase(dialect);
  } catch (err) {
    console.log(`  ${dialect}: skipped (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    const ids = (await sql<{ id: string }>`INSERT INTO workspaces (name, slug) SELECT 'bench ' || g, 'bench-' || g FROM generate_series(1, ${W}) g RETURNING id`.execute(t.db)).rows.map((r) => r.id);
    const { deliveries, unique, customers } = workload(ids);
    for (const [ws, customer] of customers) await sql`UPDATE subscriptions SET stripe_customer_id = ${customer} WHERE workspace_id = ${ws}`.execute(t.db);
    // Floor: the exactly-once bookkeeping alone, one transaction per delivery.
    const floorStart = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++]!;
        const event = verifyWebhook(d.body, d.signature, SECRET);
        await withoutWorkspace(t.db, (trx) => sql`SELECT brandsafe_claim_stripe_event(${`floor_${event.id}`}, ${event.type}, now())`.execute(trx));
      }
    }));
    report(`${dialect}: floor (verify + claim event id only), ${concurrency} in flight`, deliveries.length / ((performance.now() - floorStart) / 1000), '');
    const { perSecond, outcomes } = await drive(pgBillingRepository(t.db), deliveries, concurrency);
    const counted = (await sql<{ events: number; audit: number; active: number }>`SELECT
        (SELECT count(*)::int FROM stripe_events WHERE id NOT LIKE 'floor_%') AS events,
        (SELECT count(*)::int FROM audit_events WHERE type LIKE 'billing.%') AS audit,
        (SELECT count(*)::int FROM subscriptions WHERE status = 'active' AND past_due_since IS NULL) AS active`.execute(t.db)).rows[0]!;
    const applied = outcomes.get('applied') ?? 0;
    assertExactlyOnce(dialect, counted.events === unique && counted.audit === applied && counted.active === W, JSON.stringify({ ...counted, unique, applied }));
    report(`${dialect}: verify + reducer + transaction, ${concurrency} in flight`, perSecond, `${summary(outcomes, unique)}, ${W}/${W} final states right`);
    await quota(t, ids[0]!, dialect, concurrency);
  } finally {
    await t.destroy();
  }
}

/**
 * The generation hot path's billing cost: transactions per second on ONE workspace (all
 * requests contend for its bucket and counter rows) with admitGeneration vs a one-row write transaction
 * on the same workspace (the same row lock and commit flush, without billing's read and check).
 */
async function quota(t: TestDatabase, workspaceId: string, dialect: string, concurrency: number) {
  const N = 2000;
  await grantQuotaOverrides(t.db, workspaceId, { generation: N / 2, requestsPerMinute: 6_000_000, burst: 1_000_000 }, 'bench');
  const run = async (work: () => Promise<unknown>) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next++ < N) await work().catch(() => undefined);
    }));
    return N / ((performance.now() - start) / 1000);
  };
  // Floor: a scoped transaction that writes the same workspace's row (same lock, same commit flush).
  const floor = await run(() => withWorkspace(t.db, workspaceId, (trx) => sql`UPDATE subscriptions SET updated_at = now() WHERE workspace_id = ${workspaceId}`.execute(trx)));
  report(`${dialect}: floor (one-row write transaction), one workspace, ${concurrency} in flight`, floor, '');
  const consumed = await run(() => admitGeneration(t.db, workspaceId));
  const counter = (await sql<{ n: number }>`SELECT sum(count)::int AS n FROM usage_counters WHERE workspace_id = ${workspaceId}`.execute(t.db)).rows[0]?.n;
  assertExactlyOnce(`${dialect} quota`, counter === N / 2, `counter ${counter}, limit ${N / 2}`);
  report(`${dialect}: admitGeneration (rate token + quota, own transaction, async commit), one workspace, ${concurrency} in flight`, consumed, `ok: ${N} requests vs limit ${N / 2} → counter ${counter}`);
  const rated = await run(() => takeRateToken(t.db, workspaceId, { requestsPerMinute: 6_000_000, burst: 1_000_000 }));
  report(`${dialect}: takeRateToken (own transaction, async commit), one workspace, ${concurrency} in flight`, rated, '');
}

console.log(`billing webhook benchmark: ${W} workspaces × 8 events, +20% redeliveries, shuffled`);
await memory();
await database('pglite', 1);
await database('postgres', 1);
await database('postgres', 8);
console.log('\n| path | per second | exactly-once / count check |\n|---|---:|---|');
for (const [what, value, check] of rows) console.log(`| ${what} | ${value} | ${check} |`);
