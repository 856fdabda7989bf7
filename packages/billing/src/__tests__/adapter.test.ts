import assert from 'node:assert/strict';
import { BillingError } from '../errors.js';
import { StripeBilling } from '../stripe/adapter.js';
import type { BillingConfig } from '../stripe/config.js';
import { StripeRequestError } from '../stripe/stripe-error.js';
import { FakeStripe } from './support/fake-stripe.js';

describe('StripeBilling against the fake Stripe server', () => {
  let fake: FakeStripe;
  let billing: StripeBilling;
  let config: BillingConfig;

  beforeEach(async () => {
    fake = await FakeStripe.start({ secretKey: 'sk_test_adapter' });
    config = {
      secretKey: 'sk_test_adapter', webhookSecret: 'whsec_test', meterEventName: 'brandsafe_generation', maxNetworkRetries: 0,
      prices: { starter: 'price_starter_test', professional: 'price_professional_test' }, endpoint: fake.endpoint,
    };
    billing = new StripeBilling(config);
  });
  afterEach(() => fake.close());

  it('sends the secret key as a bearer token with the pinned Stripe-Version', async () => {
    await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
    const [request] = fake.requests;
    assert.equal(request?.headers.authorization, 'Bearer sk_test_adapter');
    assert.match(request?.headers['stripe-version'] ?? '', /^\d{4}-\d{2}-\d{2}\./);
    assert.equal(request?.headers['content-type'], 'application/x-www-form-urlencoded');
  });

  describe('ensureCustomer', () => {
    it('creates a customer tagged with the workspace, under a per-workspace idempotency key', async () => {
      const result = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme', email: 'owner@acme.test' });
      assert.equal(result.created, true);
      const [request] = fake.requestsTo('POST', '/v1/customers');
      assert.deepEqual(request?.params, { name: 'Acme', email: 'owner@acme.test', metadata: { workspace_id: 'ws_1' } });
      assert.equal(request?.headers['idempotency-key'], 'brandsafe-customer-ws_1');
      assert.deepEqual(fake.account.customer(result.customerId).metadata, { workspace_id: 'ws_1' });
    });

    it('makes one customer when the create is repeated (idempotency key replayed)', async () => {
      const a = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      const b = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      assert.equal(a.customerId, b.customerId);
      assert.equal(fake.account.customers.size, 1);
      assert.equal(fake.requests[1]?.replayed, true);
    });

    it('reuses an existing customer without creating one', async () => {
      const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      const again = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme', existingCustomerId: customerId });
      assert.deepEqual(again, { customerId, created: false });
      assert.equal(fake.requestsTo('GET', `/v1/customers/${customerId}`).length, 1);
      assert.equal(fake.requestsTo('POST', '/v1/customers').length, 1);
    });

    it('maps a missing customer to STRIPE_REQUEST_FAILED with Stripe\'s code and request id', async () => {
      await assert.rejects(billing.ensureCustomer({ workspaceId: 'ws_1', name: 'A', existingCustomerId: 'cus_gone' }), (e: unknown) =>
        e instanceof StripeRequestError && e.code === 'STRIPE_REQUEST_FAILED' && e.statusCode === 404
        && e.stripeCode === 'resource_missing' && e.requestId === 'req_fake1' && e.cause !== undefined);
    });
  });

  describe('createCheckoutSession', () => {
    it('opens a subscription-mode session for the plan price with the workspace as client_reference_id', async () => {
      const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      const session = await billing.createCheckoutSession({
        workspaceId: 'ws_1', customerId, plan: 'professional', successUrl: 'https://app.test/ok?s={CHECKOUT_SESSION_ID}', cancelUrl: 'https://app.test/billing',
      });
      assert.match(session.url, /^http:\/\/127\.0\.0\.1:\d+\/checkout\/cs_test_/);
      const [request] = fake.requestsTo('POST', '/v1/checkout/sessions');
      assert.deepEqual(request?.params, {
        mode: 'subscription', customer: customerId, client_reference_id: 'ws_1',
        line_items: [{ price: 'price_professional_test', quantity: '1' }],
        success_url: 'https://app.test/ok?s={CHECKOUT_SESSION_ID}', cancel_url: 'https://app.test/billing',
        metadata: { workspace_id: 'ws_1', plan: 'professional' },
        subscription_data: { metadata: { workspace_id: 'ws_1', plan: 'professional' } },
      });
    });

    it('carries a running trial over as trial_end when it is at least 48 hours away', async () => {
      const now = new Date('2026-11-01T00:00:00Z');
      const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      const base = { workspaceId: 'ws_1', customerId, plan: 'starter' as const, successUrl: 'https://a/ok', cancelUrl: 'https://a/no', now };
      await billing.createCheckoutSession({ ...base, trialEndsAt: new Date('2026-11-10T00:00:00Z') });
      await billing.createCheckoutSession({ ...base, trialEndsAt: new Date('2026-11-02T00:00:00Z') });
      const [long, short] = fake.requestsTo('POST', '/v1/checkout/sessions');
      assert.deepEqual(long?.params.subscription_data, { metadata: { workspace_id: 'ws_1', plan: 'starter' }, trial_end: String(Date.UTC(2026, 10, 10) / 1000) });
      assert.deepEqual(short?.params.subscription_data, { metadata: { workspace_id: 'ws_1', plan: 'starter' } });
    });

    it('refuses Enterprise (contact sales) and unpriced plans before calling Stripe', async () => {
      const base = { workspaceId: 'ws_1', customerId: 'cus_1', successUrl: 'https://a/ok', cancelUrl: 'https://a/no' };
      await assert.rejects(billing.createCheckoutSession({ ...base, plan: 'enterprise' }), (e: unknown) => e instanceof BillingError && e.code === 'UNKNOWN_PLAN');
      const unpriced = new StripeBilling({ ...config, prices: {} });
      await assert.rejects(unpriced.createCheckoutSession({ ...base, plan: 'starter' }), (e: unknown) => e instanceof BillingError && e.code === 'NOT_CONFIGURED');
      assert.equal(fake.requests.length, 0);
    });
  });

  describe('changePlan', () => {
    async function subscribed(plan: 'starter' | 'professional') {
      const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      const session = await billing.createCheckoutSession({ workspaceId: 'ws_1', customerId, plan, successUrl: 'https://a/ok', cancelUrl: 'https://a/no' });
      return fake.account.completeCheckout(session.id).subscription;
    }

    it('upgrades by swapping the item price and invoicing the proration at once', async () => {
      const sub = await subscribed('starter');
      const result = await billing.changePlan({ subscriptionId: sub.id!, plan: 'professional' });
      assert.equal(result.plan, 'professional');
      assert.ok(result.currentPeriodEnd instanceof Date);
      const [request] = fake.requestsTo('POST', `/v1/subscriptions/${sub.id}`);
      const itemId = (sub.items as { data: { id: string }[] }).data[0]!.id;
      assert.deepEqual(request?.params, { items: [{ id: itemId, price: 'price_professional_test' }], proration_behavior: 'always_invoice', metadata: { plan: 'professional' } });
    });

    it('downgrades with create_prorations (credit on the next invoice) unless told otherwise', async () => {
      const sub = await subscribed('professional');
      await billing.changePlan({ subscriptionId: sub.id!, plan: 'starter' });
      await billing.changePlan({ subscriptionId: sub.id!, plan: 'starter', prorationBehavior: 'none' });
      const [first, second] = fake.requestsTo('POST', `/v1/subscriptions/${sub.id}`);
      assert.equal(first?.params.proration_behavior, 'create_prorations');
      assert.equal(second?.params.proration_behavior, 'none');
    });
  });

  it('creates a Customer Portal session with the return url', async () => {
    const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
    const { url } = await billing.createPortalSession({ customerId, returnUrl: 'https://app.test/billing' });
    assert.match(url, /\/portal\//);
    assert.deepEqual(fake.requestsTo('POST', '/v1/billing_portal/sessions')[0]?.params, { customer: customerId, return_url: 'https://app.test/billing' });
  });

  describe('reportUsage', () => {
    it('sends a meter event with the identifier, customer and value, keyed for idempotency', async () => {
      await billing.reportUsage({ customerId: 'cus_1', identifier: 'gen_42', timestamp: new Date('2026-11-01T10:00:00Z') });
      const [request] = fake.requestsTo('POST', '/v1/billing/meter_events');
      assert.deepEqual(request?.params, { event_name: 'brandsafe_generation', identifier: 'gen_42', payload: { stripe_customer_id: 'cus_1', value: '1' }, timestamp: String(Date.UTC(2026, 10, 1, 10) / 1000) });
      assert.equal(request?.headers['idempotency-key'], 'brandsafe-meter-gen_42');
    });

    it('counts a generation once however often it is reported', async () => {
      await billing.reportUsage({ customerId: 'cus_1', identifier: 'gen_1' });
      await billing.reportUsage({ customerId: 'cus_1', identifier: 'gen_1' });
      await billing.reportUsage({ customerId: 'cus_1', identifier: 'gen_2', value: 2 });
      assert.equal(fake.account.meterTotal('cus_1'), 3);
    });

    it('refuses a non-positive value with INVALID_ARGUMENT', async () => {
      await assert.rejects(billing.reportUsage({ customerId: 'cus_1', identifier: 'g', value: 0 }), (e: unknown) => e instanceof BillingError && e.code === 'INVALID_ARGUMENT');
    });
  });

  describe('listInvoices', () => {
    it('lists the customer\'s invoices newest first and pages with starting_after', async () => {
      const { customerId } = await billing.ensureCustomer({ workspaceId: 'ws_1', name: 'Acme' });
      for (const amount of [100, 200, 300]) fake.account.createInvoice(customerId, null, amount, 'paid');
      fake.account.createInvoice('cus_other', null, 999, 'paid');
      const page1 = await billing.listInvoices({ customerId, limit: 2 });
      assert.deepEqual(page1.items.map((i) => i.total), [300, 200]);
      assert.equal(page1.hasMore, true);
      assert.equal(page1.items[0]?.currency, 'usd');
      assert.ok(page1.items[0]?.created instanceof Date);
      const page2 = await billing.listInvoices({ customerId, limit: 2, startingAfter: page1.items[1]!.id });
      assert.deepEqual(page2.items.map((i) => i.total), [100]);
      assert.equal(page2.hasMore, false);
      assert.deepEqual(fake.requestsTo('GET', '/v1/invoices')[1]?.query, { customer: customerId, limit: '2', starting_after: page1.items[1]!.id });
    });
  });

  describe('failures', () => {
    it('maps a wrong secret key to STRIPE_REQUEST_FAILED (authentication_error) with status 401', async () => {
      const wrong = new StripeBilling({ ...config, secretKey: 'sk_test_wrong' });
      await assert.rejects(wrong.createPortalSession({ customerId: 'cus_1', returnUrl: 'https://a' }), (e: unknown) =>
        e instanceof StripeRequestError && e.code === 'STRIPE_REQUEST_FAILED' && e.statusCode === 401);
    });

    it('maps an unreachable Stripe to STRIPE_UNAVAILABLE', async () => {
      const closedPort = fake.port;
      await fake.close();
      const down = new StripeBilling({ ...config, endpoint: { host: '127.0.0.1', port: closedPort, protocol: 'http' } });
      await assert.rejects(down.listInvoices({ customerId: 'cus_1' }), (e: unknown) => e instanceof BillingError && e.code === 'STRIPE_UNAVAILABLE');
    });

    it('maps a Stripe card error to STRIPE_REQUEST_FAILED keeping Stripe\'s type', async () => {
      fake.failNext(402, 'card_error', 'Your card was declined.', 'card_declined');
      await assert.rejects(billing.createPortalSession({ customerId: 'cus_1', returnUrl: 'https://a' }), (e: unknown) =>
        e instanceof StripeRequestError && e.stripeType === 'StripeCardError' && e.stripeCode === 'card_declined' && /declined/.test(e.message));
    });
  });
});
