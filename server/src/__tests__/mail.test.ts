import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import pino from 'pino';
import { smtpDispatcher } from '../mail/dispatcher.js';
import { createApp } from '../app.js';
import { call, signup, useHarness, TEST_SCRYPT, type Harness } from './helpers.js';

for (const dialect of DIALECTS) {
  describe(`email outbox delivery (${dialect})`, () => {
    let h: Harness;
    useHarness(dialect, (opened) => (h = opened));

    it('marks queued emails sent once the transport accepts them', async () => {
      const logger = pino({ level: 'silent' });
      // nodemailer's JSON transport builds the full message without a network.
      const emails = smtpDispatcher(h.t.db, logger, { jsonTransport: true }, 'brandsafe <noreply@example.com>');
      const app = createApp({ db: h.t.db, emails, options: { scryptCost: TEST_SCRYPT } });
      const owner = await signup(app);
      assert.equal((await call(app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'new@example.com', role: 'editor' } })).status, 201);
      const row = await h.t.db.selectFrom('outbox_emails').selectAll().where('kind', '=', 'invitation').executeTakeFirstOrThrow();
      assert.ok(row.sent_at instanceof Date);
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, null);
    });

    it('keeps an email in the outbox with the error when delivery fails', async () => {
      const logger = pino({ level: 'silent' });
      // Nothing listens on port 1: the connection is refused.
      const emails = smtpDispatcher(h.t.db, logger, { host: '127.0.0.1', port: 1, connectionTimeout: 2000 }, 'noreply@example.com');
      const app = createApp({ db: h.t.db, emails, options: { scryptCost: TEST_SCRYPT } });
      const owner = await signup(app);
      assert.equal((await call(app, 'POST', '/api/v1/invitations', { token: owner.token, json: { email: 'new@example.com', role: 'editor' } })).status, 201);
      const row = await h.t.db.selectFrom('outbox_emails').selectAll().where('kind', '=', 'invitation').executeTakeFirstOrThrow();
      assert.equal(row.sent_at, null);
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    });
  });
}
