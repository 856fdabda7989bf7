/**
 * The billing routes as createApp mounts them, configured from the environment the way
 * `npm start` is: without Stripe keys (billing not configured, trial applies) and with keys
 * pointing at the fake Stripe server (checkout and a signed webhook end to end).
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, openHarness, signup, type Harness } from '../../__tests__/helpers.js';
import { FakeStripe, makeEvent, signedDelivery } from '../../../../packages/billing/src/__tests__/support/fake-stripe.js';

const STRIPE_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_STARTER', 'STRIPE_PRICE_PROFESSIONAL', 'STRIPE_API_BASE', 'STRIPE_MAX_NETWORK_RETRIES'];

for (const dialect of DIALECTS) {
  describe(`billing in createApp (${dialect})`, () => {
    const saved: Record<string, string | undefined> = {};
    let fake: FakeStripe;
    let plain: Harness;
    let configured: Harness;
    before(async function () {
      this.timeout(60_000);
      for (const k of STRIPE_ENV) saved[k] = process.env[k];
      for (const k of STRIPE_ENV) delete process.env[k];
      plain = await openHarness(dialect);
      fake = await FakeStripe.start({ secretKey: 'sk_test_wiring' });
      Object.assign(process.env, {
        STRIPE_SECRET_KEY: 'sk_test_wiring', STRIPE_WEBHOOK_SECRET: 'whsec_wiring', STRIPE_PRICE_STARTER: 'price_starter_test',
        STRIPE_PRICE_PROFESSIONAL: 'price_professional_test', STRIPE_API_BASE: fake.url, STRIPE_MAX_NETWORK_RETRIES: '0',
      });
      configured = await openHarness(dialect);
    });
    after(async () => {
      for (const k of STRIPE_ENV) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      await fake.close();
      await plain.t.destroy();
      await configured.t.destroy();
    });

    it('shows billing as not configured without Stripe keys while the trial applies', async () => {
      const a = await signup(plain.app, 'NoStripe');
      const r = await call(plain.app, 'GET', '/api/v1/billing', { token: a.token });
      assert.deepEqual([r.status, r.data.configured, r.data.phase], [200, false, 'trialing']);
      assert.equal((await call(plain.app, 'GET', '/api/v1/billing/plans')).data.items.length, 3);
      assert.equal((await call(plain.app, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } })).status, 503);
      const doc = (await call(plain.app, 'GET', '/api/openapi.json')).data;
      for (const path of ['/api/v1/billing', '/api/v1/billing/checkout', '/api/v1/billing/portal', '/api/v1/billing/invoices', '/webhooks/stripe']) assert.ok(doc.paths[path], path);
    });

    it('checks out and applies the signed webhook when configured from the environment', async () => {
      const a = await signup(configured.app, 'WithStripe');
      const checkout = await call(configured.app, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'starter' } });
      assert.equal(checkout.status, 201, JSON.stringify(checkout.data));
      const { session } = fake.account.completeCheckout(checkout.data.id);
      const { body, signature } = signedDelivery(makeEvent('checkout.session.completed', session), 'whsec_wiring');
      const hook = await call(configured.app, 'POST', '/webhooks/stripe', { body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
      assert.deepEqual([hook.status, hook.data.outcome], [200, 'applied']);
      const summary = (await call(configured.app, 'GET', '/api/v1/billing', { token: a.token })).data;
      assert.deepEqual([summary.configured, summary.plan.id, summary.hasPaymentAccount], [true, 'starter', true]);
    });
  });
}
