import assert from 'node:assert/strict';
import { DIALECTS, type TestDatabase } from '../testing.js';
import type { Kysely } from 'kysely';
import { Batch } from '../batch.js';
import { GroupCommitter } from '../group-commit.js';
import { groupCommitter, listBrands, withWorkspace, withWorkspaceStatements, type Database, type GroupCommitStats } from '../index.js';
import { seedWorkspace, useTestDatabase } from './helpers.js';

/**
 * withWorkspaceStatements under concurrency: on PostgreSQL calls that arrive together share a
 * transaction (group-commit.ts); on PGlite each runs alone. What a caller sees must be the same
 * either way, so every test runs on both; the grouping itself is asserted on PostgreSQL.
 */
for (const dialect of DIALECTS) {
  describe(`group commit of scoped statements (${dialect})`, () => {
    let t: TestDatabase;
    useTestDatabase(dialect, (opened) => (t = opened));

    const insert = (ws: string, name: string, userId: string) => ({
      sql: `insert into brands (workspace_id, name, created_by) values ($1::uuid, $2, $3::uuid)
        returning name, current_setting('app.workspace_id') as ws, current_setting('app.user_id') as uid`,
      parameters: [ws, name, userId],
    });
    const count = { sql: `select count(*)::int as n from brands where name <> $1`, parameters: [''] };
    /** The synchronous-commit queue's counters' change while `fn` runs. */
    async function counting<T>(fn: () => Promise<T>): Promise<{ value: T; delta: GroupCommitStats }> {
      const stats = groupCommitter(t.db, false).stats;
      const before = { ...stats };
      const value = await fn();
      return { value, delta: { transactions: stats.transactions - before.transactions, calls: stats.calls - before.calls, largest: stats.largest, refusedBatches: stats.refusedBatches - before.refusedBatches } };
    }

    it('gives every concurrent call its own scope and its own rows, and commits them all', async () => {
      const a = await seedWorkspace(t.db, 'GroupA');
      const b = await seedWorkspace(t.db, 'GroupB');
      const calls = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? { ...a, name: `a${i}` } : { ...b, name: `b${i}` }));
      const { value: answers, delta } = await counting(() =>
        Promise.all(
          calls.map((c) =>
            withWorkspaceStatements<{ name: string; ws: string; uid: string }>(t.db, c.workspaceId, [insert(c.workspaceId, c.name, c.userId)], { userId: c.userId }),
          ),
        ),
      );
      answers.forEach((rows, i) => assert.deepEqual(rows, [{ name: calls[i]!.name, ws: calls[i]!.workspaceId, uid: calls[i]!.userId }]));
      assert.equal((await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).length, 20);
      assert.equal((await withWorkspace(t.db, b.workspaceId, (trx) => listBrands(trx))).length, 20);
      if (dialect === 'postgres') {
        assert.equal(delta.calls, 40);
        assert.ok(delta.transactions < 40 && delta.largest > 1, `grouped: ${delta.transactions} transactions for 40 calls`);
        assert.equal(delta.refusedBatches, 0);
      }
    });

    it("keeps row-level security per call inside a shared transaction: no call sees another workspace's rows", async () => {
      // A shared transaction orders its calls by workspace id: B (the larger) runs after A, so
      // its counts come after A's uncommitted inserts in the same transaction.
      const [a, b] = [await seedWorkspace(t.db, 'SeenA'), await seedWorkspace(t.db, 'SeenB')].sort((x, y) => (x.workspaceId < y.workspaceId ? -1 : 1)) as [
        Awaited<ReturnType<typeof seedWorkspace>>,
        Awaited<ReturnType<typeof seedWorkspace>>,
      ];
      const work = Array.from({ length: 30 }, (_, i) =>
        i % 3 === 2
          ? withWorkspaceStatements<{ n: number }>(t.db, b.workspaceId, [count]).then((rows) => ({ seenByB: rows[0]!.n }))
          : withWorkspaceStatements(t.db, a.workspaceId, [insert(a.workspaceId, `a${i}`, a.userId)], { userId: a.userId }).then(() => ({ seenByB: 0 })),
      );
      for (const { seenByB } of await Promise.all(work)) assert.equal(seenByB, 0);
      assert.equal((await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).length, 20);
    });

    it('fails only the call whose statement PostgreSQL refuses; the others commit', async () => {
      const a = await seedWorkspace(t.db, 'Refused');
      const { value: settled, delta } = await counting(() =>
        Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            withWorkspaceStatements(t.db, a.workspaceId, [insert(a.workspaceId, `n${i}`, a.userId), { sql: 'select 1 / $1::int as q', parameters: [i === 13 ? 0 : 1] }], {
              userId: a.userId,
            }),
          ),
        ),
      );
      settled.forEach((s, i) => {
        if (i === 13) assert.ok(s.status === 'rejected' && /division by zero/.test(String(s.reason)), `call 13: ${s.status}`);
        else assert.deepEqual(s, { status: 'fulfilled', value: [{ q: 1 }] }, `call ${i}`);
      });
      const names = (await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).map((b) => b.name).sort();
      assert.equal(names.length, 19);
      assert.ok(!names.includes('n13'), "the refused call's insert is not committed");
      if (dialect === 'postgres') assert.ok(delta.refusedBatches >= 1, 'the failing call shared a transaction and was run again alone');
    });

    // PGlite takes parameters as such; only PostgreSQL's batches write them as SQL literals.
    if (dialect === 'postgres') {
      it('fails only the call whose value cannot be written as a literal; the others commit', async () => {
        const a = await seedWorkspace(t.db, 'Literal');
        const settled = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) =>
            withWorkspaceStatements(t.db, a.workspaceId, [i === 5 ? { ...insert(a.workspaceId, 'bad', a.userId), parameters: [a.workspaceId, { not: 'a literal' }, a.userId] } : insert(a.workspaceId, `n${i}`, a.userId)], { userId: a.userId }),
          ),
        );
        settled.forEach((s, i) => assert.equal(s.status, i === 5 ? 'rejected' : 'fulfilled', `call ${i}`));
        assert.match(String((settled[5] as PromiseRejectedResult).reason), /\$2 cannot be inlined/);
        assert.equal((await withWorkspace(t.db, a.workspaceId, (trx) => listBrands(trx))).length, 11);
      });
    }

    it('never mixes commit modes: asynchronous calls commit asynchronously, the others synchronously', async () => {
      const a = await seedWorkspace(t.db, 'Modes');
      const mode = { sql: `select current_setting('synchronous_commit') as mode, $1::int as i`, parameters: [0] };
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          withWorkspaceStatements<{ mode: string }>(t.db, a.workspaceId, [{ ...mode, parameters: [i] }], { asynchronousCommit: i % 2 === 1 }).then((rows) => rows[0]!.mode),
        ),
      );
      answers.forEach((m, i) => assert.equal(m, i % 2 === 1 ? 'off' : 'on', `call ${i}`));
    });
  });
}

describe('group commit when a shared transaction fails', () => {
  /**
   * A database stand-in that answers every transaction of one call and fails every shared one
   * with `error`: what the committer does next depends only on that error.
   */
  function failingShared(error: unknown) {
    const sent: number[] = [];
    const db = {
      connection: () => ({
        execute: async <T>(fn: (conn: unknown) => Promise<T>) =>
          fn({
            executeQuery: async (query: { parameters: readonly unknown[] }) => {
              const batch = query.parameters[0];
              if (!(batch instanceof Batch)) return { rows: [] }; // the rollback
              const calls = batch.parts.filter((p) => typeof p === 'string' && p.startsWith('settings '));
              sent.push(calls.length);
              if (calls.length > 1) throw error;
              return { rows: batch.parts.map((p) => (typeof p === 'string' ? null : [{ value: p.parameters[0] }])) };
            },
          }),
      }),
    } as unknown as Kysely<Database>;
    return { committer: new GroupCommitter(db, false, { inFlight: 1 }), sent };
  }
  const three = (committer: GroupCommitter) =>
    Promise.allSettled([1, 2, 3].map((n) => committer.run<{ value: number }>(`ws${n}`, `settings ${n}`, [{ sql: 'select $1', parameters: [n] }])));

  it('runs every call again alone when PostgreSQL refused a statement (nothing committed)', async () => {
    const { committer, sent } = failingShared(Object.assign(new Error('division by zero'), { code: '22012' }));
    const settled = await three(committer);
    assert.deepEqual(settled.map((s) => s.status === 'fulfilled' && s.value), [[{ value: 1 }], [{ value: 2 }], [{ value: 3 }]]);
    assert.deepEqual(sent, [1, 2, 1, 1], 'the first alone; two shared, refused, then each alone');
    assert.equal(committer.stats.refusedBatches, 1);
  });

  it('fails only the call with a value that cannot be sent, before it joins a batch', async () => {
    const { committer, sent } = failingShared(new Error('not reached'));
    const settled = await Promise.allSettled(
      [1, {}, 3].map((v, i) => committer.run<{ value: unknown }>(`ws${i}`, `settings ${i}`, [{ sql: 'select $1', parameters: [v] }])),
    );
    assert.deepEqual(settled[0], { status: 'fulfilled', value: [{ value: 1 }] });
    assert.ok(settled[1]!.status === 'rejected' && /\$1 cannot be inlined/.test(String(settled[1]!.reason)));
    assert.deepEqual(settled[2], { status: 'fulfilled', value: [{ value: 3 }] });
    assert.deepEqual(sent, [1, 1], 'the bad call never joined the others');
  });

  for (const [what, error] of [
    ['the connection broke (no SQLSTATE)', new Error('Connection terminated unexpectedly')],
    ['the backend was terminated (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the connection failed (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
  ] as const) {
    it(`fails every call of the batch, never running one twice, when ${what}`, async () => {
      const { committer, sent } = failingShared(error);
      const settled = await three(committer);
      assert.equal(settled[0]!.status, 'fulfilled');
      assert.deepEqual(settled.slice(1).map((s) => s.status === 'rejected' && s.reason), [error, error]);
      assert.deepEqual(sent, [1, 2], 'whether the shared COMMIT happened is unknown: no call is sent again');
    });
  }
});
