#!/usr/bin/env node
// End-to-end: the brandsafe extension in a real VS Code (code-server 4.139.1 on Node 24, driven by
// Debian's chromium through playwright-core), as described in /work/shared/VSCODE-TESTING.md.
// Installs what it needs (setup.mjs), packages the extension (.vsix) and loads it unzipped, opens
// examples/northwind (a copy) and runs suite/extension.test.cjs inside the extension host. Screenshots go to
// test-results/e2e-vscode/. Prints "N passed, N failed" last.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASE } from './case.mjs';
import { codeServerBin, node24, playwrightDir, setup } from './setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const shots = join(root, 'test-results', 'e2e-vscode');
const TIMEOUT_MS = 240_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitHealthy(port, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('code-server did not become healthy');
}

const started = Date.now();
setup();

const tmp = mkdtempSync(join(tmpdir(), 'brandsafe-vscode-'));
// The extension under test is the packaged .vsix, unzipped: what users install, with no
// node_modules beside it, so a missing bundle dependency fails here.
execFileSync('npm', ['run', 'package', '-w', 'extension'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync('unzip', ['-q', join(root, 'extension', 'dist', 'brandsafe.vsix'), '-d', join(tmp, 'vsix')]);
const extensionPath = join(tmp, 'vsix', 'extension');
const workspace = join(tmp, 'northwind');
const flagDir = join(tmp, 'flags');
for (const d of ['ud/User', 'ext', 'xdg-data', 'xdg-config', 'tmp', 'flags']) mkdirSync(join(tmp, d), { recursive: true });
mkdirSync(shots, { recursive: true });
cpSync(join(root, 'examples', 'northwind'), workspace, { recursive: true });
for (const [file, text] of Object.entries(CASE.files)) {
  mkdirSync(dirname(join(workspace, file)), { recursive: true });
  writeFileSync(join(workspace, file), text);
}
writeFileSync(
  join(tmp, 'ud', 'User', 'settings.json'),
  JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Light Modern',
  }),
);
writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
const e2eConfig = join(tmp, 'e2e-config.json');
writeFileSync(e2eConfig, JSON.stringify({ ...CASE, flagDir }));

const port = await freePort();
const server = spawn(
  node24,
  [
    codeServerBin,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(tmp, 'config.yaml'),
    '--user-data-dir', join(tmp, 'ud'),
    '--extensions-dir', join(tmp, 'ext'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ],
  {
    detached: true, // its own process group: extension hosts and language servers die with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_DATA_HOME: join(tmp, 'xdg-data'),
      XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
      TMPDIR: join(tmp, 'tmp'),
      BRANDSAFE_E2E_CONFIG: e2eConfig,
    },
  },
);
let serverLog = '';
server.stdout.on('data', (c) => (serverLog += c));
server.stderr.on('data', (c) => (serverLog += c));

const require = createRequire(join(playwrightDir, 'package.json'));
const { chromium } = require(playwrightDir);
let browser;
let result;
const log = [];
try {
  const deadline = Date.now() + TIMEOUT_MS;
  await waitHealthy(port, deadline);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(join(here, 'suite', 'index.cjs'))],
  ];
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', async (msg) => {
    const text = msg.text();
    if (text.includes('BRANDSAFE_')) log.push(text.slice(text.indexOf('BRANDSAFE_')));
    const shot = /BRANDSAFE_SCREENSHOT (\w+)/.exec(text);
    if (shot) {
      await page.screenshot({ path: join(shots, `${shot[1]}.png`) }).catch((e) => log.push(`screenshot failed: ${e}`));
      writeFileSync(join(flagDir, `${shot[1]}.done`), '');
    }
    const res = /BRANDSAFE_RESULT (\{.*\})/.exec(text);
    if (res) result = JSON.parse(res[1]);
  });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), deadline - Date.now()))]);
  if (code === 'timeout') log.push('timed out waiting for the extension tests to finish');
  log.push(`exit code ${code}`);
} catch (error) {
  log.push(`runner error: ${error instanceof Error ? error.stack : error}`);
} finally {
  await browser?.close().catch(() => undefined);
  // Kill the whole process group (code-server, extension hosts, language servers), then make sure.
  const killGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  killGroup('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  killGroup('SIGKILL');
  server.stdout.destroy();
  server.stderr.destroy();
  rmSync(tmp, { recursive: true, force: true });
}
for (const line of log) console.log(line.replace(/^BRANDSAFE_(PASS|FAIL) /, (_, k) => (k === 'PASS' ? '  ✓ ' : '  ✗ ')));
if (!result) console.log(serverLog.split('\n').slice(-30).join('\n'));
console.log(`screenshots: ${shots}`);
const passed = result?.passed ?? 0;
const failed = result ? result.failed : Math.max(1, 4 - passed);
console.log(`${passed} passed, ${failed} failed`);
console.error(`vscode e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
