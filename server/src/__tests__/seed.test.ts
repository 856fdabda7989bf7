import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { seedDemo } from '../seed.js';
import { call, TEST_SCRYPT, useHarness, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`seedDemo (${dialect})`, () => {
    let h: Harness;
    // Seeding revokes the old demo token behind the app's back (it runs before the app in
    // main.ts), so this app must not cache resolved tokens.
    useHarness(dialect, (opened) => (h = opened), { deps: { options: { authCacheMs: 0 } }, clean: false });

    it('seeds Northwind with a user per role and the example brand, once', async () => {
      const first = await seedDemo(h.t.db, { scryptCost: TEST_SCRYPT });
      assert.equal(first.created, true);
      assert.deepEqual(first.users.map((u) => u.role), ['owner', 'admin', 'editor', 'reviewer', 'viewer']);
      assert.ok(first.brand && 'version' in first.brand);
      for (const u of first.users) {
        const r = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email: u.email, password: first.password } });
        assert.equal(r.status, 200, u.email);
        const me = await call(h.app, 'GET', '/api/v1/auth/me', { token: r.data.token });
        assert.equal(me.data.role, u.role);
      }
      const brands = await call(h.app, 'GET', '/api/v1/brands', { token: first.apiToken });
      assert.deepEqual(brands.data.items.map((b: { name: string }) => b.name), ['Northwind']);

      const second = await seedDemo(h.t.db, { scryptCost: TEST_SCRYPT });
      assert.equal(second.created, false);
      assert.equal(second.workspaceId, first.workspaceId);
      assert.equal((await h.t.db.selectFrom('workspaces').selectAll().execute()).length, 1);
      assert.equal((await call(h.app, 'GET', '/api/v1/brands', { token: first.apiToken })).status, 401, 'the old demo token is revoked');
      assert.equal((await call(h.app, 'GET', '/api/v1/brands', { token: second.apiToken })).status, 200);
    });

    it('keeps the demo generating past its first 14 days: a restart renews its local trial', async () => {
      await h.t.clean();
      const first = await seedDemo(h.t.db, { scryptCost: TEST_SCRYPT });
      assert.ok(first.brand && 'id' in first.brand);
      const generate = (token: string) => call(h.app, 'POST', '/api/v1/generations', {
        token, json: { brandId: (first.brand as { id: string }).id, testType: 'banner', description: 'Free shipping banner', parameters: { message: 'Free shipping today' } },
      });
      await sql`UPDATE subscriptions SET trial_ends_at = now() - interval '1 day' WHERE workspace_id = ${first.workspaceId}`.execute(h.t.db);
      const expired = await generate(first.apiToken);
      assert.deepEqual([expired.status, expired.data.code, expired.data.phase], [402, 'BILLING_INACTIVE', 'trial_expired']);
      const again = await seedDemo(h.t.db, { scryptCost: TEST_SCRYPT });
      assert.equal((await generate(again.apiToken)).status, 201);
      const billing = await call(h.app, 'GET', '/api/v1/billing', { token: again.apiToken });
      assert.equal(billing.data.phase, 'trialing');
    });
  });
}
