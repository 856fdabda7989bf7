import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, type TestDatabase } from '../testing.js';
import { appendAuditEvent, createEmailVerification, insertBrand, listBrands, getBrand, verifyEmail, withoutWorkspace, withWorkspace } from '../index.js';
import { seedWorkspace, useTestDatabase } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`tenant isolation (${dialect})`, () => {
    let t: TestDatabase;
    useTestDatabase(dialect, (opened) => (t = opened));

    async function twoTenants() {
      const a = await seedWorkspace(t.db, 'Alpha');
      const b = await seedWorkspace(t.db, 'Beta');
      const brandA = await withWorkspace(t.db, a.workspaceId, (trx) => insertBrand(trx, { workspaceId: a.workspaceId, name: 'A1', createdBy: a.userId }));
      const brandB = await withWorkspace(t.db, b.workspaceId, (trx) => insertBrand(trx, { workspaceId: b.workspaceId, name: 'B1', createdBy: b.userId }));
      return { a, b, brandA, brandB };
    }

    it('sees no tenant rows when no workspace is set', async () => {
      await twoTenants();
      const seen = await withoutWorkspace(t.db, async (trx) => ({
        brands: await trx.selectFrom('brands').selectAll().execute(),
        workspaces: await trx.selectFrom('workspaces').selectAll().execute(),
        memberships: await trx.selectFrom('memberships').selectAll().execute(),
        users: await trx.selectFrom('users').selectAll().execute(),
        audit: await trx.selectFrom('audit_events').selectAll().execute(),
      }));
      assert.deepEqual(seen, { brands: [], workspaces: [], memberships: [], users: [], audit: [] });
    });

    it('acts as a role that owns no table inside a scope', async () => {
      const { a } = await twoTenants();
      const who = await withWorkspace(t.db, a.workspaceId, async (trx) => {
        const r = await sql<{ u: string; owns: string }>`select current_user as u,
          (select count(*) from pg_tables where tableowner = current_user) as owns`.execute(trx);
        return r.rows[0];
      });
      assert.deepEqual(who, { u: 'brandsafe_app', owns: '0' });
    });

    it('shows workspace A only its own rows even when the WHERE names B ids', async () => {
      const { a, brandA, brandB } = await twoTenants();
      await withWorkspace(t.db, a.workspaceId, async (trx) => {
        assert.deepEqual((await listBrands(trx)).map((x) => x.id), [brandA.id]);
        assert.equal(await getBrand(trx, brandB.id), undefined);
        const rows = await trx.selectFrom('brands').selectAll().where('id', 'in', [brandA.id, brandB.id]).execute();
        assert.deepEqual(rows.map((r) => r.id), [brandA.id]);
      });
    });

    it('refuses to let workspace A update or delete B rows', async () => {
      const { a, b, brandB } = await twoTenants();
      await withWorkspace(t.db, a.workspaceId, async (trx) => {
        const upd = await trx.updateTable('brands').set({ name: 'stolen' }).where('id', '=', brandB.id).executeTakeFirst();
        assert.equal(upd.numUpdatedRows, 0n);
        const del = await trx.deleteFrom('memberships').where('workspace_id', '=', b.workspaceId).executeTakeFirst();
        assert.equal(del.numDeletedRows, 0n);
      });
      const still = await withWorkspace(t.db, b.workspaceId, (trx) => getBrand(trx, brandB.id));
      assert.equal(still?.name, 'B1');
    });

    it('refuses to insert a row into another workspace', async () => {
      const { a, b } = await twoTenants();
      await assert.rejects(
        withWorkspace(t.db, a.workspaceId, (trx) => insertBrand(trx, { workspaceId: b.workspaceId, name: 'x', createdBy: null })),
        /row-level security/,
      );
    });

    it('refuses UPDATE and DELETE of audit events, even for the table owner', async () => {
      const { a } = await twoTenants();
      const ev = await withWorkspace(t.db, a.workspaceId, (trx) =>
        appendAuditEvent(trx, { workspaceId: a.workspaceId, type: 'brand.created', actor: `user:${a.userId}`, payload: { n: 1 } }),
      );
      await assert.rejects(t.db.updateTable('audit_events').set({ type: 'x' } as never).where('id', '=', ev.id).execute(), /append-only/);
      await assert.rejects(t.db.deleteFrom('audit_events').where('id', '=', ev.id).execute(), /append-only/);
      // The application role has no UPDATE/DELETE privilege at all.
      await assert.rejects(
        withWorkspace(t.db, a.workspaceId, (trx) => trx.deleteFrom('audit_events').where('id', '=', ev.id).execute()),
        /permission denied/,
      );
      const n = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      assert.equal(n.n, '1');
    });

    it('rolls the whole scope back when the callback throws', async () => {
      const { a } = await twoTenants();
      await assert.rejects(
        withWorkspace(t.db, a.workspaceId, async (trx) => {
          await insertBrand(trx, { workspaceId: a.workspaceId, name: 'temp', createdBy: null });
          throw new Error('boom');
        }),
        /boom/,
      );
      const names = await withWorkspace(t.db, a.workspaceId, async (trx) => (await listBrands(trx)).map((b) => b.name));
      assert.deepEqual(names, ['A1']);
    });

    it("shows a workspace only its members' user rows and a user only their own verification rows", async () => {
      const { a, b } = await twoTenants();
      const users = await withWorkspace(t.db, a.workspaceId, (trx) => trx.selectFrom('users').select('id').execute());
      assert.deepEqual(users.map((u) => u.id), [a.userId]);
      await withWorkspace(t.db, b.workspaceId, (trx) => createEmailVerification(trx, { userId: b.userId, email: 'b@x.io', tokenHash: 'v1' }), { userId: b.userId });
      const mine = await withWorkspace(t.db, a.workspaceId, (trx) => trx.selectFrom('email_verifications').selectAll().execute(), { userId: a.userId });
      assert.deepEqual(mine, []);
      await assert.rejects(
        withWorkspace(t.db, a.workspaceId, (trx) => createEmailVerification(trx, { userId: b.userId, email: 'b@x.io', tokenHash: 'v2' }), { userId: a.userId }),
        /row-level security/,
      );
      assert.equal(await withoutWorkspace(t.db, (trx) => verifyEmail(trx, 'nope')), undefined);
      assert.deepEqual(await withoutWorkspace(t.db, (trx) => verifyEmail(trx, 'v1')), undefined, 'the address no longer matches the user');
    });

    it('rejects a workspace id that is not a uuid before touching the database', async () => {
      await assert.rejects(withWorkspace(t.db, "x' or 1=1 --", async () => 1), { code: 'INVALID_WORKSPACE_ID' });
    });
  });
}
