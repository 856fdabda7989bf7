import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, signup, useHarness, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`members and invitations (${dialect})`, () => {
    let h: Harness;
    useHarness(dialect, (opened) => (h = opened));

    /** The invitation secret, read from the outbox email as the invitee would. */
    async function secretFromOutbox(to: string): Promise<string> {
      const email = await h.t.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', to).where('kind', '=', 'invitation').executeTakeFirstOrThrow();
      const m = /token=(bsi_[A-Za-z0-9_-]{43})/.exec(email.text_body);
      assert.ok(m, 'the email carries the invitation link');
      return m[1] as string;
    }

    it('invites by email, keeps the email in the outbox, and lets a new person accept as the invited role', async () => {
      const owner = await signup(h.app);
      const inv = await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'rev@example.com', role: 'reviewer' } });
      assert.equal(inv.status, 201);
      assert.equal(inv.data.status, 'pending');
      assert.equal(Math.round((Date.parse(inv.data.expiresAt) - Date.parse(inv.data.createdAt)) / 86_400_000), 7);
      const secret = await secretFromOutbox('rev@example.com');

      const noPassword = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret } });
      assert.equal(noPassword.status, 400);
      const accepted = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret, password: 'reviewer password' } });
      assert.equal(accepted.status, 200);
      assert.equal(accepted.data.workspaceId, owner.workspaceId);
      const me = await call(h.app, 'GET', '/api/v1/auth/me', { token: accepted.data.token });
      assert.equal(me.data.role, 'reviewer');
      assert.equal(me.data.user.emailVerified, true);

      const again = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret, password: 'reviewer password' } });
      assert.equal(again.status, 409);
      const members = await call(h.app, 'GET', '/api/v1/members', { token: owner.token });
      assert.deepEqual(members.data.items.map((m: { role: string }) => m.role), ['owner', 'reviewer']);
    });

    it('lets an existing account accept only while signed in as the invited address', async () => {
      const owner = await signup(h.app, 'Alpha');
      const other = await signup(h.app, 'Beta');
      await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: other.email, role: 'editor' } });
      const secret = await secretFromOutbox(other.email);
      const stranger = await signup(h.app, 'Gamma');
      assert.equal((await call(h.app, 'POST', '/api/v1/invitations/accept', { token: stranger.token, json: { token: secret } })).status, 403);
      const ok = await call(h.app, 'POST', '/api/v1/invitations/accept', { token: other.token, json: { token: secret } });
      assert.equal(ok.status, 200);
      assert.equal(ok.data.workspaceId, owner.workspaceId);
    });

    it('refuses an expired or revoked invitation with 410', async () => {
      const owner = await signup(h.app);
      const inv = await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'late@example.com', role: 'viewer' } });
      const secret = await secretFromOutbox('late@example.com');
      await h.t.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', inv.data.id).execute();
      assert.equal((await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret, password: 'late password' } })).status, 410);
      const inv2 = await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'gone@example.com', role: 'viewer' } });
      assert.equal((await call(h.app, 'DELETE', `/api/v1/invitations/${inv2.data.id}`, { token: owner.token })).status, 204);
      const secret2 = await secretFromOutbox('gone@example.com');
      assert.equal((await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret2, password: 'gone password' } })).status, 410);
    });

    it('keeps at least one owner and lets only owners touch the owner role', async () => {
      const owner = await signup(h.app);
      assert.equal((await call(h.app, 'PATCH', `/api/v1/members/${owner.userId}`, { token: owner.token, json: { role: 'admin' } })).status, 409);
      assert.equal((await call(h.app, 'DELETE', `/api/v1/members/${owner.userId}`, { token: owner.token })).status, 409);

      await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'adm@example.com', role: 'admin' } });
      const secret = await secretFromOutbox('adm@example.com');
      const admin = await call(h.app, 'POST', '/api/v1/invitations/accept', { json: { token: secret, password: 'admin password' } });
      const demote = await call(h.app, 'PATCH', `/api/v1/members/${owner.userId}`, { token: admin.data.token, json: { role: 'viewer' } });
      assert.equal(demote.status, 403);
      const inviteOwner = await call(h.app, 'POST', '/api/v1/invitations', { token: admin.data.token, json: { email: 'o2@example.com', role: 'owner' } });
      assert.equal(inviteOwner.status, 403);
    });

    it('forbids a viewer from inviting, and audits every membership change', async () => {
      const owner = await signup(h.app);
      await call(h.app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'v@example.com', role: 'viewer' } });
      const viewer = await call(h.app, 'POST', '/api/v1/invitations/accept', {
        json: { token: await secretFromOutbox('v@example.com'), password: 'viewer password' },
      });
      assert.equal((await call(h.app, 'POST', '/api/v1/invitations', { token: viewer.data.token, json: { email: 'x@example.com', role: 'viewer' } })).status, 403);
      const viewerId = (await call(h.app, 'GET', '/api/v1/auth/me', { token: viewer.data.token })).data.user.id;
      assert.equal((await call(h.app, 'PATCH', `/api/v1/members/${viewerId}`, { token: owner.token, json: { role: 'editor' } })).status, 200);
      assert.equal((await call(h.app, 'DELETE', `/api/v1/members/${viewerId}`, { token: owner.token })).status, 204);
      const types = (await h.t.db.selectFrom('audit_events').select('type').orderBy('seq').execute()).map((e) => e.type);
      assert.deepEqual(types, ['workspace.created', 'member.added', 'invitation.created', 'member.added', 'member.role_changed', 'member.removed']);
      assert.equal((await call(h.app, 'GET', '/api/v1/auth/me', { token: viewer.data.token })).status, 401, 'a removed member is signed out');
    });
  });
}
