/**
 * Count quotas at the creating routes of createApp (issue 6 §1): brands, invitations and their
 * acceptance, API tokens — 402 QUOTA_EXCEEDED with quota, limit, usage and upgrade link over the
 * plan's limit, room again after an override or a revocation.
 */
import assert from 'node:assert/strict';
import { DIALECTS, type TestDatabase } from '@brandsafe/db/testing';
import { call, openHarness, signup, type Harness } from '../../__tests__/helpers.js';
import { grantQuotaOverrides } from '../store.js';

/** Asserts the 402 problem of a count quota. */
function assertQuota(r: Awaited<ReturnType<typeof call>>, quota: string, limit: number, usage: number): void {
  assert.equal(r.status, 402, JSON.stringify(r.data));
  assert.equal(r.type, 'application/problem+json');
  assert.deepEqual([r.data.type, r.data.code, r.data.quota, r.data.limit, r.data.usage], ['tag:brandsafe.dev,2026:problem/quota-exceeded', 'QUOTA_EXCEEDED', quota, limit, usage]);
  assert.equal(r.data.upgrade, 'http://127.0.0.1:8787/portal/billing');
}

async function invitationSecret(t: TestDatabase, to: string): Promise<string> {
  const email = await t.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', to).where('kind', '=', 'invitation').executeTakeFirstOrThrow();
  const m = /token=([\w-]+)/.exec(email.text_body);
  assert.ok(m, 'the email carries the invitation link');
  return m[1];
}

for (const dialect of DIALECTS) {
  describe(`count quotas (${dialect})`, () => {
    let h: Harness;
    before(async function () {
      this.timeout(60_000);
      h = await openHarness(dialect);
    });
    after(async () => {
      await h.t.destroy();
    });
    beforeEach(async () => {
      await h.t.clean();
    });

    it('refuses a second brand on the trial (1 brand) with 402 and allows it after an override', async () => {
      const a = await signup(h.app, 'Brands');
      assert.equal((await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'One' } })).status, 201);
      const over = await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Two' } });
      assertQuota(over, 'brand', 1, 1);
      assert.equal((await call(h.app, 'GET', '/api/v1/brands', { token: a.token })).data.items.length, 1);
      await grantQuotaOverrides(h.t.db, a.workspaceId, { brand: 2 }, 'test');
      assert.equal((await call(h.app, 'POST', '/api/v1/brands', { token: a.token, json: { name: 'Two' } })).status, 201);
      // Another workspace's brands do not count.
      const b = await signup(h.app, 'Other');
      assert.equal((await call(h.app, 'POST', '/api/v1/brands', { token: b.token, json: { name: 'One' } })).status, 201);
    });

    it('refuses a sixth live API token on the trial and has room again after a revocation', async () => {
      const a = await signup(h.app, 'Tokens');
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: `t${i}`, scopes: ['read'] } });
        assert.equal(r.status, 201, JSON.stringify(r.data));
        ids.push(r.data.id);
      }
      assertQuota(await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 't5', scopes: ['read'] } }), 'api_token', 5, 5);
      assert.equal((await call(h.app, 'DELETE', `/api/v1/tokens/${ids[0]}`, { token: a.token })).status, 204);
      assert.equal((await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 't5', scopes: ['read'] } })).status, 201);
    });

    it('refuses an invitation when the workspace is at its member limit, and an acceptance that would pass it', async () => {
      const a = await signup(h.app, 'Members');
      await grantQuotaOverrides(h.t.db, a.workspaceId, { member: 2 }, 'test');
      for (const email of ['one@members.test', 'two@members.test']) {
        assert.equal((await call(h.app, 'POST', '/api/v1/invitations', { token: a.token, json: { email, role: 'editor' } })).status, 201);
      }
      const first = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: await invitationSecret(h.t, 'one@members.test'), password: 'member one password' } });
      assert.equal(first.status, 200, JSON.stringify(first.data));
      // Two members now: the open second invitation cannot be accepted, and no new one is sent.
      const second = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: await invitationSecret(h.t, 'two@members.test'), password: 'member two password' } });
      assertQuota(second, 'member', 2, 2);
      assertQuota(await call(h.app, 'POST', '/api/v1/invitations', { token: a.token, json: { email: 'three@members.test', role: 'viewer' } }), 'member', 2, 2);
      const members = await call(h.app, 'GET', '/api/v1/members', { token: a.token });
      assert.equal(members.data.items.length, 2);
      // The refused acceptance left no account behind.
      assert.equal((await h.t.db.selectFrom('users').select('id').where('email', '=', 'two@members.test').execute()).length, 0);
    });
  });
}
