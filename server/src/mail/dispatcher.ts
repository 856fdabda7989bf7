/**
 * Email delivery through the transactional outbox (issue 4 §4): routes queue emails in
 * `outbox_emails` in the same transaction as the change that causes them, then call
 * `dispatched()` after commit. With SMTP configured the dispatcher sends every pending email
 * with nodemailer and marks it sent; without, emails stay in the outbox and, in development,
 * are printed to the log so a developer can follow links.
 */
import { listPendingEmails, markEmailAttempt, type Database, type OutboxEmail } from '@brandsafe/db';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface EmailDispatcher {
  /** Called after a transaction that queued `emails` committed. */
  dispatched(emails: OutboxEmail[]): Promise<void>;
}

/** Keeps emails in the outbox; logs them when `print` is set (development). */
export function outboxOnly(logger: Logger, print: boolean): EmailDispatcher {
  return {
    async dispatched(emails) {
      if (!print) return;
      for (const e of emails) logger.info({ email: { to: e.to, subject: e.subject, text: e.text } }, `email queued: ${e.subject}`);
    },
  };
}

/** What nodemailer accepts: an SMTP URL (smtp://user:pass@host:587) or transport options. */
export type MailTransport = Parameters<typeof nodemailer.createTransport>[0];

/** Sends every pending outbox email through `transport` from `from`, marking each sent or failed. */
export function smtpDispatcher(db: Kysely<Database>, logger: Logger, transport: MailTransport, from: string): EmailDispatcher {
  const mailer = nodemailer.createTransport(transport);
  let running: Promise<void> | undefined;
  async function drain(): Promise<void> {
    for (const e of await listPendingEmails(db)) {
      try {
        await mailer.sendMail({ from, to: e.to, subject: e.subject, text: e.text });
        await markEmailAttempt(db, e.id);
      } catch (err) {
        logger.warn({ err, emailId: e.id }, 'email delivery failed; it stays in the outbox');
        await markEmailAttempt(db, e.id, String(err));
      }
    }
  }
  return {
    async dispatched() {
      // One drain at a time; a drain that is running picks up the new rows too.
      running ??= drain().finally(() => (running = undefined));
      await running;
    },
  };
}
