import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, signup, useHarness, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`API tokens (${dialect})`, () => {
    let h: Harness;
    useHarness(dialect, (opened) => (h = opened));

    it('shows the secret once, stores only its SHA-256 and lists last use', async () => {
      const a = await signup(h.app);
      const created = await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'ci', scopes: ['read'] } });
      assert.equal(created.status, 201);
      const secret: string = created.data.token;
      assert.match(secret, /^bsp_/);
      assert.equal(created.data.prefix, secret.slice(0, 10));
      const row = await h.t.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, secret);
      assert.match(row.token_hash, /^[0-9a-f]{64}$/);

      assert.equal((await call(h.app, 'GET', '/api/v1/brands', { token: secret })).status, 200);
      const list = await call(h.app, 'GET', '/api/v1/tokens', { token: a.token });
      assert.equal(list.data.items.length, 1);
      assert.equal(list.data.items[0].token, undefined, 'the secret is never listed');
      assert.ok(list.data.items[0].lastUsedAt, 'last use is recorded');
    });

    it('limits a token to its scopes', async () => {
      const a = await signup(h.app);
      const read = (await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'r', scopes: ['read'] } })).data.token;
      const denied = await call(h.app, 'POST', '/api/v1/brands', { token: read, json: { name: 'Nope' } });
      assert.equal(denied.status, 403);
      assert.equal(denied.data.requiredScope, 'generate');
      const gen = (await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'g', scopes: ['read', 'generate'] } })).data.token;
      assert.equal((await call(h.app, 'POST', '/api/v1/brands', { token: gen, json: { name: 'Yes' } })).status, 201);
      // Creating tokens needs the admin scope: a leaked read token cannot mint a stronger one.
      assert.equal((await call(h.app, 'POST', '/api/v1/tokens', { token: gen, json: { name: 'x', scopes: ['admin'] } })).status, 403);
    });

    it('revokes a token so it stops working, audited', async () => {
      const a = await signup(h.app);
      const created = await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'ci', scopes: ['read'] } });
      assert.equal((await call(h.app, 'DELETE', `/api/v1/tokens/${created.data.id}`, { token: a.token })).status, 204);
      assert.equal((await call(h.app, 'GET', '/api/v1/brands', { token: created.data.token })).status, 401);
      assert.equal((await call(h.app, 'DELETE', `/api/v1/tokens/${created.data.id}`, { token: a.token })).status, 404);
      const types = (await h.t.db.selectFrom('audit_events').select('type').orderBy('seq').execute()).map((e) => e.type);
      assert.deepEqual(types.slice(-2), ['token.created', 'token.revoked']);
    });

    it('refuses unknown or repeated scopes', async () => {
      const a = await signup(h.app);
      for (const scopes of [['root'], [], ['read', 'read']]) {
        const r = await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'x', scopes } });
        assert.equal(r.status, 400, JSON.stringify(scopes));
        assert.ok(r.data.errors.some((e: { field: string }) => e.field.startsWith('scopes')));
      }
    });
  });
}
