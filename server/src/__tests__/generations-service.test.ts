import assert from 'node:assert/strict';
import { TOKEN_SCOPES } from '@brandsafe/db';
import { DIALECTS } from '@brandsafe/db/testing';
import type { Principal } from '../auth/principal.js';
import type { RouteDeps } from '../context.js';
import { generationService } from '../generations/service.js';
import { ProblemError } from '../http/problem.js';
import { BANNER, counts, openSeeded, reseed, type Seeded } from './generations-fixture.js';

for (const dialect of DIALECTS) {
  describe(`generationService beforeStore hook (${dialect})`, () => {
    let s: Seeded;
    let owner: Principal;
    before(async function () {
      this.timeout(60_000);
      s = await openSeeded(dialect);
    });
    after(async () => {
      await s.t.destroy();
    });
    beforeEach(async () => {
      await s.t.clean();
      Object.assign(s, await reseed(s));
      owner = { kind: 'session', userId: s.userIds.owner, workspaceId: s.workspaceId, role: 'owner', scopes: TOKEN_SCOPES, credentialId: s.userIds.owner };
    });
    // The service reaches the database only through inWorkspace(deps.db, …).
    const depsOf = () => ({ db: s.t.db }) as unknown as RouteDeps;
    const input = () => ({ brand: { id: s.brandId }, ...BANNER });

    it('runs in the storing transaction once per stored generation, on the cold and the warm path', async () => {
      const seen: number[] = [];
      const service = generationService(depsOf(), {
        beforeStore: async (trx) => {
          const r = await trx.selectFrom('generations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
          seen.push(Number(r.n));
        },
      });
      await service.create(owner, input(), 'api');
      await service.create(owner, input(), 'api');
      assert.deepEqual(seen, [0, 1], 'called before each insert, inside the scoped transaction');
      assert.equal((await counts(s)).generations, 2);
    });

    it('rolls everything back when the hook refuses, on the warm path too', async () => {
      let refuse = false;
      const service = generationService(depsOf(), {
        beforeStore: async () => {
          if (refuse) throw new ProblemError('TOO_MANY_REQUESTS', 'quota used up');
        },
      });
      await service.create(owner, input(), 'api'); // warms the context cache
      const before = await counts(s);
      refuse = true;
      await assert.rejects(service.create(owner, input(), 'api'), (e: unknown) => e instanceof ProblemError && e.code === 'TOO_MANY_REQUESTS');
      assert.deepEqual(await counts(s), before);
    });
  });
}
