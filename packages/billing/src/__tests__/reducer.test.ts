import assert from 'node:assert/strict';
import { BillingError } from '../errors.js';
import { billingState, newTrialSubscription } from '../subscription.js';
import { processWebhookEvent } from '../webhooks/reducer.js';
import { MemoryBillingRepository } from '../webhooks/repository.js';
import { PRICES, checkoutScenario, event, withFields } from './support/events.js';

const T = 1_790_000_000;
const options = { prices: PRICES };

function repoWith(...workspaces: string[]) {
  const repo = new MemoryBillingRepository();
  for (const ws of workspaces) repo.seed(newTrialSubscription(ws, new Date((T - 86_400) * 1000)));
  return repo;
}

describe('processWebhookEvent', () => {
  it('applies a checkout completion: plan, status and customer link, with an audit entry', async () => {
    const repo = repoWith('ws_a');
    const { session, subscription, customerId } = checkoutScenario('ws_a');
    const result = await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
    assert.equal(result.outcome, 'applied');
    assert.equal(result.workspaceId, 'ws_a');
    const sub = repo.subscription('ws_a')!;
    assert.deepEqual([sub.plan, sub.status, sub.stripeCustomerId, sub.stripeSubscriptionId, sub.statusSource],
      ['professional', 'active', customerId, subscription.id, 'checkout']);
    assert.deepEqual(repo.audit.map((a) => [a.workspaceId, a.action]), [['ws_a', 'billing.checkout_completed']]);
    assert.deepEqual(repo.audit[0]?.data.from, { plan: 'starter', status: 'trialing' });
    assert.equal((repo.events.get(result.eventId) as { outcome: string }).outcome, 'applied');
  });

  describe('exactly once', () => {
    it('answers a redelivered event as a duplicate and changes nothing', async () => {
      const repo = repoWith('ws_a');
      const { session } = checkoutScenario('ws_a');
      const e = event('checkout.session.completed', session, T);
      await processWebhookEvent(repo, e, options);
      const before = repo.subscription('ws_a');
      const again = await processWebhookEvent(repo, e, options);
      assert.equal(again.outcome, 'duplicate');
      assert.equal(repo.subscription('ws_a'), before);
      assert.equal(repo.audit.length, 1);
    });

    it('applies one of many concurrent deliveries of the same event', async () => {
      const repo = repoWith('ws_a');
      const { invoice, session, subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      await processWebhookEvent(repo, event('customer.subscription.updated', withFields(subscription, { status: 'past_due' }), T + 10), options);
      const paid = event('invoice.paid', invoice, T + 20);
      const results = await Promise.all(Array.from({ length: 8 }, () => processWebhookEvent(repo, paid, options)));
      assert.deepEqual(results.map((r) => r.outcome).sort(), ['applied', ...Array(7).fill('duplicate')]);
      assert.equal(repo.audit.filter((a) => a.action === 'billing.payment_succeeded').length, 1);
    });

    it('leaves the event unclaimed when storage fails, so Stripe\'s retry applies it', async () => {
      const repo = repoWith('ws_a');
      const { session } = checkoutScenario('ws_a');
      const e = event('checkout.session.completed', session, T);
      let fail = true;
      const flaky = { transaction: <R>(work: Parameters<typeof repo.transaction<R>>[0]) => repo.transaction((store) => work({ ...store,
        appendAudit: async (entry) => { if (fail) { fail = false; throw new Error('disk full'); } return store.appendAudit(entry); } })) };
      await assert.rejects(processWebhookEvent(flaky, e, options), /disk full/);
      assert.equal(repo.events.has(e.id), false);
      assert.equal(repo.subscription('ws_a')?.status, 'trialing');
      assert.equal((await processWebhookEvent(flaky, e, options)).outcome, 'applied');
      assert.equal(repo.subscription('ws_a')?.status, 'active');
    });
  });

  describe('out of order', () => {
    it('keeps the subscription state when its update arrives before the checkout completion', async () => {
      const repo = repoWith('ws_a');
      const { session, subscription } = checkoutScenario('ws_a');
      assert.equal((await processWebhookEvent(repo, event('customer.subscription.updated', withFields(subscription, { status: 'trialing', trial_end: T + 10 * 86_400 }), T + 1), options)).outcome, 'applied');
      const late = await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      assert.equal(late.outcome, 'applied');
      const sub = repo.subscription('ws_a')!;
      assert.equal(sub.status, 'trialing');
      assert.equal(sub.statusSource, 'subscription');
      assert.deepEqual(repo.audit.map((a) => a.action), ['billing.subscription_changed', 'billing.checkout_completed']);
    });

    it('never regresses to an older event\'s status', async () => {
      const repo = repoWith('ws_a');
      const { subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('customer.subscription.updated', withFields(subscription, { status: 'active' }), T + 5), options);
      const old = await processWebhookEvent(repo, event('customer.subscription.created', withFields(subscription, { status: 'incomplete' }), T), options);
      assert.deepEqual([old.outcome, old.reason], ['stale', 'older_event']);
      assert.equal(repo.subscription('ws_a')?.status, 'active');
      assert.equal((repo.events.get(old.eventId) as { outcome: string }).outcome, 'stale');
    });

    it('lets the subscription object override checkout\'s provisional status in the same second', async () => {
      const repo = repoWith('ws_a');
      const { session, subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      await processWebhookEvent(repo, event('customer.subscription.created', withFields(subscription, { status: 'incomplete' }), T), options);
      assert.equal(repo.subscription('ws_a')?.status, 'incomplete');
      assert.equal(repo.subscription('ws_a')?.statusSource, 'subscription');
    });

    it('never revives a canceled subscription, whatever the timestamps say', async () => {
      const repo = repoWith('ws_a');
      const { subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('customer.subscription.deleted', withFields(subscription, { status: 'canceled' }), T + 50), options);
      const older = await processWebhookEvent(repo, event('customer.subscription.updated', withFields(subscription, { status: 'active' }), T + 10), options);
      const newer = await processWebhookEvent(repo, event('customer.subscription.updated', withFields(subscription, { status: 'active' }), T + 60), options);
      assert.deepEqual([older.reason, newer.reason], ['subscription_ended', 'subscription_ended']);
      assert.equal(repo.subscription('ws_a')?.status, 'canceled');
      assert.equal(repo.audit.at(-1)?.action, 'billing.subscription_canceled');
    });

    it('lets a newer subscription replace a canceled one and ignores late events of the old one', async () => {
      const repo = repoWith('ws_a');
      const first = checkoutScenario('ws_a', 'starter', T);
      await processWebhookEvent(repo, event('customer.subscription.deleted', withFields(first.subscription, { status: 'canceled' }), T + 100), options);
      const second = withFields(first.subscription, { id: 'sub_second', created: T + 200, status: 'active' });
      assert.equal((await processWebhookEvent(repo, event('customer.subscription.created', second, T + 200), options)).outcome, 'applied');
      const late = await processWebhookEvent(repo, event('customer.subscription.updated', withFields(first.subscription, { status: 'canceled' }), T + 300), options);
      assert.deepEqual([late.outcome, late.reason], ['stale', 'older_subscription']);
      assert.equal(repo.subscription('ws_a')?.stripeSubscriptionId, 'sub_second');
      assert.equal(repo.subscription('ws_a')?.status, 'active');
    });

    it('converges to the in-order state for any delivery order, with duplicates', async () => {
      const { session, subscription, invoice } = checkoutScenario('ws_a');
      const lifecycle = [
        event('checkout.session.completed', session, T, 'evt_1'),
        event('customer.subscription.created', withFields(subscription, { status: 'incomplete' }), T, 'evt_2'),
        event('customer.subscription.updated', withFields(subscription, { status: 'active' }), T + 1, 'evt_3'),
        event('invoice.paid', invoice, T + 1, 'evt_4'),
        event('invoice.payment_failed', invoice, T + 100, 'evt_5'),
        event('customer.subscription.updated', withFields(subscription, { status: 'past_due' }), T + 100, 'evt_6'),
        event('invoice.paid', invoice, T + 200, 'evt_7'),
        event('customer.subscription.updated', withFields(subscription, { status: 'active', cancel_at_period_end: true }), T + 200, 'evt_8'),
      ];
      const inOrder = repoWith('ws_a');
      for (const e of lifecycle) await processWebhookEvent(inOrder, e, options);
      const expected = inOrder.subscription('ws_a')!;
      assert.deepEqual([expected.status, expected.cancelAtPeriodEnd, expected.pastDueSince], ['active', true, null]);
      let seed = 42;
      const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      for (let round = 0; round < 150; round++) {
        const deliveries = [...lifecycle, ...lifecycle.filter(() => random() < 0.3)].sort(() => random() - 0.5);
        const repo = repoWith('ws_a');
        for (const e of deliveries) await processWebhookEvent(repo, e, options);
        const got = repo.subscription('ws_a')!;
        assert.deepEqual([got.status, got.plan, got.cancelAtPeriodEnd, got.pastDueSince, got.stripeSubscriptionId],
          [expected.status, expected.plan, expected.cancelAtPeriodEnd, expected.pastDueSince, expected.stripeSubscriptionId], `order ${deliveries.map((d) => d.id).join(',')}`);
        assert.equal(repo.events.size, lifecycle.length);
      }
    });
  });

  describe('dunning', () => {
    it('moves past due on a failed payment, pauses generation after the grace period, resumes when paid', async () => {
      const repo = repoWith('ws_a');
      const { session, invoice } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      const failed = await processWebhookEvent(repo, event('invoice.payment_failed', withFields(invoice, { attempt_count: 1 }), T + 3600), options);
      assert.equal(failed.outcome, 'applied');
      const due = repo.subscription('ws_a')!;
      assert.equal(due.status, 'past_due');
      assert.equal(due.pastDueSince?.getTime(), (T + 3600) * 1000);
      assert.equal(billingState(due, new Date((T + 3 * 86_400) * 1000)).phase, 'grace');
      assert.equal(billingState(due, new Date((T + 8 * 86_400) * 1000)).generationAllowed, false);
      // A second failure keeps the grace period's start.
      await processWebhookEvent(repo, event('invoice.payment_failed', withFields(invoice, { attempt_count: 2 }), T + 86_400), options);
      assert.equal(repo.subscription('ws_a')?.pastDueSince?.getTime(), (T + 3600) * 1000);
      const stalePaid = await processWebhookEvent(repo, event('invoice.paid', invoice, T + 60), options);
      assert.equal(stalePaid.reason, 'older_event');
      await processWebhookEvent(repo, event('invoice.paid', invoice, T + 2 * 86_400), options);
      assert.equal(repo.subscription('ws_a')?.status, 'active');
      assert.equal(repo.subscription('ws_a')?.pastDueSince, null);
      assert.deepEqual(repo.audit.map((a) => a.action), ['billing.checkout_completed', 'billing.payment_failed', 'billing.payment_failed', 'billing.payment_succeeded']);
    });

    it('ignores invoices of a subscription the workspace does not hold', async () => {
      const repo = repoWith('ws_a');
      const { session, invoice } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      const other = withFields(invoice, { parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_other' } } });
      assert.equal((await processWebhookEvent(repo, event('invoice.payment_failed', other, T + 10), options)).reason, 'unknown_subscription');
      assert.equal(repo.subscription('ws_a')?.status, 'active');
    });
  });

  describe('tenancy', () => {
    it('refuses and records a subscription event naming another workspace than its customer\'s', async () => {
      const repo = repoWith('ws_a', 'ws_b');
      const { session, subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      const attack = withFields(subscription, { status: 'canceled', metadata: { workspace_id: 'ws_b' } });
      const result = await processWebhookEvent(repo, event('customer.subscription.deleted', attack, T + 10), options);
      assert.deepEqual([result.outcome, result.reason], ['refused', 'tenant_mismatch']);
      assert.equal(repo.subscription('ws_a')?.status, 'active');
      assert.equal(repo.subscription('ws_b')?.status, 'trialing');
      assert.deepEqual(repo.events.get(result.eventId), { id: result.eventId, type: 'customer.subscription.deleted', createdAt: new Date((T + 10) * 1000), outcome: 'refused', workspaceId: null, reason: 'tenant_mismatch' });
    });

    it('refuses a checkout that claims a workspace for another workspace\'s customer', async () => {
      const repo = repoWith('ws_a', 'ws_b');
      const a = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', a.session, T), options);
      const hijack = withFields(a.session, { id: 'cs_2', client_reference_id: 'ws_b', metadata: { workspace_id: 'ws_b', plan: 'professional' }, subscription: 'sub_x' });
      assert.equal((await processWebhookEvent(repo, event('checkout.session.completed', hijack, T + 5), options)).reason, 'tenant_mismatch');
      assert.equal(repo.subscription('ws_b')?.stripeCustomerId, null);
    });

    it('refuses a checkout whose customer differs from the one the workspace already has', async () => {
      const repo = repoWith('ws_a');
      const a = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', a.session, T), options);
      const other = withFields(a.session, { id: 'cs_3', customer: 'cus_stranger', subscription: 'sub_y' });
      assert.equal((await processWebhookEvent(repo, event('checkout.session.completed', other, T + 5), options)).reason, 'tenant_mismatch');
      assert.equal(repo.subscription('ws_a')?.stripeCustomerId, a.customerId);
    });

    it('refuses events for customers that belong to no workspace, once', async () => {
      const repo = repoWith('ws_a');
      const { subscription, invoice } = checkoutScenario('ws_unknown');
      const stray = event('customer.subscription.updated', subscription, T);
      assert.equal((await processWebhookEvent(repo, stray, options)).reason, 'unknown_customer');
      assert.equal((await processWebhookEvent(repo, event('invoice.paid', invoice, T), options)).reason, 'unknown_customer');
      assert.equal((await processWebhookEvent(repo, stray, options)).outcome, 'duplicate');
      assert.equal(repo.audit.length, 0);
    });
  });

  describe('other input', () => {
    it('records unhandled event types as ignored', async () => {
      const repo = repoWith('ws_a');
      const result = await processWebhookEvent(repo, event('charge.refunded', { id: 'ch_1', object: 'charge' }, T), options);
      assert.deepEqual([result.outcome, result.reason], ['ignored', 'unhandled_type']);
      assert.ok(repo.events.has(result.eventId));
    });

    it('refuses a handled type whose object is malformed, without crashing', async () => {
      const repo = repoWith('ws_a');
      for (const object of [{ object: 'subscription', id: 'sub_1' }, { object: 'invoice' }, { object: 'checkout.session', id: 'cs_1', mode: 'subscription' }]) {
        const type = object.object === 'subscription' ? 'customer.subscription.updated' : object.object === 'invoice' ? 'invoice.paid' : 'checkout.session.completed';
        assert.equal((await processWebhookEvent(repo, event(type, object, T), options)).reason, 'payload_invalid', type);
      }
    });

    it('ignores non-subscription checkouts and invoices without a subscription', async () => {
      const repo = repoWith('ws_a');
      const { session, invoice } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      assert.equal((await processWebhookEvent(repo, event('checkout.session.completed', withFields(session, { mode: 'payment' }), T), options)).reason, 'not_subscription_mode');
      assert.equal((await processWebhookEvent(repo, event('invoice.paid', withFields(invoice, { parent: null }), T), options)).reason, 'not_subscription_invoice');
    });

    it('refuses a subscription priced outside the catalog', async () => {
      const repo = repoWith('ws_a');
      const { subscription } = checkoutScenario('ws_a');
      const odd = withFields(subscription, { metadata: { workspace_id: 'ws_a' }, items: { object: 'list', data: [{ id: 'si_1', price: { id: 'price_mystery', lookup_key: null } }] } });
      assert.equal((await processWebhookEvent(repo, event('customer.subscription.created', odd, T), options)).reason, 'unknown_price');
    });

    it('reads the older invoice.subscription field too', async () => {
      const repo = repoWith('ws_a');
      const { session, invoice, subscription } = checkoutScenario('ws_a');
      await processWebhookEvent(repo, event('checkout.session.completed', session, T), options);
      const legacy = withFields(invoice, { parent: undefined, subscription: subscription.id });
      assert.equal((await processWebhookEvent(repo, event('invoice.payment_failed', legacy, T + 5), options)).outcome, 'applied');
    });

    it('throws WEBHOOK_PAYLOAD_INVALID for something that is not an event', async () => {
      await assert.rejects(processWebhookEvent(repoWith(), { id: '', type: 'x', created: 1, data: { object: {} } }), (e: unknown) => e instanceof BillingError && e.code === 'WEBHOOK_PAYLOAD_INVALID');
    });
  });
});
