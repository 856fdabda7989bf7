import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { DbError, inlineParameters, insertBrand, listBrands, withWorkspace, withWorkspaceFinal } from '../index.js';
import { seedWorkspace } from './helpers.js';

describe('inlineParameters', () => {
  it('writes nulls, booleans, numbers, dates and strings as SQL literals', () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    assert.equal(
      inlineParameters('select $1, $2, $3, $4, $5, $6, $1', [null, true, -1.5, at, "it's", 'a\\b']),
      "select NULL, TRUE, (-1.5), '2026-11-24T10:00:00.000Z', 'it''s',  E'a\\\\b', NULL",
    );
  });

  it('refuses values it cannot write safely, naming the parameter', () => {
    const refused = (value: unknown) => {
      try {
        inlineParameters('select $1', [value]);
      } catch (err) {
        assert.ok(err instanceof DbError && err.code === 'INVALID_ARGUMENT');
        return err.message;
      }
      assert.fail('not refused');
    };
    assert.match(refused(Number.NaN), /\$1 is not a finite number/);
    assert.match(refused('a\0b'), /\$1 contains a NUL/);
    assert.match(refused({}), /\$1 cannot be inlined/);
    assert.throws(() => inlineParameters('select $2', [1]), /no value for \$2/);
  });
});

for (const dialect of DIALECTS) {
  describe(`withWorkspaceFinal (${dialect})`, () => {
    let t: TestDatabase;
    before(async function () {
      this.timeout(120_000);
      t = await openTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
    });
    beforeEach(async () => {
      await t.clean();
    });

    it('runs the final statement in the scoped transaction, commits, and answers its rows', async () => {
      const a = await seedWorkspace(t.db, 'Final');
      const { value, rows } = await withWorkspaceFinal<string, { name: string; who: string; ws: string }>(t.db, a.workspaceId, async (trx) => {
        await insertBrand(trx, { workspaceId: a.workspaceId, name: 'first', createdBy: a.userId });
        return {
          value: 'done',
          final: {
            sql: `insert into brands (workspace_id, name, created_by) values ($1::uuid, $2, $3::uuid)
              returning name, current_user as who, current_setting('app.workspace_id') as ws`,
            parameters: [a.workspaceId, "O'Brien \\ Sons", a.userId],
          },
        };
      });
      assert.equal(value, 'done');
      assert.deepEqual(rows, [{ name: "O'Brien \\ Sons", who: 'brandsafe_app', ws: a.workspaceId }]);
      const names = (await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).map((b) => b.name).sort();
      assert.deepEqual(names, ["O'Brien \\ Sons", 'first']);
    });

    it('rolls everything back when the final statement fails', async () => {
      const a = await seedWorkspace(t.db, 'Rollback');
      await assert.rejects(
        withWorkspaceFinal(t.db, a.workspaceId, async (trx) => {
          await insertBrand(trx, { workspaceId: a.workspaceId, name: 'kept?', createdBy: a.userId });
          return { value: null, final: { sql: 'select 1 / $1::int', parameters: [0] } };
        }),
        /division by zero/,
      );
      assert.deepEqual(await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx)), []);
      // The connection is usable afterwards (no transaction left open on it).
      const n = (await sql<{ n: number }>`select 1 as n`.execute(t.db)).rows[0]?.n;
      assert.equal(n, 1);
    });

    it('sends a first read with BEGIN and hands its rows to the body, inside the scope', async () => {
      const a = await seedWorkspace(t.db, 'First');
      await withWorkspace(t.db, a.workspaceId, (trx) => insertBrand(trx, { workspaceId: a.workspaceId, name: 'seen', createdBy: a.userId }));
      const other = await seedWorkspace(t.db, 'Other');
      await withWorkspace(t.db, other.workspaceId, (trx) => insertBrand(trx, { workspaceId: other.workspaceId, name: 'hidden', createdBy: other.userId }));
      const { value } = await withWorkspaceFinal<string[], unknown, { name: string }>(
        t.db,
        a.workspaceId,
        async (_trx, first) => ({ value: first.map((r) => r.name) }),
        { first: { sql: 'select name from brands where name <> $1 order by name', parameters: ['nothing'] } },
      );
      assert.deepEqual(value, ['seen'], 'row-level security applies to the first read');
    });

    it('commits normally when there is no final statement', async () => {
      const a = await seedWorkspace(t.db, 'Plain');
      const { rows } = await withWorkspaceFinal(t.db, a.workspaceId, async (trx) => {
        await insertBrand(trx, { workspaceId: a.workspaceId, name: 'only', createdBy: a.userId });
        return { value: null };
      });
      assert.deepEqual(rows, []);
      assert.equal((await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).length, 1);
    });

    it('runs the same parameterized statement many times on one connection (prepared once)', async () => {
      const a = await seedWorkspace(t.db, 'Prepared');
      for (let i = 0; i < 12; i++) {
        const r = await withWorkspace(t.db, a.workspaceId, (trx) => sql<{ v: number }>`select ${i}::int + 1 as v`.execute(trx));
        assert.equal(r.rows[0]?.v, i + 1);
      }
    });
  });
}
