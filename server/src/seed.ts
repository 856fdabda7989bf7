/**
 * The demo workspace seeded on first start of the embedded default (issue 4 §1): workspace
 * "Northwind", one user per role, and the Northwind example brand when its graph is present.
 * It runs through the same scoped repository calls as the API (so the audit log records it),
 * and only once: a second start finds the workspace and skips to rotating the demo API token.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadBrand } from '@brandsafe/brand-kit';
import {
  addMembership,
  appendAuditEvent,
  createApiToken,
  insertBrand,
  insertBrandVersion,
  insertUser,
  insertWorkspace,
  setLatestVersion,
  WORKSPACE_ROLES,
  withWorkspace,
  type Database,
  type WorkspaceRole,
} from '@brandsafe/db';
import { sql, type Kysely } from 'kysely';
import { TRIAL, type LimitOverrides } from '@brandsafe/billing';
import { hashPassword, type ScryptCost } from './auth/password.js';
import { grantQuotaOverrides } from './billing/store.js';
import { displayPrefix, hashSecret, newSecret } from './auth/secrets.js';
import { toApiProblem } from './brands/problems.js';

export const DEMO_SLUG = 'northwind';
/** Demo sign-ins share one password; the embedded default listens on 127.0.0.1 only. */
export const DEMO_PASSWORD = 'northwind-demo';
export const DEMO_BRAND_FILE = new URL('../../examples/northwind/.brandsafe/brand.ttl', import.meta.url);

export interface DemoSeed {
  /** True when this call created the workspace (first start). */
  created: boolean;
  workspaceId: string;
  users: { email: string; role: WorkspaceRole }[];
  password: string;
  /** A fresh demo API token (read, generate, review), the previous one revoked. */
  apiToken: string;
  brand?: { id: string; version: string } | { error: string };
}

const emailFor = (role: WorkspaceRole) => `${role}@northwind.example`;

/**
 * The demo workspace's limits over its trial plan: unlimited generations, brands, members and
 * tokens and a request rate the API benchmark does not reach, so a demo is never throttled by
 * trial limits (issue 6). Only the demo gets them; a new sign-up keeps the trial limits.
 */
export const DEMO_OVERRIDES: LimitOverrides = { generation: null, brand: null, member: null, api_token: null, requestsPerMinute: 600_000, burst: 20_000 };

/** Seeds the demo once and issues a fresh demo API token. */
export async function seedDemo(db: Kysely<Database>, options: { scryptCost?: ScryptCost; brandFile?: URL | string } = {}): Promise<DemoSeed> {
  // Privileged read: which workspace is the demo is not a tenant question.
  const existing = await db.selectFrom('workspaces').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  const users = WORKSPACE_ROLES.map((role) => ({ email: emailFor(role), role }));
  let created = false;
  let workspaceId = existing?.id;
  let brand: DemoSeed['brand'];
  if (!workspaceId) {
    workspaceId = randomUUID();
    brand = await createDemo(db, workspaceId, options);
    created = true;
  }
  // At every start, so a demo seeded before billing existed gets them too (an idempotent upsert).
  await grantQuotaOverrides(db, workspaceId, DEMO_OVERRIDES, 'demo');
  // The overrides lift limits, not the trial's end: a demo kept in DATA_DIR would stop generating
  // 14 days after its first start. While the demo is on its own local trial (never checked out),
  // each start moves the end to a full trial from now. Privileged, like the overrides.
  const trialEnd = new Date(Date.now() + TRIAL.days * 86_400_000);
  await sql`UPDATE subscriptions SET trial_ends_at = ${trialEnd}, updated_at = now()
    WHERE workspace_id = ${workspaceId} AND status = 'trialing' AND stripe_customer_id IS NULL
      AND (trial_ends_at IS NULL OR trial_ends_at < ${trialEnd})`.execute(db);
  const owner = await db.selectFrom('users').select('id').where('email', '=', emailFor('owner')).executeTakeFirstOrThrow();
  const apiToken = await rotateDemoToken(db, workspaceId, owner.id);
  return { created, workspaceId, users, password: DEMO_PASSWORD, apiToken, ...(brand ? { brand } : {}) };
}

async function createDemo(db: Kysely<Database>, workspaceId: string, options: { scryptCost?: ScryptCost; brandFile?: URL | string }) {
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.scryptCost);
  const ids = new Map(WORKSPACE_ROLES.map((role) => [role, randomUUID()]));
  const ownerId = ids.get('owner') as string;
  const actor = `user:${ownerId}`;
  await withWorkspace(db, workspaceId, (trx) => insertWorkspace(trx, { id: workspaceId, name: 'Northwind', slug: DEMO_SLUG }));
  for (const role of WORKSPACE_ROLES) {
    const userId = ids.get(role) as string;
    await withWorkspace(
      db,
      workspaceId,
      async (trx) => {
        await insertUser(trx, { id: userId, email: emailFor(role), passwordHash, displayName: `Demo ${role}` });
        await addMembership(trx, { workspaceId, userId, role });
        await appendAuditEvent(trx, { workspaceId, type: role === 'owner' ? 'workspace.created' : 'member.added', actor, payload: { userId, role, seed: true } });
      },
      { userId },
    );
  }
  const text = await readFile(options.brandFile ?? DEMO_BRAND_FILE, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const loaded = await loadBrand(text, { file: 'examples/northwind/.brandsafe/brand.ttl' });
  if (!loaded.brand || loaded.problems.some((p) => p.severity === 'error')) {
    return { error: `the example brand has ${loaded.problems.length} problem(s); not seeded` };
  }
  const model = loaded.brand;
  const version = model.version ?? '1.0.0';
  return withWorkspace(db, workspaceId, async (trx) => {
    const b = await insertBrand(trx, { workspaceId, name: 'Northwind', createdBy: ownerId });
    await appendAuditEvent(trx, { workspaceId, type: 'brand.created', actor, payload: { brandId: b.id, name: b.name, seed: true } });
    const v = await insertBrandVersion(trx, {
      workspaceId,
      brandId: b.id,
      version,
      turtle: text,
      model: { ...model, version },
      problems: loaded.problems.map(toApiProblem),
      createdBy: ownerId,
    });
    await setLatestVersion(trx, b.id, version);
    await appendAuditEvent(trx, { workspaceId, type: 'brand.version_created', actor, payload: { brandId: b.id, version, versionId: v.id, seed: true } });
    return { id: b.id, version };
  });
}

async function rotateDemoToken(db: Kysely<Database>, workspaceId: string, ownerId: string): Promise<string> {
  const secret = newSecret('apiToken');
  await withWorkspace(
    db,
    workspaceId,
    async (trx) => {
      const revoked = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', ownerId)
        .where('name', '=', 'demo')
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      for (const r of revoked) {
        await appendAuditEvent(trx, { workspaceId, type: 'token.revoked', actor: 'system', payload: { tokenId: r.id, reason: 'demo token rotated at start' } });
      }
      const t = await createApiToken(trx, {
        workspaceId,
        userId: ownerId,
        name: 'demo',
        prefix: displayPrefix(secret),
        tokenHash: hashSecret(secret),
        scopes: ['read', 'generate', 'review'],
      });
      await appendAuditEvent(trx, { workspaceId, type: 'token.created', actor: 'system', payload: { tokenId: t.id, name: 'demo', scopes: t.scopes } });
    },
    { userId: ownerId },
  );
  return secret;
}
