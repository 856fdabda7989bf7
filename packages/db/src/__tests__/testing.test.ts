import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createDatabase } from '../connection.js';
import { DIALECTS, openTestDatabase } from '../testing.js';

for (const dialect of DIALECTS) {
  describe(`test databases (${dialect})`, () => {
    /** Whether `schema` exists on the server (always false on PGlite, which has none). */
    async function exists(schema: string | undefined): Promise<boolean> {
      if (schema === undefined) return false;
      const admin = await createDatabase({ url: process.env.DATABASE_URL, poolSize: 1 });
      try {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${schema}`.execute(admin.db);
        return rows[0]!.n === 1;
      } finally {
        await admin.close();
      }
    }

    for (const end of ['destroy', 'close'] as const) {
      it(`${end}() leaves no schema behind and may be called again`, async function () {
        // Opening migrates a fresh database: seconds on a busy machine.
        this.timeout(120_000);
        const t = await openTestDatabase(dialect);
        assert.equal(t.schema === undefined, dialect === 'pglite');
        assert.equal(await exists(t.schema), dialect === 'postgres');
        await t[end]();
        await t[end]();
        await t.destroy();
        assert.equal(await exists(t.schema), false);
      });
    }
  });
}
