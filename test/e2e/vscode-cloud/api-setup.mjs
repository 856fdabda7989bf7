// Starts the real brandsafe API (server/src/main.ts on a throwaway PGlite folder and a free port),
// reads the seeded demo token it prints, and prepares through the API what the VS Code suite
// needs: an editor token (generates), a reviewer token (reviews) and generations in every review
// state, so the approval panel shows each group.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../vscode/code-server.mjs';

/** Starts the API; resolves once it printed its demo token and listens. */
export async function startApi(root, dataDir, timeoutMs = 120_000) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'source', join(root, 'server', 'src', 'main.ts')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let log = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start in ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
    const onData = (chunk) => {
      log += chunk;
      const token = /\n\s+(bsp_[A-Za-z0-9_-]+)\n/.exec(log);
      if (token && log.includes('listening on')) {
        clearTimeout(timer);
        resolve(token[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the API exited with ${code}:\n${log}`)));
  });
  const ownerToken = await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    ownerToken,
    log: () => log,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function call(base, token, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** An API token for a seeded demo user (password sign-in, then POST /tokens). */
async function tokenFor(base, email, scopes) {
  const session = await call(base, undefined, 'POST', '/api/v1/auth/login', { email, password: 'northwind-demo' });
  return (await call(base, session.token, 'POST', '/api/v1/tokens', { name: `e2e ${email}`, scopes })).token;
}

/** Tokens, the brand, and one generation in each review state. */
export async function prepare(api) {
  const base = api.url;
  const editorToken = await tokenFor(base, 'editor@northwind.example', ['read', 'generate', 'review']);
  const reviewerToken = await tokenFor(base, 'reviewer@northwind.example', ['read', 'review']);
  // Marking deployed needs the admin scope.
  const adminToken = await tokenFor(base, 'admin@northwind.example', ['read', 'review', 'admin']);
  const brands = await call(base, api.ownerToken, 'GET', '/api/v1/brands');
  const brand = brands.items[0];
  const make = (description, headline) =>
    call(base, editorToken, 'POST', '/api/v1/generations', {
      brandId: brand.id,
      testType: 'banner',
      templateId: 'hero-banner',
      description,
      parameters: { headline, ctaText: 'Shop now', ctaUrl: 'https://northwind.example/sale' },
    });
  const move = (token, id, to, note) => call(base, token, 'POST', `/api/v1/generations/${id}/transitions`, { to, ...(note ? { note } : {}) });
  const plan = [
    ['Winter sale hero banner', []],
    ['Free returns banner', [['QA_REVIEW']]],
    ['Members-only preview banner', [['QA_REVIEW'], ['APPROVED', 'brand-safe', 'r'], ['DEPLOYED', 'live in experiment 42', 'o']]],
    ['Clearance banner with stale copy', [['QA_REVIEW'], ['REJECTED', 'copy is off-brand', 'r']]],
    ['Gift guide banner', [['QA_REVIEW'], ['APPROVED', 'ok', 'r'], ['DEPLOY_FAILED', 'snippet quota reached in Optimizely', 'o']]],
  ];
  let correctedId;
  for (const [description, moves] of plan) {
    const g = await make(description, description);
    if (moves.length === 0) {
      // A correction that introduces an unapproved selector: the diff view's right side has a problem.
      const code = `${g.code}\ndocument.querySelector('.hero-unknown').remove();\n`;
      await call(base, editorToken, 'POST', `/api/v1/generations/${g.id}/corrections`, { code, reason: 'remove the old hero', kind: 'logic' });
      correctedId = g.id;
    }
    for (const [to, note, who] of moves) {
      const token = who === 'r' ? reviewerToken : who === 'o' ? adminToken : editorToken;
      await move(token, g.id, to, note);
    }
  }
  return { editorToken, reviewerToken, brandId: brand.id, brandName: brand.name, correctedId };
}
