import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS } from '@brandsafe/db/testing';
import { BANNER, apiToken, counts, generateAs, openSeeded, reseed, type Seeded } from './generations-fixture.js';
import { call, signup } from './helpers.js';

const NORTHWIND = readFileSync(new URL('../../../examples/northwind/.brandsafe/brand.ttl', import.meta.url), 'utf8');

for (const dialect of DIALECTS) {
  describe(`generations API (${dialect})`, () => {
    let s: Seeded;
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
    });

    it('generates with the template provider and stores the result with its audit event', async () => {
      const g = await generateAs(s, s.tokens.editor);
      assert.equal(g.status, 'GENERATED');
      assert.equal(g.provider, 'template');
      assert.equal(g.templateId, 'free-shipping-message');
      assert.equal(g.brandVersion, s.brandVersion);
      assert.match(g.code, /Free shipping today/);
      assert.deepEqual(g.findings, []);
      assert.equal(g.confidence, 1);
      assert.equal(g.attempts.length, 1);
      assert.deepEqual({ ...g.attempts[0], durationMs: 0 }, { provider: 'template', outcome: 'accepted', durationMs: 0, templateId: 'free-shipping-message', errors: 0, warnings: 0 });
      assert.equal(g.authorId, s.userIds.editor);
      const row = await s.t.db.selectFrom('generations').selectAll().where('id', '=', g.id).executeTakeFirstOrThrow();
      assert.equal(row.code, g.code);
      assert.equal(row.status, 'GENERATED');
      const events = await s.t.db.selectFrom('audit_events').selectAll().where('type', '=', 'generation.created').execute();
      assert.equal(events.length, 1);
      assert.equal(events[0]!.payload.generationId, g.id);
      assert.equal(events[0]!.actor, `user:${s.userIds.editor}`);
      assert.equal(events[0]!.payload.source, 'api');
      assert.match(String(events[0]!.payload.codeSha256), /^[0-9a-f]{64}$/);
    });

    it('answers 422 naming the parameter, with suggestions, for an unapproved selector and changes no row', async () => {
      const before = await counts(s);
      const r = await call(s.app, 'POST', '/api/v1/generations', {
        token: s.tokens.editor,
        json: { brandId: s.brandId, testType: 'cta-text', description: 'Change the CTA', pageType: 'home', parameters: { target: '.pdp__title', text: 'Go' } },
      });
      assert.equal(r.status, 422, JSON.stringify(r.data));
      assert.equal(r.type, 'application/problem+json');
      assert.equal(r.data.code, 'GENERATION_FAILED');
      assert.equal(r.data.generationCode, 'UNAPPROVED_SELECTOR');
      assert.equal(r.data.parameter, 'target');
      assert.deepEqual(r.data.errors.map((e: { field: string }) => e.field), ['parameters.target']);
      assert.ok(r.data.suggestions.length > 0);
      assert.deepEqual(await counts(s), before);
    });

    it('answers 422 naming templateId, testType or the parameter for unknown templates, unfit test types and missing or undeclared parameters', async () => {
      const unknown = await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { brandId: s.brandId, ...BANNER, templateId: 'nope' } });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.data.errors[0].field, 'templateId');
      const none = await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { brandId: s.brandId, testType: 'zzz', description: 'x' } });
      assert.equal(none.status, 422);
      assert.equal(none.data.generationCode, 'NO_TEMPLATE');
      assert.equal(none.data.errors[0].field, 'testType');
      const missing = await call(s.app, 'POST', '/api/v1/generations', {
        token: s.tokens.editor,
        json: { brandId: s.brandId, testType: 'banner', description: 'x', templateId: 'free-shipping-message' },
      });
      assert.equal(missing.status, 422);
      assert.equal(missing.data.generationCode, 'MISSING_PARAMETER');
      assert.deepEqual(missing.data.errors.map((e: { field: string }) => e.field), ['parameters.message']);
      const undeclared = await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { brandId: s.brandId, ...BANNER, parameters: { ...BANNER.parameters, colour: 'red' } } });
      assert.equal(undeclared.status, 422);
      assert.equal(undeclared.data.parameter, 'colour');
      assert.ok(undeclared.data.suggestions.includes('message'));
    });

    it('lets editors and above generate, honours per-brand overrides and the token scope', async () => {
      for (const role of ['owner', 'admin', 'editor'] as const) await generateAs(s, s.tokens[role]);
      for (const role of ['reviewer', 'viewer'] as const) {
        const r = await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens[role], json: { brandId: s.brandId, ...BANNER } });
        assert.equal(r.status, 403, role);
      }
      const setRole = (userId: string, role: string) => call(s.app, 'PUT', `/api/v1/brands/${s.brandId}/roles/${userId}`, { token: s.tokens.owner, json: { role } });
      assert.equal((await setRole(s.userIds.viewer, 'editor')).status, 200);
      await generateAs(s, s.tokens.viewer);
      assert.equal((await setRole(s.userIds.editor, 'viewer')).status, 200);
      assert.equal((await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { brandId: s.brandId, ...BANNER } })).status, 403);
      const readOnly = await apiToken(s, 'owner', ['read']);
      const r = await call(s.app, 'POST', '/api/v1/generations', { token: readOnly, json: { brandId: s.brandId, ...BANNER } });
      assert.equal(r.status, 403);
      assert.equal(r.data.requiredScope, 'generate');
      await generateAs(s, await apiToken(s, 'owner', ['generate']));
    });

    it("answers 404 for another workspace's brand and 409 for a brand without a graph", async () => {
      const other = await signup(s.app, 'Other');
      const theirs = (await call(s.app, 'POST', '/api/v1/brands', { token: other.token, json: { name: 'Empty' } })).data.id;
      const foreign = await call(s.app, 'POST', '/api/v1/generations', { token: s.tokens.editor, json: { ...BANNER, brandId: theirs } });
      assert.equal(foreign.status, 404);
      const empty = await call(s.app, 'POST', '/api/v1/generations', { token: other.token, json: { ...BANNER, brandId: theirs } });
      assert.equal(empty.status, 409);
      assert.equal((await counts(s)).generations, 0);
    });

    it("uses the brand's current version after a new upload", async () => {
      const first = await generateAs(s, s.tokens.editor);
      const up = await call(s.app, 'PUT', `/api/v1/brands/${s.brandId}/graph?version=9.0.0`, { token: s.tokens.owner, body: NORTHWIND, headers: { 'content-type': 'text/turtle' } });
      assert.equal(up.status, 201, JSON.stringify(up.data));
      const second = await generateAs(s, s.tokens.editor);
      assert.equal(second.brandVersion, '9.0.0');
      assert.notEqual(second.brandVersionId, first.brandVersionId);
      // The second request first tried the cached context (version 2.3.0); its guarded insert
      // wrote nothing, and the fresh attempt wrote exactly one generation and one event.
      assert.equal((await counts(s)).generations, 2);
      const created = await s.t.db.selectFrom('audit_events').select('payload').where('type', '=', 'generation.created').orderBy('seq').execute();
      assert.deepEqual(created.map((e) => e.payload.brandVersion), [s.brandVersion, '9.0.0']);
    });

    it('lists newest first with filters and cursor pagination', async () => {
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push((await generateAs(s, i % 2 ? s.tokens.admin : s.tokens.editor)).id);
      await call(s.app, 'POST', `/api/v1/generations/${made[0]}/transitions`, { token: s.tokens.editor, json: { to: 'QA_REVIEW' } });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await call(s.app, 'GET', `/api/v1/generations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: s.tokens.viewer });
        assert.equal(r.status, 200, JSON.stringify(r.data));
        assert.ok(r.data.items.length <= 2);
        seen.push(...r.data.items.map((g: { id: string }) => g.id));
        cursor = r.data.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...made].reverse());
      const ids = async (query: string) => (await call(s.app, 'GET', `/api/v1/generations?${query}`, { token: s.tokens.editor })).data.items.map((g: { id: string }) => g.id);
      assert.deepEqual(await ids('status=QA_REVIEW'), [made[0]]);
      assert.deepEqual(await ids('author=me'), [made[4], made[2], made[0]]);
      assert.deepEqual(await ids(`author=${s.userIds.admin}`), [made[3], made[1]]);
      assert.equal((await ids(`brandId=${s.brandId}`)).length, 5);
      assert.deepEqual(await ids(`to=${encodeURIComponent('2000-01-01T00:00:00Z')}`), []);
      assert.equal((await ids(`from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).length, 5);
      for (const bad of ['status=DONE', 'limit=0', 'limit=101', 'cursor=not-a-cursor', 'from=yesterday', 'author=someone']) {
        const r = await call(s.app, 'GET', `/api/v1/generations?${bad}`, { token: s.tokens.editor });
        assert.equal(r.status, 400, bad);
      }
    });

    it('reads one generation with its code, attempts, transitions and corrections', async () => {
      const g = await generateAs(s, s.tokens.editor);
      const r = await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: s.tokens.viewer });
      assert.equal(r.status, 200);
      assert.equal(r.data.code, g.code);
      assert.deepEqual(r.data.parameters, BANNER.parameters);
      assert.deepEqual(r.data.transitions, []);
      assert.deepEqual(r.data.corrections, []);
      assert.deepEqual(r.data.allowedTransitions, ['QA_REVIEW']);
      const other = await signup(s.app, 'Other');
      assert.equal((await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: other.token })).status, 404);
    });
  });
}
