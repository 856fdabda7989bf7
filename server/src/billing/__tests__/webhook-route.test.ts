import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { processWebhookEvent, type BillingStore } from '@brandsafe/billing';
import { withoutWorkspace } from '@brandsafe/db';
import { STRIPE_ACTOR, pgBillingRepository, pgBillingStore } from '../store.js';
import { WEBHOOK_SECRET, openBillingHarness, send, type BillingHarness } from './harness.js';
import { signup } from '../../__tests__/helpers.js';
import { makeEvent, signPayload, signedDelivery, type FakeEvent, type StripeObject } from '../../../../packages/billing/src/__tests__/support/fake-stripe.js';

for (const dialect of DIALECTS) {
  describe(`POST /webhooks/stripe (${dialect})`, () => {
    let h: BillingHarness;
    before(async function () {
      this.timeout(60_000);
      h = await openBillingHarness(dialect);
    });
    after(async () => {
      await h.fake.close();
      await h.t.destroy();
    });

    const deliver = (event: FakeEvent, options: { secret?: string; timestamp?: number; tamper?: (body: string) => string } = {}) => {
      const { body, signature } = signedDelivery(event, options.secret ?? WEBHOOK_SECRET, options.timestamp === undefined ? {} : { timestamp: options.timestamp });
      return send(h.billing, 'POST', '/webhooks/stripe', { body: options.tamper ? options.tamper(body) : body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
    };
    const summary = async (token: string) => (await send(h.billing, 'GET', '/api/v1/billing', { token })).data;
    const eventRow = async (id: string) => (await sql<{ outcome: string; reason: string | null; workspace_id: string | null }>`SELECT outcome, reason, workspace_id FROM stripe_events WHERE id = ${id}`.execute(h.t.db)).rows[0];

    /** A workspace that went through Checkout on the fake: its objects, not yet delivered. */
    async function paidWorkspace(name: string, plan: 'starter' | 'professional' = 'professional') {
      const a = await signup(h.app, name);
      await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan } });
      const open = [...h.fake.account.sessions.values()].filter((s) => s.client_reference_id === a.workspaceId).at(-1)!;
      return { ...a, ...h.fake.account.completeCheckout(open.id!) };
    }

    it('applies a checkout completion and the subscription, audited as Stripe, exactly once', async () => {
      const a = await paidWorkspace('Webhook');
      const now = Math.floor(Date.now() / 1000);
      const completed = makeEvent('checkout.session.completed', a.session, { created: now });
      const r = await deliver(completed);
      assert.equal(r.status, 200, JSON.stringify(r.data));
      assert.deepEqual([r.data.received, r.data.outcome], [true, 'applied']);
      const created = makeEvent('customer.subscription.created', { ...a.subscription, status: 'trialing' }, { created: now });
      assert.equal((await deliver(created)).data.outcome, 'applied');
      const s = await summary(a.token);
      assert.deepEqual([s.plan.id, s.status, s.usage.generation.limit], ['professional', 'trialing', null]);
      assert.equal((await deliver(completed)).data.outcome, 'duplicate');
      const audit = (await sql<{ type: string; actor: string }>`SELECT type, actor FROM audit_events WHERE workspace_id = ${a.workspaceId} AND actor = ${STRIPE_ACTOR} ORDER BY seq`.execute(h.t.db)).rows;
      // The carried-over trial made the checkout's provisional status trialing already.
      assert.deepEqual(audit.map((e) => e.type), ['billing.checkout_completed', 'billing.subscription_updated']);
      assert.deepEqual(await eventRow(completed.id), { outcome: 'applied', reason: null, workspace_id: a.workspaceId });
    });

    it('keeps the newer state when events arrive out of order', async () => {
      const a = await paidWorkspace('Order');
      const t = Math.floor(Date.now() / 1000);
      await deliver(makeEvent('customer.subscription.updated', { ...a.subscription, status: 'active' }, { created: t + 2 }));
      await deliver(makeEvent('checkout.session.completed', a.session, { created: t }));
      const late = await deliver(makeEvent('customer.subscription.created', { ...a.subscription, status: 'incomplete' }, { created: t - 5 }));
      assert.deepEqual([late.data.outcome, late.data.reason], ['stale', 'older_event']);
      assert.equal((await summary(a.token)).status, 'active');
    });

    it('moves to past due on a failed payment, pauses generation after the grace period, resumes when paid', async () => {
      const a = await paidWorkspace('Dunning');
      const t = Math.floor(Date.now() / 1000);
      await deliver(makeEvent('checkout.session.completed', a.session, { created: t }));
      await deliver(makeEvent('customer.subscription.updated', { ...a.subscription, status: 'active' }, { created: t }));
      await deliver(makeEvent('invoice.payment_failed', { ...a.invoice, status: 'open', attempt_count: 1 }, { created: t + 10 }));
      let s = await summary(a.token);
      assert.deepEqual([s.status, s.phase, s.generationAllowed, s.banner.level], ['past_due', 'grace', true, 'warning']);
      h.clock.offsetMs = 8 * 86_400_000;
      s = await summary(a.token);
      assert.deepEqual([s.phase, s.generationAllowed, s.banner.level], ['paused', false, 'error']);
      await deliver(makeEvent('invoice.paid', a.invoice, { created: t + 20 }));
      s = await summary(a.token);
      assert.deepEqual([s.status, s.phase, s.generationAllowed], ['active', 'active', true]);
      h.clock.offsetMs = 0;
    });

    it('refuses wrong signatures, replays, forged and re-serialised bodies with a 400 problem, changing nothing', async () => {
      const a = await paidWorkspace('Attacks');
      const event = makeEvent('checkout.session.completed', a.session);
      const attempts = [
        await deliver(event, { secret: 'whsec_attacker' }),
        await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
        await deliver(event, { tamper: (b) => b.replace(a.workspaceId, '00000000-0000-4000-8000-000000000000') }),
        await deliver(event, { tamper: (b) => JSON.stringify(JSON.parse(b)) }),
        await send(h.billing, 'POST', '/webhooks/stripe', { body: JSON.stringify(event) }),
      ];
      for (const r of attempts) {
        assert.equal(r.status, 400);
        assert.equal(r.type, 'application/problem+json');
        assert.equal(r.data.code, 'WEBHOOK_SIGNATURE_INVALID');
        assert.equal(r.data.type, 'tag:brandsafe.dev,2026:problem/webhook-signature-invalid');
      }
      assert.equal(await eventRow(event.id), undefined);
      assert.equal((await summary(a.token)).status, 'trialing');
      // Correctly signed, but not an event: a 400 problem, not a 500 that Stripe would retry.
      const notEvent = JSON.stringify({ hello: 'world' });
      const r = await send(h.billing, 'POST', '/webhooks/stripe', { body: notEvent, headers: { 'stripe-signature': signPayload(notEvent, WEBHOOK_SECRET) } });
      assert.deepEqual([r.status, r.data.code], [400, 'VALIDATION_FAILED']);
    });

    it("refuses and records an event about another workspace's customer; both workspaces stay as they were", async () => {
      const a = await paidWorkspace('Victim');
      const b = await signup(h.app, 'Attacker');
      await deliver(makeEvent('checkout.session.completed', a.session));
      const victimBefore = await summary(a.token);
      assert.equal(victimBefore.plan.id, 'professional');
      const forged: StripeObject = { ...a.subscription, status: 'canceled', metadata: { workspace_id: b.workspaceId } };
      const attack = makeEvent('customer.subscription.deleted', forged);
      const r = await deliver(attack);
      assert.deepEqual([r.status, r.data.outcome, r.data.reason], [200, 'refused', 'tenant_mismatch']);
      assert.deepEqual(await eventRow(attack.id), { outcome: 'refused', reason: 'tenant_mismatch', workspace_id: null });
      assert.deepEqual(await summary(a.token), victimBefore);
      assert.deepEqual([(await summary(b.token)).status, (await summary(b.token)).hasPaymentAccount], ['trialing', false]);
      const stranger = makeEvent('customer.subscription.updated', { ...a.subscription, id: 'sub_x', customer: 'cus_nobody', metadata: {} });
      assert.equal((await deliver(stranger)).data.reason, 'unknown_customer');
    });

    it('never lets an older event that read first overwrite a newer one that committed meanwhile', async function () {
      this.timeout(30_000);
      const a = await paidWorkspace('Race');
      const t = Math.floor(Date.now() / 1000);
      await deliver(makeEvent('checkout.session.completed', a.session, { created: t }));
      const older = makeEvent('customer.subscription.updated', { ...a.subscription, status: 'past_due' }, { created: t + 10 });
      const newer = makeEvent('customer.subscription.updated', { ...a.subscription, status: 'active', cancel_at_period_end: true }, { created: t + 20 });
      // The older event reads the workspace's record, then stalls before writing; the newer one
      // arrives meanwhile. Without the row lock the newer one would commit and then be overwritten.
      let release!: () => void;
      const stalled = new Promise<void>((resolve) => { release = resolve; });
      let olderRead!: () => void;
      const olderHasRead = new Promise<void>((resolve) => { olderRead = resolve; });
      const slowRepo = { transaction: <R>(work: (s: BillingStore) => Promise<R>) => withoutWorkspace(h.t.db, (trx) => {
        const store = pgBillingStore(trx);
        return work({ ...store, getSubscription: async (ws) => { const s = await store.getSubscription(ws); olderRead(); await stalled; return s; } });
      }) };
      const first = processWebhookEvent(slowRepo, older, { prices: h.config.prices });
      await olderHasRead;
      const second = processWebhookEvent(pgBillingRepository(h.t.db), newer, { prices: h.config.prices });
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      const results = await Promise.all([first, second]);
      assert.deepEqual(results.map((r) => r.outcome), ['applied', 'applied']);
      const s = await summary(a.token);
      assert.deepEqual([s.status, s.cancelAtPeriodEnd], ['active', true]);
    });

    it('processes concurrent redeliveries of one event once', async () => {
      const a = await paidWorkspace('Concurrent');
      const event = makeEvent('checkout.session.completed', a.session);
      const results = await Promise.all(Array.from({ length: 6 }, () => deliver(event)));
      assert.deepEqual(results.map((r) => r.data.outcome).sort(), ['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE workspace_id = ${a.workspaceId} AND type = 'billing.checkout_completed'`.execute(h.t.db)).rows[0]?.n;
      assert.equal(n, 1);
    });
  });
}
