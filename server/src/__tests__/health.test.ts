import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, useHarness, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`operations endpoints (${dialect})`, () => {
    let h: Harness;
    useHarness(dialect, (opened) => (h = opened), { clean: false });

    it('answers /healthz and /readyz when the database answers', async () => {
      assert.deepEqual((await call(h.app, 'GET', '/healthz')).data, { status: 'ok' });
      const ready = await call(h.app, 'GET', '/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.data, { status: 'ready' });
    });

    it('serves Prometheus metrics that count requests by route', async () => {
      await call(h.app, 'GET', '/healthz');
      const m = await call(h.app, 'GET', '/metrics');
      assert.equal(m.status, 200);
      assert.match(m.type, /^text\/plain/);
      assert.match(m.data, /brandsafe_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
      assert.match(m.data, /brandsafe_http_request_duration_seconds_bucket/);
    });

    it('tags every response with a request id, echoing a caller-supplied one', async () => {
      const own = await call(h.app, 'GET', '/healthz');
      assert.match(own.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      const given = await call(h.app, 'GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
      assert.equal(given.headers.get('x-request-id'), 'trace-123');
    });

    it('generates an OpenAPI 3.1 document from the route schemas', async () => {
      const doc = await call(h.app, 'GET', '/api/openapi.json');
      assert.equal(doc.status, 200);
      assert.equal(doc.data.openapi, '3.1.0');
      for (const path of ['/api/v1/auth/signup', '/api/v1/brands', '/api/v1/brands/{id}/graph', '/api/v1/tokens/{id}']) {
        assert.ok(doc.data.paths[path], `documents ${path}`);
      }
      assert.deepEqual(doc.data.components.securitySchemes.bearerAuth, {
        type: 'http',
        scheme: 'bearer',
        description: doc.data.components.securitySchemes.bearerAuth.description,
      });
      assert.ok(doc.data.paths['/api/v1/brands'].post.requestBody.content['application/json'].schema);
    });

    it('publishes a document that validates against the OpenAPI 3.1 schema', async () => {
      const doc = (await call(h.app, 'GET', '/api/openapi.json')).data;
      const validator = new Validator();
      const result = await validator.validate(doc);
      assert.equal(validator.version, '3.1');
      assert.deepEqual(result, { valid: true });
    });

    it('serves interactive docs whose assets all come from this server', async () => {
      const page = await call(h.app, 'GET', '/api/docs');
      assert.equal(page.status, 200);
      const refs = [...page.data.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(refs.length >= 3);
      for (const ref of refs) {
        assert.match(ref, /^\/api\/docs\/assets\//, `${ref} is local`);
        const asset = await call(h.app, 'GET', ref);
        assert.equal(asset.status, 200, ref);
      }
    });

    it("routes with Hono's RegExpRouter (every route shape it accepts), not the slower TrieRouter", async () => {
      await call(h.app, 'GET', '/healthz');
      // SmartRouter settles on the first router that takes every route, at the first request.
      assert.equal((h.app.router as unknown as { activeRouter: { name: string } }).activeRouter.name, 'RegExpRouter');
    });

    it('answers unknown routes with a 404 problem', async () => {
      const r = await call(h.app, 'GET', '/api/v1/nope');
      assert.equal(r.status, 404);
      assert.equal(r.type, 'application/problem+json');
      assert.equal(r.data.type, 'tag:brandsafe.dev,2026:problem/not-found');
      assert.equal(r.data.status, 404);
    });
  });
}
