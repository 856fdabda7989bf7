import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { DIALECTS, type TestDatabase } from '../testing.js';
import { Batch, composeBatch, type BatchState } from '../batch.js';
import { DbError, inlineParameters, insertBrand, listBrands, withWorkspace, withWorkspaceFinal, withWorkspaceStatements } from '../index.js';
import { seedWorkspace, useTestDatabase } from './helpers.js';

describe('inlineParameters', () => {
  it('writes nulls, booleans, numbers, dates and strings as SQL literals', () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    assert.equal(
      inlineParameters('select $1, $2, $3, $4, $5, $6, $1', [null, true, -1.5, at, "it's", 'a\\b']),
      "select NULL, TRUE, (-1.5), '2026-11-24T10:00:00.000Z', 'it''s',  E'a\\\\b', NULL",
    );
  });

  it('writes strings exactly as pg.escapeLiteral does', () => {
    const alphabet = ["'", '\\', 'a', 'é', '"', '\n', '$1', ' ', 'E', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const value = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
      assert.equal(inlineParameters('$1', [value]), pg.escapeLiteral(value), JSON.stringify(value));
    }
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
    assert.match(refused(new Date('not a date')), /\$1 is an invalid date/);
    assert.throws(() => inlineParameters('select $2', [1]), /no value for \$2/);
  });
});

describe('composeBatch', () => {
  const stmt = { sql: 'select $1::int + $2::int as n', parameters: [1, 2] };
  const fresh = (): BatchState => ({ prepared: new Set(), unknown: new Set() });

  it('prepares a statement the first time on a connection, then only executes it', () => {
    const state = fresh();
    const first = composeBatch(new Batch(['begin', stmt, stmt, 'commit']), state, 10);
    assert.equal(first.preparing.length, 1);
    const name = first.preparing[0]!;
    assert.match(name, /^bsb_[0-9a-f]{24}$/);
    assert.equal(first.text, `begin;\nprepare ${name} as ${stmt.sql};\nexecute ${name}((1), (2));\nexecute ${name}((1), (2));\ncommit`);
    assert.deepEqual(first.counts, [1, 2, 1, 1], 'statements per part: the PREPARE and its EXECUTE are two');
    state.prepared.add(name);
    const again = composeBatch(new Batch([{ sql: stmt.sql, parameters: [null, "it's"] }]), state, 10);
    assert.deepEqual(again, { text: `execute ${name}(NULL, 'it''s')`, preparing: [], counts: [1] });
  });

  it('inlines a statement whose PREPARE may or may not have run, and any past the limit', () => {
    const state = fresh();
    const name = composeBatch(new Batch([stmt]), state, 10).preparing[0]!;
    state.unknown.add(name);
    assert.deepEqual(composeBatch(new Batch([stmt]), state, 10), { text: 'select (1)::int + (2)::int as n', preparing: [], counts: [1] });
    assert.deepEqual(composeBatch(new Batch([{ sql: 'select $1::text', parameters: ['x'] }]), fresh(), 0), { text: "select 'x'::text", preparing: [], counts: [1] });
  });

  it('refuses values it cannot write as literals before anything is sent', () => {
    assert.throws(() => composeBatch(new Batch([{ sql: 'select $1', parameters: [{}] }]), fresh(), 10), /\$1 cannot be inlined/);
  });
});

for (const dialect of DIALECTS) {
  describe(`scoped transactions (${dialect})`, () => {
    let t: TestDatabase;
    useTestDatabase(dialect, (opened) => (t = opened));

    describe('withWorkspaceStatements', () => {
      const insert = (ws: string, name: string, userId: string) => ({
        sql: `insert into brands (workspace_id, name, created_by) values ($1::uuid, $2, $3::uuid)
          returning name, current_user as who, current_setting('app.workspace_id') as ws, current_setting('app.user_id') as uid`,
        parameters: [ws, name, userId],
      });

      it('runs the statements in one scoped transaction, commits, and answers the last one\'s rows', async () => {
        const a = await seedWorkspace(t.db, 'Statements');
        for (let i = 0; i < 6; i++) {
          // The same texts again and again: prepared on first use per connection, then executed.
          const rows = await withWorkspaceStatements<{ name: string; who: string; ws: string; uid: string }>(
            t.db, a.workspaceId, [insert(a.workspaceId, `first ${i}`, a.userId), insert(a.workspaceId, `O'Brien \\ ${i}`, a.userId)], { userId: a.userId },
          );
          assert.deepEqual(rows, [{ name: `O'Brien \\ ${i}`, who: 'brandsafe_app', ws: a.workspaceId, uid: a.userId }]);
        }
        assert.equal((await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).length, 12);
        const other = await seedWorkspace(t.db, 'Other');
        const seen = await withWorkspaceStatements<{ n: number }>(t.db, other.workspaceId, [{ sql: 'select count(*)::int as n from brands where name <> $1', parameters: [''] }]);
        assert.deepEqual(seen, [{ n: 0 }], 'row-level security applies');
      });

      it('commits nothing when a statement fails, and the statement still runs afterwards', async () => {
        const a = await seedWorkspace(t.db, 'Failing');
        const divide = { sql: 'select $1::int / $2::int as q', parameters: [1, 0] };
        await assert.rejects(withWorkspaceStatements(t.db, a.workspaceId, [insert(a.workspaceId, 'lost', a.userId), divide]), /division by zero/);
        assert.deepEqual(await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx)), []);
        // Its PREPARE ran before the failure (prepared statements outlive a rollback): the
        // connection must not prepare it again under the same name, nor lose it.
        for (let i = 0; i < 3; i++) {
          assert.deepEqual(await withWorkspaceStatements(t.db, a.workspaceId, [{ ...divide, parameters: [6, 3] }]), [{ q: 2 }]);
        }
        assert.deepEqual(await withWorkspaceStatements(t.db, a.workspaceId, [{ sql: 'select 1 as n', parameters: [] }]), [{ n: 1 }]);
      });

      it('refuses a workspace id that is not a UUID before touching the database', async () => {
        await assert.rejects(withWorkspaceStatements(t.db, "x'; drop table brands; --", []), (err: unknown) => err instanceof DbError && err.code === 'INVALID_WORKSPACE_ID');
      });
    });

    describe('withWorkspaceFinal', () => {

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
  });
}
