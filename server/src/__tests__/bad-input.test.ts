/**
 * Issue 4 "Bad input": every route in the OpenAPI document is driven with malformed JSON, wrong
 * types, missing and unknown fields, oversized bodies, another workspace's ids, malformed ids
 * and query parameters, and no or wrong tokens. Each answer must be a 4xx problem (never a
 * 500), and no row in any table may change. The subsystems behind the later groups run here
 * (the audit log, generation, billing against the fake Stripe server), so those groups answer
 * the exact problem too, never "not started" (503).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { grantQuotaOverrides } from '../billing/store.js';
import { AuditLogService, registerAuditLog } from '../audit/service.js';
import { testSigner } from '../audit/__tests__/helpers.js';
import { FakeStripe } from '../../../packages/billing/src/__tests__/support/fake-stripe.js';
import { call, openHarness, signup, type Harness } from './helpers.js';

const NORTHWIND = readFileSync(new URL('../../../examples/northwind/.brandsafe/brand.ttl', import.meta.url), 'utf8');
const TABLES = [
  'workspaces', 'users', 'memberships', 'brand_roles', 'invitations', 'api_tokens', 'sessions', 'brands', 'brand_versions',
  'generations', 'generation_transitions', 'code_corrections', 'opal_requests', 'audit_events', 'outbox_emails', 'login_attempts',
] as const;
/** Billing's tables (raw SQL: they are not in @brandsafe/db's schema types). Not rate_buckets: a refused request still spends its token. */
const BILLING_TABLES = ['subscriptions', 'usage_counters', 'quota_overrides', 'stripe_events'] as const;
/** Billing configured against the fake Stripe server, as `npm start` reads it. */
const STRIPE_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_STARTER', 'STRIPE_PRICE_PROFESSIONAL', 'STRIPE_API_BASE', 'STRIPE_MAX_NETWORK_RETRIES'];
/** Route groups answering the exact problem; any other group (one added later) some 4xx. */
const EXACT_GROUPS = ['auth', 'tokens', 'members', 'invitations', 'brands', 'audit', 'generations', 'analytics', 'billing'];

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, { type?: string }>;
}

/** A value of the wrong JSON type for a property declared with `type`. */
function wrongType(type: string | undefined): unknown {
  return type === 'string' ? 12345 : type === 'array' ? 'not-an-array' : type === 'object' ? [1] : 'not-a-number';
}

for (const dialect of DIALECTS) {
  describe(`bad input on every route (${dialect})`, () => {
    let h: Harness;
    let ids: Record<string, string>;
    let tokenA: string;
    let fake: FakeStripe;
    const savedEnv: Record<string, string | undefined> = {};
    before(async function () {
      this.timeout(60_000);
      fake = await FakeStripe.start({ secretKey: 'sk_test_badinput' });
      for (const k of STRIPE_ENV) savedEnv[k] = process.env[k];
      Object.assign(process.env, {
        STRIPE_SECRET_KEY: 'sk_test_badinput', STRIPE_WEBHOOK_SECRET: 'whsec_badinput', STRIPE_PRICE_STARTER: 'price_starter_test',
        STRIPE_PRICE_PROFESSIONAL: 'price_professional_test', STRIPE_API_BASE: fake.url, STRIPE_MAX_NETWORK_RETRIES: '0',
      });
      h = await openHarness(dialect);
      registerAuditLog(h.t.db, new AuditLogService(h.t.db, testSigner(), { headIntervalMs: 3_600_000 }));
      const a = await signup(h.app, 'Alpha');
      const b = await signup(h.app, 'Beta');
      tokenA = a.token;
      // Workspace A already has its trial's one brand: room for more, so a creation with bad input
      // meets the validation under test, not the plan limit (402).
      await grantQuotaOverrides(h.t.db, a.workspaceId, { brand: null, member: null, api_token: null }, 'test');
      await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Mine' } });
      const brandB = (await call(h.app, 'POST', '/api/v1/brands', { token: b.token, json: { name: 'Theirs' } })).data.id;
      const up = await call(h.app, 'PUT', `/api/v1/brands/${brandB}/graph`, { token: b.token, body: NORTHWIND, headers: { 'content-type': 'text/turtle' } });
      assert.equal(up.status, 201);
      const tokenB = (await call(h.app, 'POST', '/api/v1/tokens', { token: b.token, json: { name: 't', scopes: ['read'] } })).data.id;
      const invitationB = (await call(h.app, 'POST', '/api/v1/invitations', { token: b.token, json: { email: 'x@example.com', role: 'viewer' } })).data.id;
      const generationB = await call(h.app, 'POST', '/api/v1/generations', {
        token: b.token,
        json: { brandId: brandB, testType: 'banner', description: 'Free shipping banner', parameters: { message: 'Free shipping today' } },
      });
      assert.equal(generationB.status, 201, JSON.stringify(generationB.data));
      const eventB = await h.t.db.selectFrom('audit_events').select('id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
      ids = { brands: brandB, tokens: tokenB, invitations: invitationB, generations: generationB.data.id, userId: b.userId, eventId: eventB.id };
    });
    after(async () => {
      for (const k of STRIPE_ENV) {
        if (savedEnv[k] === undefined) delete process.env[k];
        else process.env[k] = savedEnv[k];
      }
      await fake.close();
      await h.t.destroy();
    });

    async function snapshot(): Promise<Record<string, string[]>> {
      const out: Record<string, string[]> = {};
      for (const t of TABLES) {
        const rows = await h.t.db.selectFrom(t).selectAll().execute();
        // last_used_at moves when a valid credential is used; it is not a change made by the input.
        out[t] = rows.map((r) => JSON.stringify({ ...r, last_used_at: undefined })).sort();
      }
      for (const t of BILLING_TABLES) {
        const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(h.t.db);
        out[t] = rows.map((r) => JSON.stringify(r)).sort();
      }
      return out;
    }

    function fill(path: string, idFor: (name: string) => string): string {
      return path.replace(/\{(\w+)\}/g, (_m, name: string) => idFor(name));
    }

    it('answers a 4xx problem to every kind of bad request and changes no row', async function () {
      this.timeout(120_000);
      const doc = (await call(h.app, 'GET', '/api/openapi.json')).data as {
        paths: Record<string, Record<string, Operation>>;
        components: { schemas: Record<string, Schema> };
      };
      const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop() as string] : s);
      const before = await snapshot();
      const seen: string[] = [];
      let requests = 0;

      const expect4xx = async (label: string, method: string, path: string, init: Parameters<typeof call>[3], wanted?: number) => {
        const r = await call(h.app, method, path, init);
        requests++;
        assert.ok(r.status >= 400 && r.status < 500, `${label}: ${method} ${path} answered ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`);
        if (wanted) assert.equal(r.status, wanted, `${label}: ${method} ${path} ${JSON.stringify(r.data).slice(0, 300)}`);
        assert.equal(r.type, 'application/problem+json', `${label}: ${method} ${path}`);
        assert.match(r.data.type, /^tag:brandsafe\.dev,2026:problem\//);
        assert.equal(r.data.status, r.status);
      };

      for (const [template, ops] of Object.entries(doc.paths)) {
        const group = /^\/api\/v1\/(\w+)/.exec(template)?.[1] ?? '';
        // Ids of workspace B's rows where this test knows them; any other parameter gets a UUID
        // that exists nowhere, which must be just as invisible.
        const idFor = (name: string) => (name === 'id' ? ids[group] : ids[name]) ?? '00000000-0000-4000-8000-000000000000';
        const theirs = fill(template, idFor);
        const exact = EXACT_GROUPS.includes(group);
        const want = (status: number) => (exact ? status : undefined);
        for (const [method, op] of Object.entries(ops)) {
          const M = method.toUpperCase();
          seen.push(`${M} ${template}`);
          const secured = (op.security?.length ?? 0) > 0;
          const json = op.requestBody?.content['application/json'];
          const turtle = op.requestBody?.content['text/turtle'];
          const token = secured ? tokenA : undefined;
          const validBody = json ? { json: {} } : turtle ? { body: NORTHWIND, headers: { 'content-type': 'text/turtle' } } : {};

          if (secured) {
            await expect4xx('no token', M, theirs, validBody, want(401));
            await expect4xx('unknown token', M, theirs, { ...validBody, token: `bsp_${'x'.repeat(43)}` }, want(401));
            await expect4xx('garbage token', M, theirs, { ...validBody, headers: { ...('headers' in validBody ? validBody.headers : {}), authorization: 'Bearer ../../etc' } }, want(401));
          }
          if (json) {
            await expect4xx('malformed JSON', M, theirs, { token, body: '{"name": ', headers: { 'content-type': 'application/json' } }, want(400));
            await expect4xx('array body', M, theirs, { token, json: [] }, want(400));
            await expect4xx('missing fields', M, theirs, { token, json: {} }, want(400));
            await expect4xx('unknown field', M, theirs, { token, json: { zzzUnknown: true } }, want(400));
            const props = resolve(json.schema)?.properties ?? {};
            assert.ok(Object.keys(props).length > 0, `${M} ${template} documents its body fields`);
            const wrong = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, wrongType(s.type)]));
            await expect4xx('wrong types', M, theirs, { token, json: wrong }, want(400));
            await expect4xx('oversized', M, theirs, { token, json: { name: 'x'.repeat(1024 * 1024 + 10) } }, want(413));
          }
          if (turtle) {
            await expect4xx('JSON instead of Turtle', M, theirs, { token, json: { turtle: 'x' } }, want(415));
            await expect4xx('oversized Turtle', M, theirs, { token, body: '#'.repeat(5 * 1024 * 1024 + 10), headers: { 'content-type': 'text/turtle' } }, want(413));
          }
          if (template.includes('{')) {
            // Another workspace's ids, with a body that would otherwise be valid where possible.
            const body = turtle ? validBody : json ? { json: guessValidBody(template) } : {};
            const query = template.endsWith('/diff') ? '?from=2.3.0' : '';
            await expect4xx("another workspace's id", M, theirs + query, { token, ...body }, want(404));
            await expect4xx('malformed id', M, fill(template, () => 'not-a-uuid'), { token, ...body }, want(400));
          }
          if (op.parameters?.some((p) => p.in === 'query')) {
            await expect4xx('unknown query parameter', M, `${theirs}?zzz=1`, { token, ...(turtle ? validBody : {}) }, want(400));
          }
        }
      }
      assert.ok(seen.length >= 20, `drove ${seen.length} operations`);
      for (const op of ['POST /api/v1/auth/signup', 'PUT /api/v1/brands/{id}/graph', 'DELETE /api/v1/members/{userId}']) assert.ok(seen.includes(op), op);
      assert.ok(requests > 100);
      assert.deepEqual(await snapshot(), before, 'no row changed');
    });

    it('answers 4xx to bodies of the wrong media type and to text PostgreSQL cannot store', async () => {
      const before = await snapshot();
      const json = { 'content-type': 'application/json' };
      const cases: [string, string, Parameters<typeof call>[3], number][] = [
        ['POST', '/api/v1/brands', { token: tokenA, body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }, 415],
        ['POST', '/api/v1/brands', { token: tokenA, body: '{"name":"x"}' }, 415],
        ['POST', '/api/v1/auth/signup', { body: '{}', headers: { 'content-type': 'application/xml' } }, 415],
        ['POST', '/api/v1/brands', { token: tokenA, json: { name: 'nul\u0000byte' } }, 400],
        ['POST', '/api/v1/auth/signup', { json: { email: 'n@example.com', password: 'long enough pw', workspace: 'W\u0000' } }, 400],
        ['POST', '/api/v1/tokens', { token: tokenA, json: { name: '\u0000', scopes: ['read'] } }, 400],
        ['POST', '/api/v1/brands', { token: tokenA, body: '{"name":"\\ud800"}', headers: json }, 400],
        ['POST', '/api/v1/brands', { token: tokenA, body: '['.repeat(100_000) + ']'.repeat(100_000), headers: json }, 400],
      ];
      for (const [method, path, init, status] of cases) {
        const r = await call(h.app, method, path, init);
        assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(init).slice(0, 80)}: ${JSON.stringify(r.data).slice(0, 200)}`);
        assert.equal(r.type, 'application/problem+json');
      }
      assert.deepEqual(await snapshot(), before, 'no row changed');
    });

    it('refuses unsigned, wrongly signed and stale Stripe webhooks with 400 webhook-signature-invalid', async () => {
      const before = await snapshot();
      const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.subscription.updated', created: 1, data: { object: {} } });
      const t = Math.floor(Date.now() / 1000);
      for (const signature of [undefined, 'garbage', `t=${t},v1=${'0'.repeat(64)}`, `t=${t - 3600},v1=${'0'.repeat(64)}`]) {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) };
        const r = await call(h.app, 'POST', '/webhooks/stripe', { body, headers });
        assert.equal(r.status, 400, `${signature}: ${JSON.stringify(r.data).slice(0, 200)}`);
        assert.deepEqual([r.type, r.data.type, r.data.code], ['application/problem+json', 'tag:brandsafe.dev,2026:problem/webhook-signature-invalid', 'WEBHOOK_SIGNATURE_INVALID']);
      }
      assert.deepEqual(await snapshot(), before, 'no row changed');
    });
  });
}

/** A body that passes validation for the routes that take one, so only the foreign id is wrong. */
function guessValidBody(template: string): Record<string, unknown> {
  if (template.includes('/roles/') || template.startsWith('/api/v1/members/')) return { role: 'viewer' };
  if (template.endsWith('/transitions')) return { to: 'QA_REVIEW', note: 'ready' };
  if (template.endsWith('/corrections')) return { code: 'document.title = "x";', reason: 'fix', kind: 'copy' };
  return {};
}
