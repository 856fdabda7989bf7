import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS } from '@brandsafe/db/testing';
import { grantQuotaOverrides } from '../billing/store.js';
import { call, signup, useHarness, type Harness } from './helpers.js';

const NORTHWIND = readFileSync(new URL('../../../examples/northwind/.brandsafe/brand.ttl', import.meta.url), 'utf8');
const TURTLE = { 'content-type': 'text/turtle' };

for (const dialect of DIALECTS) {
  describe(`brands API (${dialect})`, () => {
    let h: Harness;
    useHarness(dialect, (opened) => (h = opened));

    async function brandOf(token: string, name = 'Northwind'): Promise<string> {
      const r = await call(h.app, 'POST', '/api/v1/brands', { token, json: { name } });
      assert.equal(r.status, 201);
      return r.data.id;
    }

    it('creates and lists brands, refusing a duplicate name', async () => {
      const a = await signup(h.app);
      // Room for a second brand, so the duplicate meets the unique name and not the trial's 1-brand limit.
      await grantQuotaOverrides(h.t.db, a.workspaceId, { brand: 2 }, 'test');
      const r = await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Northwind' } });
      assert.equal(r.status, 201);
      assert.equal(r.data.name, 'Northwind');
      assert.match(r.data.id, /^[0-9a-f-]{36}$/);
      assert.equal((await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Northwind' } })).status, 409);
      const list = await call(h.app, 'GET', '/api/v1/brands', { token: a.token });
      assert.deepEqual(list.data.items.map((b: { id: string }) => b.id), [r.data.id]);
    });

    it("answers 404 for another workspace's brand on every brand route", async () => {
      const a = await signup(h.app, 'Alpha');
      const b = await signup(h.app, 'Beta');
      const theirs = await brandOf(b.token);
      for (const [method, path] of [
        ['GET', `/api/v1/brands/${theirs}`],
        ['GET', `/api/v1/brands/${theirs}/versions`],
        ['GET', `/api/v1/brands/${theirs}/graph`],
        ['GET', `/api/v1/brands/${theirs}/selectors`],
      ] as const) {
        assert.equal((await call(h.app, method, path, { token: a.token })).status, 404, path);
      }
      const put = await call(h.app, 'PUT', `/api/v1/brands/${theirs}/graph`, { token: a.token, body: NORTHWIND, headers: TURTLE });
      assert.equal(put.status, 404);
      assert.equal((await h.t.db.selectFrom('brand_versions').selectAll().execute()).length, 0);
    });

    it('stores an uploaded graph as the version it declares and serves its parts as JSON and Turtle', async () => {
      const a = await signup(h.app);
      const id = await brandOf(a.token);
      const up = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: NORTHWIND, headers: TURTLE });
      assert.equal(up.status, 201, JSON.stringify(up.data));
      assert.equal(up.data.version, '2.3.0');
      assert.deepEqual(up.data.counts, { selectors: 72, rules: 17, templates: 9 });
      const selectors = await call(h.app, 'GET', `/api/v1/brands/${id}/selectors`, { token: a.token });
      assert.equal(selectors.data.items.length, 72);
      assert.ok(selectors.data.items.every((s: { css: string }) => typeof s.css === 'string'));
      assert.equal((await call(h.app, 'GET', `/api/v1/brands/${id}/rules`, { token: a.token })).data.items.length, 17);
      assert.equal((await call(h.app, 'GET', `/api/v1/brands/${id}/templates`, { token: a.token })).data.items.length, 9);
      const ttl = await call(h.app, 'GET', `/api/v1/brands/${id}/graph`, { token: a.token });
      assert.match(ttl.type, /^text\/turtle/);
      assert.equal(ttl.data, NORTHWIND);
      assert.equal((await call(h.app, 'GET', `/api/v1/brands/${id}`, { token: a.token })).data.latestVersion, '2.3.0');
      const types = (await h.t.db.selectFrom('audit_events').select('type').orderBy('seq').execute()).map((e) => e.type);
      assert.deepEqual(types.slice(-2), ['brand.created', 'brand.version_created']);
    });

    it('only lets versions increase, and diffs two versions', async () => {
      const a = await signup(h.app);
      const id = await brandOf(a.token);
      await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: NORTHWIND, headers: TURTLE });
      const same = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: NORTHWIND, headers: TURTLE });
      assert.equal(same.status, 409);
      assert.match(same.data.detail, /latest is 2\.3\.0/);

      const firstMessage = /bs:message "([^"]+)"/.exec(NORTHWIND)?.[1] as string;
      const edited = NORTHWIND.replace('bs:version "2.3.0"', 'bs:version "2.4.0"').replace(firstMessage, 'A clearer message.');
      // Editors cache the graph and revalidate with If-None-Match (issue 7): 304 until a new version.
      const first = await call(h.app, 'GET', `/api/v1/brands/${id}/graph`, { token: a.token });
      const etag = first.headers.get('etag');
      assert.equal(etag, `"${id}@2.3.0"`);
      assert.equal(first.headers.get('cache-control'), 'private, no-cache');
      const revalidated = await call(h.app, 'GET', `/api/v1/brands/${id}/graph`, { token: a.token, headers: { 'if-none-match': `W/"other", ${etag}` } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.data, '');
      assert.equal(revalidated.headers.get('etag'), etag);
      const up = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: edited, headers: TURTLE });
      assert.equal(up.status, 201);
      assert.equal(up.data.version, '2.4.0');
      const changed = await call(h.app, 'GET', `/api/v1/brands/${id}/graph`, { token: a.token, headers: { 'if-none-match': etag! } });
      assert.equal(changed.status, 200);
      assert.equal(changed.headers.get('etag'), `"${id}@2.4.0"`);
      assert.equal(changed.data, edited);
      const versions = await call(h.app, 'GET', `/api/v1/brands/${id}/versions`, { token: a.token });
      assert.deepEqual(versions.data.items.map((v: { version: string }) => v.version), ['2.4.0', '2.3.0']);
      const diff = await call(h.app, 'GET', `/api/v1/brands/${id}/diff?from=2.3.0&to=2.4.0`, { token: a.token });
      assert.equal(diff.status, 200);
      assert.deepEqual(diff.data.rules.added, []);
      assert.deepEqual(diff.data.rules.removed, []);
      assert.equal(diff.data.rules.changed.length, 1);
      assert.deepEqual(diff.data.rules.changed[0].fields, ['message']);
      assert.deepEqual(diff.data.selectors, { added: [], removed: [], changed: [] });
      assert.equal((await call(h.app, 'GET', `/api/v1/brands/${id}/diff?from=9.9.9`, { token: a.token })).status, 404);
    });

    it('refuses a graph with a syntax error with 422 listing the problem at its 1-based line and column', async () => {
      const a = await signup(h.app);
      const id = await brandOf(a.token);
      const broken = '@prefix bs: <https://brandsafe.dev/ns#> .\n<a> <b> ';
      const r = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: broken, headers: TURTLE });
      assert.equal(r.status, 422);
      assert.equal(r.type, 'application/problem+json');
      assert.equal(r.data.code, 'INVALID_BRAND_GRAPH');
      const p = r.data.problems[0];
      assert.equal(p.kind, 'turtle-syntax');
      assert.equal(p.line, 2);
      assert.ok(p.column >= 1);
      assert.equal((await h.t.db.selectFrom('brand_versions').selectAll().execute()).length, 0);
    });

    it('refuses a graph that breaks the SHACL shapes, listing every violation', async () => {
      const a = await signup(h.app);
      const id = await brandOf(a.token);
      const bad = NORTHWIND.replace('bs:version "2.3.0"', 'bs:version "two"');
      const r = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, body: bad, headers: TURTLE });
      assert.equal(r.status, 422);
      const shacl = r.data.problems.filter((p: { kind: string }) => p.kind === 'shacl');
      assert.ok(shacl.length >= 1, JSON.stringify(r.data.problems));
      const line = NORTHWIND.split('\n').findIndex((l) => l.includes('bs:version')) + 1;
      assert.ok(shacl.some((p: { line: number }) => p.line === line), `a violation points at line ${line}`);
    });

    it('wants text/turtle and the author role (a per-brand role overrides the workspace role)', async () => {
      const a = await signup(h.app);
      const id = await brandOf(a.token);
      assert.equal((await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: a.token, json: { turtle: NORTHWIND } })).status, 415);

      await call(h.app, 'POST', '/api/v1/invitations', { token: a.token, json: { email: 'v@example.com', role: 'viewer' } });
      const mail = await h.t.db.selectFrom('outbox_emails').select('text_body').where('kind', '=', 'invitation').executeTakeFirstOrThrow();
      const secret = /token=(bsi_[A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
      const viewer = (await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret, password: 'viewer password' } })).data;
      const viewerId = (await call(h.app, 'GET', '/api/v1/auth/me', { token: viewer.token })).data.user.id;
      const denied = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: viewer.token, body: NORTHWIND, headers: TURTLE });
      assert.equal(denied.status, 403);
      const grant = await call(h.app, 'PUT', `/api/v1/brands/${id}/roles/${viewerId}`, { token: a.token, json: { role: 'editor' } });
      assert.equal(grant.status, 200);
      const allowed = await call(h.app, 'PUT', `/api/v1/brands/${id}/graph`, { token: viewer.token, body: NORTHWIND, headers: TURTLE });
      assert.equal(allowed.status, 201);
    });
  });
}
