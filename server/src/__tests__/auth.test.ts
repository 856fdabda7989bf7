import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, openHarness, signup, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`identity API (${dialect})`, () => {
    let h: Harness;
    before(async function () {
      // Opening PGlite compiles its WebAssembly and migrates: seconds on a busy machine.
      this.timeout(120_000);
      h = await openHarness(dialect, { options: { loginThrottle: { windowSeconds: 900, perAccount: 3, perAddress: 6 } } });
    });
    after(async () => {
      await h.t.destroy();
    });
    beforeEach(async () => {
      await h.t.clean();
    });

    it('signs up a user who owns the new workspace, audited', async () => {
      const r = await call(h.app, 'POST', '/api/v1/auth/signup', {
        json: { email: 'Ada@Example.com', password: 'correct horse battery', workspace: 'Northwind' },
      });
      assert.equal(r.status, 201);
      assert.match(r.data.token, /^bss_[A-Za-z0-9_-]{43}$/);
      assert.equal(r.data.user.email, 'Ada@Example.com');
      assert.equal(r.data.workspace.name, 'Northwind');
      const me = await call(h.app, 'GET', '/api/v1/auth/me', { token: r.data.token });
      assert.equal(me.data.role, 'owner');
      assert.equal(me.data.workspace.id, r.data.workspace.id);
      const types = (await h.t.db.selectFrom('audit_events').select('type').orderBy('seq').execute()).map((e) => e.type);
      assert.deepEqual(types, ['workspace.created', 'member.added']);
      const stored = await h.t.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      assert.match(stored.password_hash, /^scrypt\$1024\$8\$1\$/);
    });

    it('refuses a second account with the same email, in any case, and changes nothing', async () => {
      const a = await signup(h.app);
      const before = await h.t.db.selectFrom('workspaces').select('id').execute();
      const r = await call(h.app, 'POST', '/api/v1/auth/signup', { json: { email: a.email.toUpperCase(), password: 'another password', workspace: 'X' } });
      assert.equal(r.status, 409);
      assert.equal(r.data.code, 'CONFLICT');
      assert.deepEqual(await h.t.db.selectFrom('workspaces').select('id').execute(), before);
    });

    it('names the invalid fields of a sign-up', async () => {
      const r = await call(h.app, 'POST', '/api/v1/auth/signup', { json: { email: 'nope', password: 'short', workspace: '', extra: 1 } });
      assert.equal(r.status, 400);
      assert.equal(r.type, 'application/problem+json');
      assert.deepEqual(r.data.errors.map((e: { field: string }) => e.field).sort(), ['email', 'extra', 'password', 'workspace']);
    });

    it('signs in with the right password and not with a wrong one', async () => {
      const a = await signup(h.app);
      const ok = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: a.email, password: 'correct horse battery' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.data.workspaceId, a.workspaceId);
      assert.equal((await call(h.app, 'GET', '/api/v1/auth/me', { token: ok.data.token })).status, 200);
      const bad = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: a.email, password: 'wrong password!' } });
      assert.equal(bad.status, 401);
      const nobody = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: 'ghost@example.com', password: 'whatever123' } });
      assert.equal(nobody.status, 401);
      assert.equal(nobody.data.detail, bad.data.detail, 'unknown email and wrong password look the same');
    });

    it('throttles an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
      const a = await signup(h.app);
      for (let i = 0; i < 3; i++) {
        assert.equal((await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: a.email, password: `wrong-${i}-password` } })).status, 401);
      }
      const blocked = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: a.email, password: 'correct horse battery' } });
      assert.equal(blocked.status, 429);
      const retry = Number(blocked.headers.get('retry-after'));
      assert.ok(retry > 0 && retry <= 900, `Retry-After ${retry}`);
      assert.equal(blocked.data.code, 'TOO_MANY_REQUESTS');
    });

    it('throttles an address that tries many accounts', async () => {
      for (let i = 0; i < 6; i++) {
        await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: `victim${i}@example.com`, password: 'guess-password' } });
      }
      const r = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: 'fresh@example.com', password: 'guess-password' } });
      assert.equal(r.status, 429);
      assert.match(r.data.detail, /address/);
    });

    it('ends a session at sign-out', async () => {
      const a = await signup(h.app);
      assert.equal((await call(h.app, 'POST', '/api/v1/auth/logout', { token: a.token })).status, 204);
      const after = await call(h.app, 'GET', '/api/v1/auth/me', { token: a.token });
      assert.equal(after.status, 401);
      assert.equal(after.headers.get('www-authenticate'), 'Bearer realm="brandsafe"');
    });

    it('answers 401 problems for a missing, malformed or unknown bearer token', async () => {
      for (const headers of [{} as Record<string, string>, { authorization: 'Basic abc' }, { authorization: 'Bearer bss_short' }, { authorization: `Bearer bss_${'A'.repeat(43)}` }]) {
        const r = await call(h.app, 'GET', '/api/v1/auth/me', { headers });
        assert.equal(r.status, 401, JSON.stringify(headers));
        assert.equal(r.data.code, 'UNAUTHENTICATED');
      }
    });
  });
}

describe('PrincipalCache', () => {
  it('expires entries after the TTL, forgets everything on clear, and caches nothing with TTL 0', async () => {
    const { PrincipalCache } = await import('../auth/principal-cache.js');
    const p = { kind: 'token' as const, userId: 'u', workspaceId: 'w', role: 'viewer' as const, scopes: ['read' as const], credentialId: 'c' };
    const cache = new PrincipalCache(1000, 2);
    cache.set('a', p, 0);
    assert.equal(cache.get('a', 999), p);
    assert.equal(cache.get('a', 1000), undefined);
    cache.set('a', p, 0);
    cache.set('b', p, 0);
    cache.set('c', p, 0);
    assert.equal(cache.get('a', 1), undefined, 'the oldest entry is evicted at capacity');
    cache.clear();
    assert.equal(cache.get('c', 1), undefined);
    const off = new PrincipalCache(0);
    off.set('a', p, 0);
    assert.equal(off.get('a', 0), undefined);
  });
});

for (const dialect of DIALECTS) {
  describe(`email verification (${dialect})`, () => {
    let h: Harness;
    before(async function () {
      // Opening PGlite compiles its WebAssembly and migrates: seconds on a busy machine.
      this.timeout(120_000);
      h = await openHarness(dialect);
    });
    after(async () => {
      await h.t.destroy();
    });

    it('emails a verification link at sign-up that verifies the address once', async () => {
      const a = await signup(h.app);
      const mail = await h.t.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', a.email).executeTakeFirstOrThrow();
      assert.equal(mail.kind, 'verification');
      const secret = /token=(bsv_[A-Za-z0-9_-]{43})/.exec(mail.text_body)?.[1];
      assert.ok(secret);
      assert.equal((await call(h.app, 'GET', '/api/v1/auth/me', { token: a.token })).data.user.emailVerified, false);
      const ok = await call(h.app, 'POST', '/api/v1/auth/verify-email', { json: { token: secret } });
      assert.equal(ok.status, 200);
      assert.equal(ok.data.userId, a.userId);
      assert.equal((await call(h.app, 'GET', '/api/v1/auth/me', { token: a.token })).data.user.emailVerified, true);
      assert.equal((await call(h.app, 'POST', '/api/v1/auth/verify-email', { json: { token: secret } })).status, 404, 'a link works once');
      assert.equal((await call(h.app, 'POST', '/api/v1/auth/verify-email', { json: { token: 'bsv_nope' } })).status, 404);
    });
  });
}
