/** Test helpers: an app on a throwaway database of one dialect, and small request helpers. */
import type { DialectName } from '@brandsafe/db';
import { openTestDatabase, type TestDatabase } from '@brandsafe/db/testing';
import { createApp } from '../app.js';
import type { AppDeps } from '../context.js';

export type TestApp = ReturnType<typeof createApp>;

export interface Harness {
  t: TestDatabase;
  app: TestApp;
}

/** Cheap scrypt so tests that sign up many users stay fast (production uses N=2^17). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export async function openHarness(dialect: DialectName, deps: Partial<AppDeps> = {}): Promise<Harness> {
  const t = await openTestDatabase(dialect);
  const app = createApp({ db: t.db, ping: t.ping, ...deps, options: { scryptCost: TEST_SCRYPT, ...deps.options } });
  return { t, app };
}

/**
 * The mocha hooks of a suite on one dialect: open a harness before it (handed to `opened`, which
 * may also set up what the suite shares), empty the database before each test unless
 * `clean: false`, and drop it after the suite.
 */
export function useHarness(
  dialect: DialectName,
  opened: (h: Harness) => unknown,
  options: { deps?: Partial<AppDeps>; clean?: boolean } = {},
): void {
  let h: Harness | undefined;
  before(async function () {
    // Opening PGlite compiles its WebAssembly and migrates: seconds on a busy machine.
    this.timeout(120_000);
    h = await openHarness(dialect, options.deps);
    await opened(h);
  });
  after(async () => {
    await h?.t.destroy();
  });
  if (options.clean !== false) {
    beforeEach(async () => {
      await h!.t.clean();
    });
  }
}

export interface Call {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

/** Sends a request to the app (no port) and returns status, headers and parsed body. */
export async function call(app: TestApp, method: string, path: string, c: Call = {}) {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  let body: string | undefined = c.body;
  if (c.json !== undefined) {
    body = JSON.stringify(c.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  const data: any = type.includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, type, data };
}

let counter = 0;
/** Signs up a fresh user and workspace; returns the owner's session token and ids. */
export async function signup(app: TestApp, name = 'Acme') {
  counter += 1;
  const email = `owner${counter}-${Date.now()}@${name.toLowerCase()}.test`;
  const r = await call(app, 'POST', '/api/v1/auth/signup', { json: { email, password: 'correct horse battery', workspace: name } });
  if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.data)}`);
  return { token: r.data.token as string, userId: r.data.user.id as string, workspaceId: r.data.workspace.id as string, email };
}
