/**
 * The billing routes as createApp mounts them, configured from the environment the way
 * `npm start` is: without Stripe keys (billing not configured, trial applies) and with keys
 * pointing at the fake Stripe server (checkout and a signed webhook end to end).
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { call, openHarness, signup, type Harness } from '../../__tests__/helpers.js';
import { BANNER, reseed } from '../../__tests__/generations-fixture.js';
import { DEMO_OVERRIDES } from '../../seed.js';
import { grantQuotaOverrides } from '../store.js';
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

    it('gives the seeded demo its overrides while a new sign-up keeps the trial limits', async () => {
      const demo = await reseed(plain);
      const a = await signup(plain.app, 'Trial');
      const limits = async (token: string) => (await call(plain.app, 'GET', '/api/v1/billing', { token })).data;
      const overrides = await sql<{ workspace_id: string; overrides: unknown; reason: string }>`SELECT * FROM quota_overrides`.execute(plain.t.db);
      assert.deepEqual(overrides.rows.map((r) => [r.workspace_id, r.overrides, r.reason]), [[demo.workspaceId, DEMO_OVERRIDES, 'demo']]);
      assert.deepEqual((await limits(demo.tokens.owner)).plan.limits, { generation: null, brand: null, member: null, api_token: null, requestsPerMinute: 600_000, burst: 20_000 });
      const trial = await limits(a.token);
      assert.deepEqual([trial.phase, trial.plan.limits.generation, trial.plan.limits.brand, trial.plan.limits.burst], ['trialing', 100, 1, 20]);
      // The new workspace is held to one brand; the demo is not.
      assert.equal((await call(plain.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'One' } })).status, 201);
      assert.equal((await call(plain.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Two' } })).status, 402);
      assert.equal((await call(plain.app, 'POST', '/api/v1/brands', { token: demo.tokens.owner, json: { name: 'Second demo brand' } })).status, 201);
    });

    it('enforces the generation quota and the subscription state on the mounted generation API', async () => {
      await plain.t.clean();
      const demo = await reseed(plain);
      const generate = () => call(plain.app, 'POST', '/api/v1/generations', { token: demo.tokens.editor, json: { brandId: demo.brandId, ...BANNER } });
      await grantQuotaOverrides(plain.t.db, demo.workspaceId, { generation: 1 }, 'test');
      assert.equal((await generate()).status, 201);
      const over = await generate();
      assert.equal(over.status, 402, JSON.stringify(over.data));
      assert.equal(over.type, 'application/problem+json');
      assert.deepEqual([over.data.code, over.data.quota, over.data.limit, over.data.usage], ['QUOTA_EXCEEDED', 'generation', 1, 1]);
      assert.equal(over.data.upgrade, 'http://127.0.0.1:8787/portal/billing');
      // Past due beyond the 7-day grace: paused, generation refused whatever the quota.
      await grantQuotaOverrides(plain.t.db, demo.workspaceId, { generation: null }, 'test');
      const since = new Date(Date.now() - 8 * 86_400_000);
      await sql`UPDATE subscriptions SET status = 'past_due', past_due_since = ${since} WHERE workspace_id = ${demo.workspaceId}`.execute(plain.t.db);
      const paused = await generate();
      assert.equal(paused.status, 402, JSON.stringify(paused.data));
      assert.deepEqual([paused.data.code, paused.data.type, paused.data.phase], ['BILLING_INACTIVE', 'tag:brandsafe.dev,2026:problem/billing-inactive', 'paused']);
      assert.match(paused.data.detail, /\S/);
      assert.equal(typeof paused.data.upgrade, 'string');
      // Inside the grace period generation continues.
      await sql`UPDATE subscriptions SET past_due_since = ${new Date()} WHERE workspace_id = ${demo.workspaceId}`.execute(plain.t.db);
      assert.equal((await generate()).status, 201);
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
