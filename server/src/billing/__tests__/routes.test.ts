import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { billingServices } from '../services.js';
import { billingApp, openBillingHarness, send, type BillingHarness } from './harness.js';
import { call, signup } from '../../__tests__/helpers.js';

for (const dialect of DIALECTS) {
  describe(`billing routes (${dialect})`, () => {
    let h: BillingHarness;
    before(async function () {
      this.timeout(60_000);
      h = await openBillingHarness(dialect);
    });
    after(async () => {
      await h.fake.close();
      await h.t.destroy();
    });

    const auditTypes = async (workspaceId: string) =>
      (await sql<{ type: string }>`SELECT type FROM audit_events WHERE workspace_id = ${workspaceId} AND type LIKE 'billing.%' ORDER BY seq`.execute(h.t.db)).rows.map((r) => r.type);

    it('serves the plan catalog without authentication', async () => {
      const r = await send(h.billing, 'GET', '/api/v1/billing/plans');
      assert.equal(r.status, 200);
      assert.deepEqual(r.data.items.map((p: { id: string; price: string }) => [p.id, p.price]),
        [['starter', '$499/month'], ['professional', '$1,999/month'], ['enterprise', 'Custom pricing']]);
    });

    it('starts every new workspace on a 14-day Starter trial and shows its usage', async () => {
      const a = await signup(h.app, 'Trial');
      const r = await send(h.billing, 'GET', '/api/v1/billing', { token: a.token });
      assert.equal(r.status, 200);
      assert.equal(r.data.configured, true);
      assert.equal(r.data.plan.id, 'starter');
      assert.deepEqual([r.data.status, r.data.phase, r.data.generationAllowed], ['trialing', 'trialing', true]);
      assert.equal(r.data.banner.level, 'info');
      const days = (Date.parse(r.data.trialEndsAt) - Date.now()) / 86_400_000;
      assert.ok(days > 13.9 && days <= 14, `trial ends in ${days} days`);
      assert.deepEqual(r.data.usage.generation, { used: 0, limit: 100 });
      assert.deepEqual(r.data.usage.member, { used: 1, limit: 5 });
      assert.equal(r.data.hasPaymentAccount, false);
    });

    it('requires a bearer token for the workspace routes', async () => {
      for (const [method, path] of [['GET', '/api/v1/billing'], ['POST', '/api/v1/billing/portal'], ['GET', '/api/v1/billing/invoices']] as const) {
        const r = await send(h.billing, method, path);
        assert.equal(r.status, 401, path);
        assert.equal(r.type, 'application/problem+json');
      }
    });

    it('opens a Checkout for the plan with a linked customer, audited', async () => {
      const a = await signup(h.app, 'Checkout');
      const r = await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'professional' } });
      assert.equal(r.status, 201, JSON.stringify(r.data));
      assert.match(r.data.url, /\/checkout\/cs_test_/);
      const customer = h.fake.requestsTo('POST', '/v1/customers').at(-1);
      assert.deepEqual(customer?.params.metadata, { workspace_id: a.workspaceId });
      assert.equal(customer?.params.email, a.email);
      const session = h.fake.requestsTo('POST', '/v1/checkout/sessions').at(-1);
      assert.equal(session?.params.client_reference_id, a.workspaceId);
      assert.deepEqual(session?.params.line_items, [{ price: 'price_professional_test', quantity: '1' }]);
      assert.equal(session?.params.success_url, 'http://portal.test/portal/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}');
      assert.ok((session?.params.subscription_data as { trial_end?: string }).trial_end, 'the running trial carries over');
      const summary = await send(h.billing, 'GET', '/api/v1/billing', { token: a.token });
      assert.equal(summary.data.hasPaymentAccount, true);
      assert.deepEqual(await auditTypes(a.workspaceId), ['billing.customer_linked', 'billing.checkout_started']);
      // A second Checkout reuses the customer.
      const customersBefore = h.fake.requestsTo('POST', '/v1/customers').length;
      await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } });
      assert.equal(h.fake.requestsTo('POST', '/v1/checkout/sessions').at(-1)?.params.customer, session?.params.customer);
      assert.equal(h.fake.requestsTo('POST', '/v1/customers').length, customersBefore);
      assert.deepEqual(await auditTypes(a.workspaceId), ['billing.customer_linked', 'billing.checkout_started', 'billing.checkout_started']);
    });

    it('refuses bad plans, and billing actions to tokens without the admin scope', async () => {
      const a = await signup(h.app, 'Refusals');
      for (const json of [{ plan: 'enterprise' }, { plan: 'gold' }, {}, { plan: 'starter', extra: 1 }]) {
        assert.equal((await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json })).status, 400, JSON.stringify(json));
      }
      const readToken = (await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'ro', scopes: ['read'] } })).data.token;
      const r = await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: readToken, json: { plan: 'starter' } });
      assert.equal(r.status, 403);
      assert.equal((await send(h.billing, 'GET', '/api/v1/billing', { token: readToken })).status, 200);
    });

    it('answers portal and plan change with 409 before there is a customer or subscription', async () => {
      const a = await signup(h.app, 'Early');
      assert.equal((await send(h.billing, 'POST', '/api/v1/billing/portal', { token: a.token })).status, 409);
      assert.equal((await send(h.billing, 'POST', '/api/v1/billing/plan', { token: a.token, json: { plan: 'professional' } })).status, 409);
      assert.deepEqual((await send(h.billing, 'GET', '/api/v1/billing/invoices', { token: a.token })).data, { items: [], hasMore: false });
    });

    it('opens the Customer Portal and lists invoices of a paying workspace, and changes its plan with proration', async () => {
      const a = await signup(h.app, 'Paying');
      await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } });
      const sessionId = h.fake.requestsTo('POST', '/v1/checkout/sessions').at(-1)!;
      const openSession = [...h.fake.account.sessions.values()].find((s) => s.client_reference_id === a.workspaceId && s.customer === sessionId.params.customer)!;
      const { subscription } = h.fake.account.completeCheckout(openSession.id!);
      // Store what the webhook would (the webhook path has its own tests).
      await sql`UPDATE subscriptions SET stripe_subscription_id = ${subscription.id}, status = 'active' WHERE workspace_id = ${a.workspaceId}`.execute(h.t.db);
      const portal = await send(h.billing, 'POST', '/api/v1/billing/portal', { token: a.token });
      assert.equal(portal.status, 201);
      assert.equal(h.fake.requestsTo('POST', '/v1/billing_portal/sessions').at(-1)?.params.return_url, 'http://portal.test/portal/billing');
      const invoices = await send(h.billing, 'GET', '/api/v1/billing/invoices?limit=5', { token: a.token });
      assert.equal(invoices.status, 200);
      assert.equal(invoices.data.items.length, 1);
      assert.equal(invoices.data.items[0].status, 'paid');
      assert.equal((await send(h.billing, 'GET', '/api/v1/billing/invoices?zzz=1', { token: a.token })).status, 400);
      const change = await send(h.billing, 'POST', '/api/v1/billing/plan', { token: a.token, json: { plan: 'professional' } });
      assert.equal(change.status, 200, JSON.stringify(change.data));
      assert.equal(h.fake.requestsTo('POST', `/v1/subscriptions/${subscription.id}`).at(-1)?.params.proration_behavior, 'always_invoice');
      assert.ok((await auditTypes(a.workspaceId)).includes('billing.plan_change_requested'));
      assert.equal((await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'professional' } })).status, 409);
    });

    it('answers 502 when Stripe refuses, with a problem body', async () => {
      const a = await signup(h.app, 'Declined');
      h.fake.failNext(400, 'invalid_request_error', 'No such price');
      const r = await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } });
      assert.equal(r.status, 502);
      assert.equal(r.data.code, 'STRIPE_REQUEST_FAILED');
      assert.equal(r.type, 'application/problem+json');
    });

    it('runs without Stripe: billing shows as not configured, the trial still applies', async () => {
      const a = await signup(h.app, 'Offline');
      const offline = billingApp(h.t.db, billingServices(null, 'http://portal.test'));
      const r = await send(offline, 'GET', '/api/v1/billing', { token: a.token });
      assert.deepEqual([r.status, r.data.configured, r.data.phase, r.data.generationAllowed], [200, false, 'trialing', true]);
      const checkout = await send(offline, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } });
      assert.deepEqual([checkout.status, checkout.data.code], [503, 'BILLING_NOT_CONFIGURED']);
      assert.equal((await send(offline, 'POST', '/webhooks/stripe', { body: '{}' })).status, 503);
    });
  });
}
