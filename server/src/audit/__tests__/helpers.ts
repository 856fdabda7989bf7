/** Helpers for the audit log tests: a migrated database, tenants, events, tampering. */
import { randomUUID } from 'node:crypto';
import { generateLogKeyPair, logId } from '@brandsafe/audit';
import { appendAuditEvent, insertWorkspace, withWorkspace, type AuditDb, type AuditLogEvent } from '@brandsafe/db';
import { sql } from 'kysely';
import type { LogSigner } from '../integrator.js';

/** A fresh signing identity. */
export function testSigner(origin = 'brandsafe.test/audit/v1'): LogSigner {
  const { privateKey, publicKey } = generateLogKeyPair();
  return { origin, privateKey, publicKey, logId: logId(publicKey) };
}

/** A workspace created through the scoped path. */
export async function newWorkspace(db: AuditDb, name = 'Acme'): Promise<string> {
  const id = randomUUID();
  await withWorkspace(db, id, (trx) => insertWorkspace(trx, { id, name, slug: `${name.toLowerCase()}-${id.slice(0, 8)}` }));
  return id;
}

/** Appends `n` events to a workspace through the scoped path; returns their ids. */
export async function appendEvents(db: AuditDb, workspaceId: string, n: number, type = 'test.event'): Promise<string[]> {
  return withWorkspace(db, workspaceId, async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const e = await appendAuditEvent(trx, { workspaceId, type, actor: 'user:test', payload: { i, note: `event ${i}` } });
      ids.push(e.id);
    }
    return ids;
  });
}

/** Runs `statements` as the superuser with triggers (the append-only guard) switched off. */
export async function tamper(db: AuditDb, ...statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

export type { AuditLogEvent };
