import assert from 'node:assert/strict';
import { appendAuditEvent, withWorkspace } from '@brandsafe/db';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { ProblemError } from '../../http/problem.js';
import { BillingRecordCache, assertCountQuota, takeRateToken, withAdmittedGeneration } from '../enforce.js';
import { BillingProblem } from '../problems.js';
import { grantQuotaOverrides } from '../store.js';
import { openBillingHarness, routeDeps, send, type BillingHarness } from './harness.js';
import { requireAuth } from '../../http/auth.js';
import { onError } from '../../http/errors.js';
import { routeGroup } from '../../http/route-group.js';
import { workspaceRateLimit } from '../middleware.js';
import { reportGenerationUsage } from '../services.js';
import { signup } from '../../__tests__/helpers.js';

for (const dialect of DIALECTS) {
  describe(`quota and rate enforcement (${dialect})`, () => {
    let h: BillingHarness;
    before(async function () {
      this.timeout(60_000);
      h = await openBillingHarness(dialect);
    });
    after(async () => {
      await h.fake.close();
      await h.t.destroy();
    });

    const setOverrides = (workspaceId: string, overrides: Record<string, number | null>) => grantQuotaOverrides(h.t.db, workspaceId, overrides, 'test');

    /**
     * One "generation" the way the service does it: admit (rate token + quota unit), store its
     * stand-in row in its own transaction, fail after storing's work when told to (the unit is
     * then given back).
     */
    const generate = async (workspaceId: string, fail = false, records?: BillingRecordCache) =>
      (await withAdmittedGeneration(h.t.db, workspaceId, records ? { records } : {}, (admitted) =>
        withWorkspace(h.t.db, workspaceId, async (trx) => {
          await appendAuditEvent(trx, { workspaceId, type: 'test.generation', actor: 'test', payload: { n: admitted.used } });
          if (fail) throw new Error('generation failed after counting');
          return admitted;
        }),
      )).value;
    const storedAndCounted = async (workspaceId: string) => ({
      stored: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE workspace_id = ${workspaceId} AND type = 'test.generation'`.execute(h.t.db)).rows[0]?.n,
      counter: (await sql<{ n: number }>`SELECT sum(count)::int AS n FROM usage_counters WHERE workspace_id = ${workspaceId} AND kind = 'generation'`.execute(h.t.db)).rows[0]?.n,
    });

    for (const kept of [false, true]) {
      it(`serves exactly M of N parallel generations against a limit of M${kept ? ', billing records kept between requests' : ''}`, async function () {
        this.timeout(60_000);
        const a = await signup(h.app, kept ? 'Kept' : 'Burst');
        const M = 17;
        const N = 40;
        await setOverrides(a.workspaceId, { generation: M, burst: 100 });
        const records = kept ? new BillingRecordCache() : undefined;
        if (records) await generate(a.workspaceId, false, records); // reads and keeps the record
        const outcomes = await Promise.allSettled(Array.from({ length: N }, () => generate(a.workspaceId, false, records)));
        const committed = outcomes.filter((o) => o.status === 'fulfilled');
        const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof BillingProblem && o.reason.billingCode === 'QUOTA_EXCEEDED');
        const served = kept ? M - 1 : M;
        assert.equal(committed.length, served, 'exactly the limit is served');
        assert.equal(refused.length, N - served, 'every other request is refused with 402');
        assert.deepEqual(await storedAndCounted(a.workspaceId), { stored: M, counter: M });
        const usage = (await send(h.billing, 'GET', '/api/v1/billing', { token: a.token })).data.usage.generation;
        assert.deepEqual(usage, { used: M, limit: M });
      });
    }

    it('acts on a changed billing record at once, in this process or another, when records are kept', async () => {
      const a = await signup(h.app, 'Changing');
      await setOverrides(a.workspaceId, { generation: 5, burst: 100 });
      const records = new BillingRecordCache();
      await generate(a.workspaceId, false, records);
      await generate(a.workspaceId, false, records);
      // Lowered behind the cache's back (as another server process would): the kept record is stale.
      await setOverrides(a.workspaceId, { generation: 2, burst: 100 });
      const over = await generate(a.workspaceId, false, records).catch((e: unknown) => e);
      assert.ok(over instanceof BillingProblem && over.billingCode === 'QUOTA_EXCEEDED', String(over));
      await setOverrides(a.workspaceId, { generation: 4, burst: 100 });
      assert.equal((await generate(a.workspaceId, false, records)).used, 3);
      await sql`UPDATE subscriptions SET trial_ends_at = now() - interval '1 day' WHERE workspace_id = ${a.workspaceId}`.execute(h.t.db);
      const inactive = await generate(a.workspaceId, false, records).catch((e: unknown) => e);
      assert.ok(inactive instanceof BillingProblem && inactive.billingCode === 'BILLING_INACTIVE', String(inactive));
      assert.deepEqual(await storedAndCounted(a.workspaceId), { stored: 3, counter: 3 });
    });

    it('never counts a failed generation, and the counter always equals what was stored', async function () {
      this.timeout(60_000);
      const a = await signup(h.app, 'Failures');
      const M = 17;
      const N = 40;
      await setOverrides(a.workspaceId, { generation: M, burst: 200 });
      const outcomes = await Promise.allSettled(Array.from({ length: N }, (_, i) => generate(a.workspaceId, i % 5 === 0)));
      const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
      const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof BillingProblem && o.reason.billingCode === 'QUOTA_EXCEEDED').length;
      const failed = outcomes.filter((o) => o.status === 'rejected' && /failed after counting/.test(String((o.reason as Error).message))).length;
      assert.equal(committed + refused + failed, N, 'every request ends in exactly one known way');
      assert.ok(failed > 0 && failed <= N / 5, `${failed} failed after admission`);
      // A unit held by a request that later fails can make a concurrent one see the quota as used
      // up until it is given back, so the burst may serve fewer than M — but it never serves
      // more, the counter never drifts from what was stored, and the rest stays usable.
      assert.ok(committed <= M, `${committed} served, limit ${M}`);
      assert.deepEqual(await storedAndCounted(a.workspaceId), { stored: committed, counter: committed });
      let more = 0;
      for (;;) {
        const r = await generate(a.workspaceId).catch((e: unknown) => e);
        if (r instanceof BillingProblem) break;
        more++;
      }
      assert.equal(committed + more, M, 'afterwards, exactly the rest of the quota is served');
      assert.deepEqual(await storedAndCounted(a.workspaceId), { stored: M, counter: M });
    });

    it('refuses with 429 before counting anything when the bucket is empty, and with 402 after spending the token', async () => {
      const a = await signup(h.app, 'Admission');
      await setOverrides(a.workspaceId, { generation: 1, burst: 2, requestsPerMinute: 1 });
      await generate(a.workspaceId);
      const over = await generate(a.workspaceId).catch((e: unknown) => e);
      assert.ok(over instanceof BillingProblem && over.status === 402, String(over));
      const limited = await generate(a.workspaceId).catch((e: unknown) => e);
      assert.ok(limited instanceof ProblemError && limited.status === 429, String(limited));
      assert.deepEqual(await storedAndCounted(a.workspaceId), { stored: 1, counter: 1 });
    });

    it('reports each counted generation to the Stripe meter once, and nothing for trial workspaces without a customer', async () => {
      const a = await signup(h.app, 'Metered');
      const trial = await generate(a.workspaceId);
      await reportGenerationUsage(h.services, h.routeDeps.logger, { stripeCustomerId: trial.stripeCustomerId, generationId: 'gen-trial' });
      assert.equal(h.fake.requestsTo('POST', '/v1/billing/meter_events').length, 0);
      await sql`UPDATE subscriptions SET stripe_customer_id = 'cus_metered' WHERE workspace_id = ${a.workspaceId}`.execute(h.t.db);
      const paid = await generate(a.workspaceId);
      assert.equal(paid.stripeCustomerId, 'cus_metered');
      for (let i = 0; i < 2; i++) await reportGenerationUsage(h.services, h.routeDeps.logger, { stripeCustomerId: paid.stripeCustomerId, generationId: 'gen-1' });
      assert.equal(h.fake.account.meterTotal('cus_metered'), 1);
      assert.deepEqual(h.fake.requestsTo('POST', '/v1/billing/meter_events')[0]?.params, { event_name: 'brandsafe_generation', identifier: 'gen-1', payload: { stripe_customer_id: 'cus_metered', value: '1' } });
      // A Stripe failure is logged, never thrown: the generation already happened.
      h.fake.failNext(500, 'api_error', 'boom');
      await reportGenerationUsage(h.services, h.routeDeps.logger, { stripeCustomerId: 'cus_metered', generationId: 'gen-2' });
    });

    it('answers the 402 problem naming limit, usage and upgrade link', async () => {
      const a = await signup(h.app, 'Over');
      await setOverrides(a.workspaceId, { generation: 1 });
      await generate(a.workspaceId);
      const err = await generate(a.workspaceId).catch((e: unknown) => e);
      assert.ok(err instanceof BillingProblem);
      assert.equal(err.status, 402);
      const body = err.toBody('req-1');
      assert.deepEqual([body.type, body.code, body.status, body.quota, body.limit, body.usage], ['tag:brandsafe.dev,2026:problem/quota-exceeded', 'QUOTA_EXCEEDED', 402, 'generation', 1, 1]);
      assert.equal(typeof body.upgrade, 'string');
    });

    it('does not count generations on unlimited plans against anything but the counter', async () => {
      const a = await signup(h.app, 'Unlimited');
      await setOverrides(a.workspaceId, { generation: null });
      for (let i = 0; i < 3; i++) await generate(a.workspaceId);
      const r = await generate(a.workspaceId);
      assert.deepEqual([r.used, r.limit], [4, null]);
    });

    it('refuses generation with 402 BILLING_INACTIVE once the trial is over', async () => {
      const a = await signup(h.app, 'Expired');
      await sql`UPDATE subscriptions SET trial_ends_at = now() - interval '1 day' WHERE workspace_id = ${a.workspaceId}`.execute(h.t.db);
      const err = await generate(a.workspaceId).catch((e: unknown) => e);
      assert.ok(err instanceof BillingProblem);
      assert.deepEqual([err.status, err.billingCode, err.toBody().phase], [402, 'BILLING_INACTIVE', 'trial_expired']);
    });

    it('holds a count quota (brands) under parallel creations', async function () {
      this.timeout(30_000);
      const a = await signup(h.app, 'Brands');
      await setOverrides(a.workspaceId, { brand: 3 });
      const create = (i: number) => withWorkspace(h.t.db, a.workspaceId, async (trx) => {
        await assertCountQuota(trx, a.workspaceId, 'brand');
        await sql`INSERT INTO brands (workspace_id, name) VALUES (${a.workspaceId}, ${`brand ${i}`})`.execute(trx);
      });
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => create(i)));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as BillingProblem).billingCode, 'QUOTA_EXCEEDED');
      const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM brands WHERE workspace_id = ${a.workspaceId}`.execute(h.t.db)).rows[0]?.n;
      assert.equal(n, 3);
    });

    it('rate-limits a workspace with 429 and Retry-After, independently of other workspaces', async () => {
      const a = await signup(h.app, 'Rate');
      const b = await signup(h.app, 'Calm');
      const limits = { requestsPerMinute: 6, burst: 4 };
      const results = await Promise.allSettled(Array.from({ length: 7 }, () => takeRateToken(h.t.db, a.workspaceId, limits)));
      const allowed = results.filter((r) => r.status === 'fulfilled').length;
      const limited = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      assert.equal(allowed, 4);
      assert.equal(limited.length, 3);
      for (const e of limited) {
        assert.ok(e instanceof ProblemError);
        assert.equal(e.status, 429);
        assert.ok(Number(e.headers['Retry-After']) >= 1 && Number(e.headers['Retry-After']) <= 10, e.headers['Retry-After']);
      }
      assert.ok(await takeRateToken(h.t.db, b.workspaceId, limits));
    });

    it('answers 429 with Retry-After from the route middleware once the burst is spent', async () => {
      const a = await signup(h.app, 'Middleware');
      await setOverrides(a.workspaceId, { burst: 2, requestsPerMinute: 1 });
      const app = routeGroup();
      const deps = routeDeps(h.t.db);
      app.use(async (c, next) => { c.set('log', deps.logger); await next(); });
      app.get('/limited', requireAuth(deps), workspaceRateLimit(deps), (c) => c.json({ ok: true }));
      app.onError(onError);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await send(app, 'GET', '/limited', { token: a.token }));
      assert.deepEqual(statuses.map((r) => r.status), [200, 200, 429]);
      assert.equal(statuses[0]?.headers.get('ratelimit-remaining'), '1');
      // One token a minute: about a minute to wait, less whatever refilled while the test ran.
      const retry = Number(statuses[2]?.headers.get('retry-after'));
      assert.ok(retry > 30 && retry <= 60, String(retry));
      assert.equal(statuses[2]?.type, 'application/problem+json');
    });

    it('isolates billing rows by workspace and keeps overrides and Stripe events out of tenant reach', async () => {
      const a = await signup(h.app, 'TenantA');
      const b = await signup(h.app, 'TenantB');
      const seen = await withWorkspace(h.t.db, a.workspaceId, async (trx) =>
        (await sql<{ workspace_id: string }>`SELECT workspace_id FROM subscriptions`.execute(trx)).rows.map((r) => r.workspace_id));
      assert.deepEqual(seen, [a.workspaceId]);
      const crossUpdate = await withWorkspace(h.t.db, a.workspaceId, async (trx) =>
        (await sql`UPDATE subscriptions SET plan = 'enterprise' WHERE workspace_id = ${b.workspaceId}`.execute(trx)).numAffectedRows);
      assert.equal(Number(crossUpdate ?? 0), 0);
      await assert.rejects(withWorkspace(h.t.db, a.workspaceId, (trx) =>
        sql`INSERT INTO quota_overrides (workspace_id, overrides) VALUES (${a.workspaceId}, '{"generation": null}')`.execute(trx)), /permission denied/);
      await assert.rejects(withWorkspace(h.t.db, a.workspaceId, (trx) => sql`SELECT * FROM stripe_events`.execute(trx)), /permission denied/);
      const plans = await withWorkspace(h.t.db, a.workspaceId, async (trx) => (await sql<{ id: string }>`SELECT id FROM plans ORDER BY monthly_price_cents NULLS LAST`.execute(trx)).rows.map((r) => r.id));
      assert.deepEqual(plans, ['starter', 'professional', 'enterprise']);
    });
  });
}
