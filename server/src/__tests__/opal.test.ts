import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { BANNER, apiToken, counts, openSeeded, reseed, type Seeded } from './generations-fixture.js';
import { call, signup } from './helpers.js';

const TOOL = '/opal/tools/generate-brand-safe-code';
const ARGS = { brand: 'Northwind', test_type: BANNER.testType, description: BANNER.description, template_parameters: BANNER.parameters };
const OPAL_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'];

describe('Opal discovery document', () => {
  let s: Seeded;
  before(async function () {
    this.timeout(60_000);
    s = await openSeeded('pglite');
  });
  after(async () => {
    await s.t.destroy();
  });

  it('is exactly {"functions": [...]} in the Opal tools SDK format, field by field', async () => {
    const r = await call(s.app, 'GET', '/opal/discovery');
    assert.equal(r.status, 200);
    assert.match(r.type, /^application\/json/);
    assert.deepEqual(Object.keys(r.data), ['functions']);
    assert.ok(Array.isArray(r.data.functions) && r.data.functions.length >= 1);
    for (const fn of r.data.functions) {
      assert.deepEqual(Object.keys(fn).sort(), ['description', 'endpoint', 'http_method', 'name', 'parameters']);
      assert.match(fn.name, /^[a-z][a-z0-9_]*$/);
      assert.equal(typeof fn.description, 'string');
      assert.ok(fn.description.length > 20);
      assert.equal(fn.http_method, 'POST');
      assert.equal(fn.endpoint, `/opal/tools/${fn.name.replaceAll('_', '-')}`);
      assert.ok(Array.isArray(fn.parameters));
      for (const p of fn.parameters) {
        assert.deepEqual(Object.keys(p).sort(), ['description', 'name', 'required', 'type']);
        assert.equal(typeof p.name, 'string');
        assert.ok(OPAL_TYPES.includes(p.type), `${p.name}: ${p.type}`);
        assert.equal(typeof p.description, 'string');
        assert.equal(typeof p.required, 'boolean');
      }
      assert.equal(new Set(fn.parameters.map((p: { name: string }) => p.name)).size, fn.parameters.length);
    }
    assert.deepEqual(r.data.functions.map((f: { name: string }) => f.name), ['generate_brand_safe_code', 'list_brand_templates']);
    const gen = r.data.functions.find((f: { name: string }) => f.name === 'generate_brand_safe_code');
    assert.ok(gen, 'generate_brand_safe_code is offered');
    assert.deepEqual(
      gen.parameters.map((p: { name: string; type: string; required: boolean }) => [p.name, p.type, p.required]),
      [
        ['brand', 'string', true],
        ['test_type', 'string', true],
        ['description', 'string', true],
        ['template_parameters', 'object', false],
        ['template_id', 'string', false],
        ['page_type', 'string', false],
      ],
    );
    const list = r.data.functions.find((f: { name: string }) => f.name === 'list_brand_templates');
    assert.deepEqual(
      list.parameters.map((p: { name: string; type: string; required: boolean }) => [p.name, p.type, p.required]),
      [
        ['brand', 'string', true],
        ['test_type', 'string', false],
        ['page_type', 'string', false],
      ],
    );
    // The root alias (the URL to register in Opal) serves the same document.
    const root = await call(s.app, 'GET', '/discovery');
    assert.equal(root.status, 200);
    assert.deepEqual(root.data, r.data);
    // Every declared endpoint exists and takes POST (401 without a credential, not 404).
    for (const fn of r.data.functions) assert.equal((await call(s.app, 'POST', fn.endpoint, { json: { parameters: {} } })).status, 401);
  });
});

for (const dialect of DIALECTS) {
  describe(`Opal tool endpoint (${dialect})`, () => {
    let s: Seeded;
    let token: string;
    before(async function () {
      this.timeout(60_000);
      s = await openSeeded(dialect);
    });
    after(async () => {
      await s.t.destroy();
    });
    beforeEach(async () => {
      await s.t.clean();
      Object.assign(s, await reseed(s));
      token = await apiToken(s, 'editor', ['generate']);
    });

    it('generates from the wrapped {"parameters": ...} form and from a bare body, recording each call', async () => {
      const wrapped = await call(s.app, 'POST', TOOL, { token, json: { parameters: ARGS, auth: { provider: 'none' } } });
      assert.equal(wrapped.status, 200, JSON.stringify(wrapped.data));
      assert.match(wrapped.data.code, /Free shipping today/);
      assert.deepEqual(wrapped.data.findings, []);
      assert.equal(wrapped.data.confidence, 1);
      assert.equal(wrapped.data.status, 'GENERATED');
      assert.deepEqual(wrapped.data.brand, { id: s.brandId, name: 'Northwind', version: s.brandVersion });
      const bare = await call(s.app, 'POST', TOOL, { token, json: { ...ARGS, brand: s.brandId, page_type: 'home' } });
      assert.equal(bare.status, 200, JSON.stringify(bare.data));
      const rows = await s.t.db.selectFrom('opal_requests').selectAll().orderBy('created_at').execute();
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.equal(row.brand_id, s.brandId);
        assert.equal(row.test_type, 'banner');
        assert.equal(row.status, 'succeeded');
        assert.equal(row.confidence, 1);
        assert.ok(row.duration_ms >= 0);
        assert.ok(row.generation_id);
      }
      const g = await call(s.app, 'GET', `/api/v1/generations/${wrapped.data.generationId}`, { token: s.tokens.viewer });
      assert.equal(g.status, 200);
      const event = await s.t.db.selectFrom('audit_events').selectAll().where('type', '=', 'generation.created').executeTakeFirstOrThrow();
      assert.equal(event.payload.source, 'opal');
    });

    it('answers 401 without an API token, 403 without the generate scope, and records nothing', async () => {
      const before = await counts(s);
      for (const init of [{}, { token: 'bsp_nope' }, { token: s.tokens.editor }]) {
        const r = await call(s.app, 'POST', TOOL, { ...init, json: { parameters: ARGS } });
        assert.equal(r.status, 401, JSON.stringify(init));
        assert.equal(r.type, 'application/problem+json');
        assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
      const readOnly = await apiToken(s, 'editor', ['read']);
      assert.equal((await call(s.app, 'POST', TOOL, { token: readOnly, json: { parameters: ARGS } })).status, 403);
      const mixed = await call(s.app, 'POST', TOOL, { token, json: { parameters: ARGS, brand: 'Northwind' } });
      assert.equal(mixed.status, 400);
      const missing = await call(s.app, 'POST', TOOL, { token, json: { brand: 'Northwind' } });
      assert.equal(missing.status, 400);
      assert.deepEqual(missing.data.errors.map((e: { field: string }) => e.field).sort(), ['description', 'test_type']);
      const other = await signup(s.app, 'Other');
      const foreign = await apiToken({ app: s.app, tokens: { ...s.tokens, owner: other.token } }, 'owner', ['generate']);
      assert.equal((await call(s.app, 'POST', TOOL, { token: foreign, json: { parameters: ARGS } })).status, 404);
      const after = await counts(s);
      assert.equal(after.opal_requests, before.opal_requests);
      assert.equal(after.generations, before.generations);
    });

    it("lists the brand's templates with typed parameters, best fit first for a test type", async () => {
      const reader = await apiToken(s, 'viewer', ['read']);
      const all = await call(s.app, 'POST', '/opal/tools/list-brand-templates', { token: reader, json: { parameters: { brand: 'northwind' } } });
      assert.equal(all.status, 200, JSON.stringify(all.data));
      assert.deepEqual(all.data.brand, { id: s.brandId, name: 'Northwind', version: s.brandVersion });
      assert.equal(all.data.templates.length, 9);
      const banner = await call(s.app, 'POST', '/opal/tools/list-brand-templates', { token: reader, json: { brand: s.brandId, test_type: 'banner', page_type: 'cart' } });
      assert.equal(banner.status, 200);
      assert.deepEqual(banner.data.templates.map((t: { id: string }) => t.id), ['free-shipping-message']);
      assert.deepEqual(banner.data.templates[0].parameters.map((p: { name: string; type: string; required: boolean }) => [p.name, p.type, p.required]), [
        ['message', 'text', true],
        ['track', 'boolean', false],
      ]);
      assert.equal((await call(s.app, 'POST', '/opal/tools/list-brand-templates', { token: reader, json: { brand: 'Nope' } })).status, 404);
      assert.equal((await call(s.app, 'POST', '/opal/tools/list-brand-templates', { token: s.tokens.viewer, json: { brand: 'Northwind' } })).status, 401);
      assert.equal((await counts(s)).opal_requests, 0, 'listing is not a generation call');
    });

    it('records a refused generation as a failed call and aggregates calls per brand and day', async () => {
      const refused = await call(s.app, 'POST', TOOL, { token, json: { parameters: { ...ARGS, template_id: 'no-such-template' } } });
      assert.equal(refused.status, 422);
      assert.equal(refused.data.generationCode, 'UNKNOWN_TEMPLATE');
      for (let i = 0; i < 3; i++) assert.equal((await call(s.app, 'POST', TOOL, { token, json: { parameters: ARGS } })).status, 200);
      const failed = await s.t.db.selectFrom('opal_requests').selectAll().where('status', '=', 'failed').execute();
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.error_code, 'UNKNOWN_TEMPLATE');
      // One call yesterday, to see the per-day split.
      const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
      await s.t.db.updateTable('opal_requests').set({ created_at: yesterday } as never).where('id', '=', failed[0]!.id).execute();
      const r = await call(s.app, 'GET', '/api/v1/analytics/opal', { token: s.tokens.viewer });
      assert.equal(r.status, 200, JSON.stringify(r.data));
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(
        r.data.items.map((d: Record<string, unknown>) => [d.brandId, d.brandName, d.day, d.calls, d.succeeded, d.failed, d.meanConfidence]),
        [
          [s.brandId, 'Northwind', today, 3, 3, 0, 1],
          [s.brandId, 'Northwind', yesterday.toISOString().slice(0, 10), 1, 0, 1, null],
        ],
      );
      assert.ok(r.data.items.every((d: { meanDurationMs: number; p95DurationMs: number }) => d.meanDurationMs >= 0 && d.p95DurationMs >= 0));
      const ranged = await call(s.app, 'GET', `/api/v1/analytics/opal?from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`, { token: s.tokens.viewer });
      assert.equal(ranged.data.items.length, 1);
      const other = await signup(s.app, 'Other');
      assert.deepEqual((await call(s.app, 'GET', '/api/v1/analytics/opal', { token: other.token })).data.items, []);
      assert.equal((await call(s.app, 'GET', '/api/v1/analytics/opal?brandId=nope', { token: s.tokens.viewer })).status, 400);
    });
  });
}
