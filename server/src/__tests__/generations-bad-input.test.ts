/**
 * Issue 4 "Bad input" for the routes of the generation work (generations, review, Opal tool,
 * analytics), driven from the OpenAPI document: malformed JSON, wrong types, missing and
 * unknown fields, oversized bodies, another workspace's ids (with an otherwise valid body),
 * malformed ids, unknown query parameters, no or wrong tokens. Each answer must be a 4xx
 * problem — never a 500 — and no row in any table may change.
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { BANNER, apiToken, openSeeded, type Seeded } from './generations-fixture.js';
import { call, signup } from './helpers.js';

const TABLES = [
  'workspaces', 'users', 'memberships', 'brand_roles', 'api_tokens', 'sessions', 'brands', 'brand_versions',
  'generations', 'generation_transitions', 'code_corrections', 'opal_requests', 'audit_events',
] as const;
const MINE = /^\/(api\/v1\/(generations|analytics)|opal)\b/;

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, { type?: string }>;
}

const wrongType = (type: string | undefined): unknown => (type === 'string' ? 12345 : type === 'array' ? 'not-an-array' : type === 'object' ? [1] : 'not-a-number');

/** A body that passes validation, so only the id (or the token) is wrong. */
function validBody(template: string, brandId: string): Record<string, unknown> {
  if (template.endsWith('/transitions')) return { to: 'QA_REVIEW', note: 'n' };
  if (template.endsWith('/corrections')) return { code: 'console.log(1);', reason: 'r', kind: 'other' };
  if (template.endsWith('/list-brand-templates')) return { parameters: { brand: brandId } };
  if (template.startsWith('/opal/')) return { parameters: { brand: brandId, test_type: 'banner', description: 'd' } };
  return { brandId, ...BANNER };
}

for (const dialect of DIALECTS) {
  describe(`bad input on the generation routes (${dialect})`, () => {
    let s: Seeded;
    let theirGeneration: string;
    let theirBrand: string;
    let opalToken: string;
    before(async function () {
      this.timeout(60_000);
      s = await openSeeded(dialect);
      // The foreign workspace: the seeded demo. The caller: a fresh workspace with its own token.
      theirBrand = s.brandId;
      theirGeneration = (await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { brandId: s.brandId, ...BANNER } })).data.id;
      assert.ok(theirGeneration);
    });
    after(async () => {
      await s.t.destroy();
    });

    async function snapshot(): Promise<Record<string, string[]>> {
      const out: Record<string, string[]> = {};
      for (const t of TABLES) {
        const rows = await s.t.db.selectFrom(t).selectAll().execute();
        out[t] = rows.map((r) => JSON.stringify({ ...r, last_used_at: undefined })).sort();
      }
      return out;
    }

    it('answers a 4xx problem to every kind of bad request and changes no row', async function () {
      this.timeout(120_000);
      const me = await signup(s.app, 'Caller');
      opalToken = await apiToken({ app: s.app, tokens: { ...s.tokens, owner: me.token } }, 'owner', ['read', 'generate', 'review', 'admin']);
      const doc = (await call(s.app, 'GET', '/api/openapi.json')).data as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
      const resolve = (x: Schema | undefined) => (x?.$ref ? doc.components.schemas[x.$ref.split('/').pop() as string] : x);
      const before = await snapshot();
      const seen: string[] = [];

      const expect4xx = async (label: string, method: string, path: string, init: Parameters<typeof call>[3], wanted?: number) => {
        const r = await call(s.app, method, path, init);
        const where = `${label}: ${method} ${path} answered ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`;
        assert.ok(r.status >= 400 && r.status < 500, where);
        if (wanted) assert.equal(r.status, wanted, where);
        assert.equal(r.type, 'application/problem+json', where);
        assert.match(r.data.type, /^tag:brandsafe\.dev,2026:problem\//);
        assert.equal(r.data.status, r.status);
      };

      for (const [template, ops] of Object.entries(doc.paths)) {
        if (!MINE.test(template)) continue;
        const theirs = template.replace('{id}', theirGeneration);
        for (const [method, op] of Object.entries(ops)) {
          const M = method.toUpperCase();
          seen.push(`${M} ${template}`);
          const token = (op.security?.length ?? 0) > 0 ? (template.startsWith('/opal/') ? opalToken : me.token) : undefined;
          const json = op.requestBody?.content['application/json'];
          const valid = json ? { json: validBody(template, theirBrand) } : {};
          if (token) {
            await expect4xx('no token', M, theirs, valid, 401);
            await expect4xx('unknown token', M, theirs, { ...valid, token: `bsp_${'x'.repeat(43)}` }, 401);
            await expect4xx('garbage token', M, theirs, { ...valid, headers: { authorization: 'Bearer ../../etc' } }, 401);
          }
          if (json) {
            await expect4xx('malformed JSON', M, theirs, { token, body: '{"brandId": ', headers: { 'content-type': 'application/json' } }, 400);
            await expect4xx('array body', M, theirs, { token, json: [] }, 400);
            await expect4xx('missing fields', M, theirs, { token, json: {} }, 400);
            await expect4xx('unknown field', M, theirs, { token, json: { ...validBody(template, theirBrand), zzzUnknown: true } }, 400);
            const props = resolve(json.schema)?.properties ?? {};
            assert.ok(Object.keys(props).length > 0, `${M} ${template} documents its body fields`);
            await expect4xx('wrong types', M, theirs, { token, json: Object.fromEntries(Object.entries(props).map(([k, p]) => [k, wrongType(p.type)])) }, 400);
            await expect4xx('oversized', M, theirs, { token, json: { description: 'x'.repeat(1024 * 1024 + 10) } }, 413);
            // The body is valid but names another workspace's brand (POST /generations, Opal) or id.
            if (!template.includes('{')) await expect4xx("another workspace's brand", M, theirs, { token, json: validBody(template, theirBrand) }, 404);
          }
          if (template.includes('{')) {
            await expect4xx("another workspace's id", M, theirs, { token, ...valid }, 404);
            await expect4xx('malformed id', M, template.replace('{id}', 'not-a-uuid'), { token, ...valid }, 400);
          }
          if (op.parameters?.some((p) => p.in === 'query')) {
            await expect4xx('unknown query parameter', M, `${theirs}?zzz=1`, { token }, 400);
            await expect4xx('foreign cursor', M, `${theirs}?cursor=${Buffer.from(theirGeneration).toString('base64url')}`, { token }, 400);
          }
        }
      }
      for (const op of [
        'POST /api/v1/generations',
        'GET /api/v1/generations',
        'GET /api/v1/generations/{id}',
        'POST /api/v1/generations/{id}/transitions',
        'POST /api/v1/generations/{id}/corrections',
        'POST /opal/tools/generate-brand-safe-code',
        'POST /opal/tools/list-brand-templates',
        'GET /api/v1/analytics/opal',
      ]) {
        assert.ok(seen.includes(op), `${op} is in the OpenAPI document`);
      }
      assert.deepEqual(await snapshot(), before, 'no row changed');
    });
  });
}
