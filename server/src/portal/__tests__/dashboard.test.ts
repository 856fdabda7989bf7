import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { withWorkspace } from '@brandsafe/db';
import { sql } from 'kysely';
import { openHarness, signup, call, type Harness } from '../../__tests__/helpers.js';
import { loadWorkspaceBilling } from '../../billing/enforce.js';
import { usageSeries } from '../../billing/summary.js';
import { usageDays } from '../dashboard.js';
import { periodDays } from '../chart.js';
import { Browser, csrfOf } from './browser.js';

for (const dialect of DIALECTS) {
  describe(`portal dashboard (${dialect})`, function () {
    this.timeout(30_000);
    let h: Harness;
    before(async () => {
      h = await openHarness(dialect, { loadBrand: null });
    });
    after(async () => h.t.destroy());

    it('counts generations per day exactly as GET /api/v1/billing/usage does', async () => {
      const owner = await signup(h.app, 'Series');
      const brand = await call(h.app, 'POST', '/api/v1/brands', { token: owner.token, json: { name: 'S' } });
      const billing = await withWorkspace(h.t.db, owner.workspaceId, (trx) => loadWorkspaceBilling(trx, owner.workspaceId, new Date()), { userId: owner.userId });
      const start = billing.period.start.getTime();
      const at = [start - 3_600_000, start + 60_000, start + 5 * 3_600_000, Date.now() + 20 * 3_600_000, start + 10 * 86_400_000];
      await h.t.db
        .insertInto('generations')
        .values(at.map((t) => ({ workspace_id: owner.workspaceId, brand_id: brand.data.id, author_id: owner.userId, test_type: 'banner', description: 'd',
          parameters: '{}', provider: 'template', code: 'x', status: 'GENERATED' as const, findings: '[]', confidence: 1, attempts: '[]', created_at: new Date(t) })))
        .execute();
      const [ours, api] = await withWorkspace(h.t.db, owner.workspaceId, async (trx) => [
        await usageDays(trx, owner.workspaceId, billing.period),
        (await usageSeries(trx, owner.workspaceId, billing)).days,
      ], { userId: owner.userId });
      assert.deepEqual(ours, api);
      assert.ok(ours.reduce((n, d) => n + d.generations, 0) >= 2, 'the rows inside the period are counted');
    });

    it('shows the billing banner of a past-due workspace in its grace period, then paused', async () => {
      const b = new Browser(h.app);
      const page = await b.get('/portal/signup');
      await b.post('/portal/signup', { email: `pastdue-${Date.now()}@example.test`, password: 'correct horse battery', workspace: 'Late Payer', _csrf: csrfOf(page.text) });
      const me = await h.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${b.cookies.get('bs_session')}` } });
      const { workspace } = (await me.json()) as { workspace: { id: string } };
      const setPastDue = (since: Date) =>
        // subscriptions is billing's table, reached with SQL (it is not in the kysely Database type).
        sql`UPDATE subscriptions SET status = 'past_due', past_due_since = ${since}, stripe_customer_id = ${`cus_${workspace.id.slice(0, 8)}`} WHERE workspace_id = ${workspace.id}`.execute(h.t.db);
      await setPastDue(new Date());
      const grace = await b.get('/portal');
      assert.match(grace.text, /class="flash warning"[^>]*>Your last payment failed/);
      await setPastDue(new Date(Date.now() - 60 * 86_400_000));
      const paused = await b.get('/portal');
      assert.match(paused.text, /class="flash error"[^>]*>Generation is paused/);
      assert.match((await b.get('/portal/billing')).text, /Generation is paused/);
    });

    it('pads the chart to every day of the period', () => {
      const days = periodDays([{ date: '2026-11-24', generations: 3 }], { start: '2026-11-24T10:00:00Z', end: '2026-12-08T10:00:00Z' });
      assert.equal(days.length, 15);
      assert.deepEqual(days[0], { date: '2026-11-24', generations: 3 });
      assert.deepEqual(days[14], { date: '2026-12-08', generations: 0 });
    });
  });
}
