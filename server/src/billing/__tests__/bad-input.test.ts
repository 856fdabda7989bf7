/**
 * Issue 4's bad-input sweep over the billing routes, from their own OpenAPI document: no or
 * wrong tokens, malformed JSON, wrong types, missing and unknown fields, oversized bodies and
 * unknown query parameters each get a 4xx problem, never a 500, and no billing row changes.
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { openBillingHarness, send, type BillingHarness } from './harness.js';
import { signup } from '../../__tests__/helpers.js';

interface Operation {
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string; properties?: Record<string, { type?: string }> } }> };
}

const TABLES = ['subscriptions', 'usage_counters', 'quota_overrides', 'rate_buckets', 'stripe_events', 'audit_events'];

for (const dialect of DIALECTS) {
  describe(`billing routes under bad input (${dialect})`, () => {
    let h: BillingHarness;
    before(async function () {
      this.timeout(60_000);
      h = await openBillingHarness(dialect);
    });
    after(async () => {
      await h.fake.close();
      await h.t.destroy();
    });

    const snapshot = async () => {
      const out: Record<string, string[]> = {};
      for (const t of TABLES) out[t] = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(h.t.db)).rows.map((r) => JSON.stringify(r)).sort();
      return out;
    };

    it('answers a 4xx problem to every kind of bad request and changes no row', async function () {
      this.timeout(60_000);
      const a = await signup(h.app, 'Bad');
      const doc = (await send(h.billing, 'GET', '/api/openapi.json')).data as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, { type?: string }> }> } };
      const before = await snapshot();
      const seen: string[] = [];
      const expect4xx = async (label: string, method: string, path: string, init: Parameters<typeof send>[3], wanted: number) => {
        const r = await send(h.billing, method, path, init);
        assert.equal(r.status, wanted, `${label}: ${method} ${path} → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`);
        assert.equal(r.type, 'application/problem+json', `${label}: ${method} ${path}`);
        assert.match(r.data.type, /^tag:brandsafe\.dev,2026:problem\//);
      };
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const M = method.toUpperCase();
          seen.push(`${M} ${path}`);
          const json = op.requestBody?.content['application/json'];
          const body = json ? { json: {} } : {};
          if ((op.security?.length ?? 0) > 0) {
            await expect4xx('no token', M, path, body, 401);
            await expect4xx('unknown token', M, path, { ...body, token: `bsp_${'x'.repeat(43)}` }, 401);
            await expect4xx('garbage token', M, path, { ...body, headers: { authorization: 'Bearer ../../etc' } }, 401);
          }
          if (json) {
            const token = a.token;
            await expect4xx('malformed JSON', M, path, { token, body: '{"plan": ', headers: { 'content-type': 'application/json' } }, 400);
            await expect4xx('array body', M, path, { token, json: [] }, 400);
            await expect4xx('missing fields', M, path, { token, json: {} }, 400);
            await expect4xx('unknown field', M, path, { token, json: { plan: 'starter', zzz: 1 } }, 400);
            const ref = json.schema?.$ref?.split('/').pop();
            const props = (ref ? doc.components.schemas[ref] : json.schema)?.properties ?? {};
            assert.ok(Object.keys(props).length > 0, `${M} ${path} documents its body`);
            await expect4xx('wrong types', M, path, { token, json: Object.fromEntries(Object.keys(props).map((k) => [k, 12345])) }, 400);
            await expect4xx('oversized', M, path, { token, json: { plan: 'x'.repeat(1024 * 1024 + 10) } }, 413);
          }
          if (op.parameters?.some((p) => p.in === 'query')) {
            await expect4xx('unknown query parameter', M, `${path}?zzz=1`, { token: a.token }, 400);
            await expect4xx('out-of-range limit', M, `${path}?limit=1000`, { token: a.token }, 400);
          }
        }
      }
      for (const op of ['POST /api/v1/billing/checkout', 'POST /api/v1/billing/plan', 'POST /api/v1/billing/portal', 'GET /api/v1/billing/invoices', 'GET /api/v1/billing']) {
        assert.ok(seen.includes(op), op);
      }
      // The webhook is not in the document (its body is raw bytes): drive it by hand.
      await expect4xx('webhook without signature', 'POST', '/webhooks/stripe', { body: '{"id":"evt_1"}' }, 400);
      await expect4xx('webhook with garbage signature', 'POST', '/webhooks/stripe', { body: 'x', headers: { 'stripe-signature': 't=1,v1=zz' } }, 400);
      await expect4xx('oversized webhook', 'POST', '/webhooks/stripe', { body: 'x'.repeat(1024 * 1024 + 10), headers: { 'stripe-signature': 't=1,v1=zz' } }, 413);
      assert.deepEqual(await snapshot(), before, 'no row changed');
    });
  });
}
