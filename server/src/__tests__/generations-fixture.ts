/**
 * A seeded workspace for the generation tests: the demo workspace (one user per role, the
 * Northwind brand at its example version), a session per role, and helpers.
 */
import assert from 'node:assert/strict';
import type { DialectName, WorkspaceRole } from '@brandsafe/db';
import { DEMO_PASSWORD, seedDemo } from '../seed.js';
import type { AppDeps } from '../context.js';
import { call, openHarness, TEST_SCRYPT, type Harness } from './helpers.js';

export interface Seeded extends Harness {
  workspaceId: string;
  brandId: string;
  brandVersion: string;
  tokens: Record<WorkspaceRole, string>;
  userIds: Record<WorkspaceRole, string>;
}

/** A request the Northwind brand's template provider fulfils cleanly. */
export const BANNER = { testType: 'banner', description: 'Free shipping banner', parameters: { message: 'Free shipping today' } };

export async function openSeeded(dialect: DialectName, deps: Partial<AppDeps> = {}): Promise<Seeded> {
  const h = await openHarness(dialect, deps);
  return { ...h, ...(await reseed(h)) };
}

/** Seeds (again, after `clean()`) and signs in every role. */
export async function reseed(h: Harness): Promise<Omit<Seeded, keyof Harness>> {
  const seed = await seedDemo(h.t.db, { scryptCost: TEST_SCRYPT });
  assert.ok(seed.brand && 'id' in seed.brand, 'the example brand is seeded');
  const tokens = {} as Record<WorkspaceRole, string>;
  const userIds = {} as Record<WorkspaceRole, string>;
  for (const { email, role } of seed.users) {
    const r = await call(h.app, 'POST', '/api/v1/auth/login', { json: { email, password: DEMO_PASSWORD } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    tokens[role] = r.data.token;
    userIds[role] = (await call(h.app, 'GET', '/api/v1/auth/me', { token: r.data.token })).data.user.id;
  }
  return { workspaceId: seed.workspaceId, brandId: seed.brand.id, brandVersion: seed.brand.version, tokens, userIds };
}

/** A personal API token of `role`'s user with `scopes`. */
export async function apiToken(s: Pick<Seeded, 'app' | 'tokens'>, role: WorkspaceRole, scopes: string[]): Promise<string> {
  const r = await call(s.app, 'POST', '/api/v1/tokens', { token: s.tokens[role], json: { name: `t-${scopes.join('-')}`, scopes } });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.token;
}

/** Creates a generation as `token` and returns its body. */
export async function generateAs(s: Pick<Seeded, 'app' | 'brandId'>, token: string, body: Record<string, unknown> = BANNER) {
  const r = await call(s.app, 'POST', '/api/v1/generations', { token, json: { brandId: s.brandId, ...body } });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data;
}

/** Row counts of the tables generation touches. */
export async function counts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['generations', 'generation_transitions', 'code_corrections', 'opal_requests', 'audit_events'] as const) {
    const r = await h.t.db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
