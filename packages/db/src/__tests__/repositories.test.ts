import assert from 'node:assert/strict';
import { DIALECTS, type TestDatabase } from '../testing.js';
import {
  createApiToken,
  createInvitation,
  createSession,
  findInvitation,
  getBrandVersion,
  insertBrand,
  insertBrandVersion,
  listApiTokens,
  listBrandVersions,
  loginFailures,
  loginLookup,
  migrateToLatest,
  parseSemver,
  recordLoginAttempt,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  removeMembership,
  withoutWorkspace,
  withWorkspace,
} from '../index.js';
import { seedWorkspace, useTestDatabase } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`repositories (${dialect})`, () => {
    let t: TestDatabase;
    useTestDatabase(dialect, (opened) => (t = opened));

    it('applies no migration twice', async () => {
      assert.deepEqual(await migrateToLatest(t.db, { schema: t.schema }), []);
    });

    it('resolves a live API token by hash and stops once it is revoked or the member leaves', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      const token = await withWorkspace(t.db, a.workspaceId, (trx) =>
        createApiToken(trx, { workspaceId: a.workspaceId, userId: a.userId, name: 'ci', prefix: 'bs_pat_ab', tokenHash: 'h1', scopes: ['read', 'generate'] }),
      );
      const found = await withoutWorkspace(t.db, (trx) => resolveApiToken(trx, 'h1'));
      assert.deepEqual(found, { tokenId: token.id, workspaceId: a.workspaceId, userId: a.userId, role: 'owner', scopes: ['read', 'generate'] });
      const listed = await withWorkspace(t.db, a.workspaceId, (trx) => listApiTokens(trx, a.userId));
      assert.ok(listed[0]?.lastUsedAt instanceof Date, 'last use is recorded');
      assert.equal(await withoutWorkspace(t.db, (trx) => resolveApiToken(trx, 'nope')), undefined);

      await withWorkspace(t.db, a.workspaceId, (trx) => revokeApiToken(trx, a.userId, token.id));
      assert.equal(await withoutWorkspace(t.db, (trx) => resolveApiToken(trx, 'h1')), undefined);

      await withWorkspace(t.db, a.workspaceId, (trx) =>
        createApiToken(trx, { workspaceId: a.workspaceId, userId: a.userId, name: 'ci2', prefix: 'bs_pat_cd', tokenHash: 'h2', scopes: ['read'] }),
      );
      await withWorkspace(t.db, a.workspaceId, (trx) => removeMembership(trx, a.userId));
      assert.equal(await withoutWorkspace(t.db, (trx) => resolveApiToken(trx, 'h2')), undefined);
    });

    it('refuses a token scope outside read, generate, review, admin', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      await assert.rejects(
        withWorkspace(t.db, a.workspaceId, (trx) =>
          createApiToken(trx, { workspaceId: a.workspaceId, userId: a.userId, name: 'x', prefix: 'p', tokenHash: 'h', scopes: ['root' as 'read'] }),
        ),
        /check constraint/,
      );
    });

    it('resolves sessions until they expire', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      await withWorkspace(t.db, a.workspaceId, async (trx) => {
        await createSession(trx, { workspaceId: a.workspaceId, userId: a.userId, tokenHash: 's1', expiresAt: new Date(Date.now() + 60_000) });
        await createSession(trx, { workspaceId: a.workspaceId, userId: a.userId, tokenHash: 's2', expiresAt: new Date(Date.now() - 1) });
      });
      const live = await withoutWorkspace(t.db, (trx) => resolveSession(trx, 's1'));
      assert.equal(live?.workspaceId, a.workspaceId);
      assert.equal(await withoutWorkspace(t.db, (trx) => resolveSession(trx, 's2')), undefined);
    });

    it('looks up a login by email case-insensitively and nothing else', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      const email = await t.db.selectFrom('users').select('email').where('id', '=', a.userId).executeTakeFirstOrThrow();
      const found = await withoutWorkspace(t.db, (trx) => loginLookup(trx, email.email.toUpperCase()));
      assert.deepEqual(found, { userId: a.userId, passwordHash: 'x', workspaceId: a.workspaceId });
      assert.equal(await withoutWorkspace(t.db, (trx) => loginLookup(trx, 'nobody@example.com')), undefined);
    });

    it('finds an invitation by hash, expiring 7 days after creation', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      const inv = await withWorkspace(t.db, a.workspaceId, (trx) =>
        createInvitation(trx, { workspaceId: a.workspaceId, email: 'new@example.com', role: 'editor', tokenHash: 'i1', invitedBy: a.userId }),
      );
      const days = (inv.expiresAt.getTime() - inv.createdAt.getTime()) / 86_400_000;
      assert.equal(Math.round(days), 7);
      const found = await withoutWorkspace(t.db, (trx) => findInvitation(trx, 'i1'));
      assert.equal(found?.workspaceId, a.workspaceId);
      assert.equal(found?.role, 'editor');
    });

    it('counts failed logins per account since its last success and per address', async () => {
      const since = new Date(Date.now() - 60_000);
      await withoutWorkspace(t.db, async (trx) => {
        await recordLoginAttempt(trx, 'A@x.io', '10.0.0.1', false);
        await recordLoginAttempt(trx, 'a@x.io', '10.0.0.1', true);
        await recordLoginAttempt(trx, 'a@x.io', '10.0.0.2', false);
        await recordLoginAttempt(trx, 'b@x.io', '10.0.0.2', false);
      });
      const f = await withoutWorkspace(t.db, (trx) => loginFailures(trx, 'a@x.io', '10.0.0.2', since));
      assert.equal(f.account, 1);
      assert.equal(f.address, 2);
      assert.ok(f.accountOldest instanceof Date);
      // The application role cannot read the attempts table directly.
      await assert.rejects(withoutWorkspace(t.db, (trx) => trx.selectFrom('login_attempts').selectAll().execute()), /permission denied/);
    });

    it('orders brand versions by semver, not by text', async () => {
      const a = await seedWorkspace(t.db, 'Alpha');
      await withWorkspace(t.db, a.workspaceId, async (trx) => {
        const b = await insertBrand(trx, { workspaceId: a.workspaceId, name: 'N', createdBy: a.userId });
        for (const v of ['1.2.0', '1.10.0', '1.9.3']) {
          await insertBrandVersion(trx, { workspaceId: a.workspaceId, brandId: b.id, version: v, turtle: '', model: { v }, problems: [], createdBy: a.userId });
        }
        assert.deepEqual((await listBrandVersions(trx, b.id)).map((x) => x.version), ['1.10.0', '1.9.3', '1.2.0']);
        assert.deepEqual((await getBrandVersion(trx, b.id))?.model, { v: '1.10.0' });
        assert.equal((await getBrandVersion(trx, b.id, '1.2.0'))?.version, '1.2.0');
      });
    });
  });
}

describe('parseSemver', () => {
  it('accepts major.minor.patch and refuses leading zeros or extras', () => {
    assert.deepEqual(parseSemver('10.0.3'), [10, 0, 3]);
    for (const bad of ['1.0', '01.0.0', '1.0.0-rc.1', 'v1.0.0', '1.0.0.0', '99999999999.0.0']) assert.equal(parseSemver(bad), undefined, bad);
  });
});
