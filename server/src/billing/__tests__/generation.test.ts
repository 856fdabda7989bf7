/**
 * Billing in the generation path, through the real generation routes: quota (402), parallel
 * requests against a limit, rate limit (429), billing state (402), and the Stripe meter event
 * per stored generation.
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { onError, onNotFound } from '../../http/errors.js';
import { routeGroup } from '../../http/route-group.js';
import { mountGenerationApi } from '../../generations/mount.js';
import { billedGenerationService } from '../generation.js';
import { routeDeps, send, openBillingHarness, type BillingHarness } from './harness.js';
import { BANNER, reseed } from '../../__tests__/generations-fixture.js';

for (const dialect of DIALECTS) {
  describe(`generation with billing (${dialect})`, () => {
    let h: BillingHarness;
    let seeded: Awaited<ReturnType<typeof reseed>>;
    let app: ReturnType<typeof routeGroup>;
    let service: ReturnType<typeof billedGenerationService>;
    before(async function () {
      this.timeout(120_000);
      h = await openBillingHarness(dialect);
      seeded = await reseed(h);
      const deps = routeDeps(h.t.db);
      app = routeGroup();
      app.use(async (c, next) => { c.set('log', deps.logger); await next(); });
      service = billedGenerationService(deps, h.services);
      mountGenerationApi(app, deps, service);
      app.onError(onError);
      app.notFound(onNotFound);
    });
    after(async () => {
      await h.fake.close();
      await h.t.destroy();
    });
    beforeEach(async () => {
      await sql`DELETE FROM usage_counters`.execute(h.t.db);
      await sql`DELETE FROM rate_buckets`.execute(h.t.db);
      await sql`DELETE FROM quota_overrides`.execute(h.t.db);
    });

    const overrides = (o: Record<string, number | null>) =>
      sql`INSERT INTO quota_overrides (workspace_id, overrides) VALUES (${seeded.workspaceId}, ${JSON.stringify(o)}::jsonb)`.execute(h.t.db);
    const generate = () => send(app, 'POST', '/api/v1/generations', { token: seeded.tokens.editor, json: { brandId: seeded.brandId, ...BANNER } });
    const stored = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM generations WHERE workspace_id = ${seeded.workspaceId}`.execute(h.t.db)).rows[0]!.n;

    it('counts each generation and answers 402 with limit, usage and upgrade link over the quota', async function () {
      this.timeout(30_000);
      await overrides({ generation: 2 });
      const before = await stored();
      assert.equal((await generate()).status, 201);
      assert.equal((await generate()).status, 201);
      const over = await generate();
      assert.equal(over.status, 402);
      assert.equal(over.type, 'application/problem+json');
      assert.deepEqual([over.data.code, over.data.quota, over.data.limit, over.data.usage, over.data.upgrade],
        ['QUOTA_EXCEEDED', 'generation', 2, 2, 'http://portal.test/portal/billing']);
      assert.equal(await stored(), before + 2);
      const usage = (await send(h.billing, 'GET', '/api/v1/billing', { token: seeded.tokens.owner })).data.usage.generation;
      assert.deepEqual(usage, { used: 2, limit: 2 });
      const series = (await send(h.billing, 'GET', '/api/v1/billing/usage', { token: seeded.tokens.viewer })).data;
      assert.deepEqual([series.used, series.limit], [2, 2]);
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(series.days.at(-1).date >= today, true);
      assert.ok(series.days.find((d: { date: string; generations: number }) => d.date === today).generations >= 2);
    });

    it('serves exactly the limit to a burst of parallel requests', async function () {
      this.timeout(60_000);
      await overrides({ generation: 5, burst: 100 });
      const before = await stored();
      const results = await Promise.all(Array.from({ length: 12 }, () => generate()));
      assert.deepEqual(results.map((r) => r.status).sort(), [...Array(5).fill(201), ...Array(7).fill(402)]);
      assert.equal(await stored(), before + 5);
      const counter = (await sql<{ n: number }>`SELECT sum(count)::int AS n FROM usage_counters WHERE workspace_id = ${seeded.workspaceId}`.execute(h.t.db)).rows[0]!.n;
      assert.equal(counter, 5);
    });

    it('answers 429 with Retry-After over the workspace rate, before generating', async function () {
      this.timeout(30_000);
      await overrides({ burst: 1, requestsPerMinute: 1 });
      const before = await stored();
      assert.equal((await generate()).status, 201);
      const limited = await generate();
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(await stored(), before + 1);
    });

    it('answers 402 BILLING_INACTIVE when the subscription is paused, and generates again once paid', async function () {
      this.timeout(30_000);
      await sql`UPDATE subscriptions SET status = 'unpaid' WHERE workspace_id = ${seeded.workspaceId}`.execute(h.t.db);
      const refused = await generate();
      assert.deepEqual([refused.status, refused.data.code, refused.data.phase], [402, 'BILLING_INACTIVE', 'paused']);
      await sql`UPDATE subscriptions SET status = 'active' WHERE workspace_id = ${seeded.workspaceId}`.execute(h.t.db);
      assert.equal((await generate()).status, 201);
    });

    it('reports each stored generation to the Stripe meter with its id as identifier', async function () {
      this.timeout(30_000);
      await sql`UPDATE subscriptions SET stripe_customer_id = 'cus_seeded', status = 'active' WHERE workspace_id = ${seeded.workspaceId}`.execute(h.t.db);
      const created = await generate();
      await service.settled();
      const meter = h.fake.requestsTo('POST', '/v1/billing/meter_events').at(-1);
      assert.deepEqual(meter?.params, { event_name: 'brandsafe_generation', identifier: created.data.id, payload: { stripe_customer_id: 'cus_seeded', value: '1' } });
    });
  });
}
