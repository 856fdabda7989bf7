#!/usr/bin/env node
// End-to-end (issue 7): the brandsafe extension's cloud features in a real VS Code (code-server via
// test/e2e/vscode/setup.mjs, see /work/shared/VSCODE-TESTING.md) against the real API started here
// on a throwaway PGlite folder. The suite (suite/cloud.test.cjs) signs in with a token, selects the
// brand, generates from a template, submits, approves as a reviewer, watches the approval panel and
// verifies receipts (and a tampered one). Screenshots go to test-results/e2e-vscode-cloud/.
// Prints "N passed, N failed" last; exits non-zero on any failure.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, node24, playwrightDir, setup } from '../vscode/setup.mjs';
import { freePort, prepare, startApi } from './api-setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const shots = join(root, 'test-results', 'e2e-vscode-cloud');
const TIMEOUT_MS = 300_000;
const started = Date.now();
const log = [];
let result;

async function waitHealthy(url, deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy`);
}

setup();
const tmp = mkdtempSync(join(tmpdir(), 'brandsafe-vscode-cloud-'));
mkdirSync(shots, { recursive: true });
let api;
let codeServer;
let browser;
try {
  api = await startApi(root, join(tmp, 'api-data'));
  const prepared = await prepare(api);
  // The extension as users install it: the packaged .vsix, unzipped.
  execFileSync('npm', ['run', 'package', '-w', 'extension'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('unzip', ['-q', join(root, 'extension', 'dist', 'brandsafe.vsix'), '-d', join(tmp, 'vsix')]);
  const extensionPath = join(tmp, 'vsix', 'extension');
  // A workspace with NO local brand file: the server's brand is the one the language server uses.
  const workspace = join(tmp, 'variations-repo');
  mkdirSync(join(workspace, 'variations'), { recursive: true });
  writeFileSync(join(workspace, 'variations', 'hero.js'), ['// brandsafe-page: home', "document.querySelector('.hero-unknown').remove();", ''].join('\n'));
  for (const d of ['ud/User', 'ext', 'xdg-data', 'xdg-config', 'tmp', 'flags']) mkdirSync(join(tmp, d), { recursive: true });
  writeFileSync(
    join(tmp, 'ud', 'User', 'settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
      'workbench.colorTheme': 'Default Light Modern',
      'brandsafe.serverUrl': api.url,
      'brandsafe.panel.refreshSeconds': 5,
    }),
  );
  writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
  const e2eConfig = join(tmp, 'e2e-config.json');
  writeFileSync(e2eConfig, JSON.stringify({ ...prepared, serverUrl: api.url, flagDir: join(tmp, 'flags') }));

  const port = await freePort();
  codeServer = spawn(
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
      stdio: ['ignore', 'ignore', 'ignore'],
      env: {
        ...process.env,
        XDG_DATA_HOME: join(tmp, 'xdg-data'),
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        TMPDIR: join(tmp, 'tmp'),
        BRANDSAFE_E2E_CONFIG: e2eConfig,
      },
    },
  );
  const deadline = Date.now() + TIMEOUT_MS;
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, deadline);
  const require = createRequire(join(playwrightDir, 'package.json'));
  const { chromium } = require(playwrightDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(join(here, 'suite', 'index.cjs'))],
  ];
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', async (msg) => {
    const text = msg.text();
    if (text.includes('BRANDSAFE_') && !/BRANDSAFE_(FRAMETEXT|CLICK|TYPE) /.test(text)) log.push(text.slice(text.indexOf('BRANDSAFE_')));
    const shot = /BRANDSAFE_SCREENSHOT ([\w-]+)/.exec(text);
    if (shot) {
      // Readiness from the UI itself: the side bar's tree has rows and no busy progress bar.
      const sidebar = '[id="workbench.parts.sidebar"]';
      await page.waitForSelector(`${sidebar} .monaco-list-row`, { timeout: 15000 }).catch(() => log.push(`screenshot ${shot[1]}: the side bar tree has no rows`));
      await page.waitForSelector(`${sidebar} .monaco-progress-container.active`, { state: 'detached', timeout: 15000 }).catch(() => undefined);
      await page.screenshot({ path: join(shots, `${shot[1]}.png`) }).catch((e) => log.push(`screenshot failed: ${e}`));
      writeFileSync(join(tmp, 'flags', `${shot[1]}.done`), '');
    }
    // The text of every frame (webviews are nested iframes), for assertions on what a webview shows.
    const frames = /BRANDSAFE_FRAMETEXT ([\w-]+)/.exec(text);
    if (frames) {
      const texts = [];
      for (const frame of page.frames()) texts.push(await frame.evaluate('document.body ? document.body.innerText : ""').catch(() => ''));
      writeFileSync(join(tmp, 'flags', `${frames[1]}.txt`), texts.join('\n----\n'));
    }
    // Clicks an element inside whichever frame holds it (a webview's button, through its real script).
    const click = /BRANDSAFE_CLICK (\S+) (.+)$/.exec(text);
    if (click) {
      let clicked = false;
      for (const frame of page.frames()) {
        const handle = await frame.$(click[2]).catch(() => null);
        if (handle) {
          await handle.click().catch((e) => log.push(`click failed: ${e}`));
          clicked = true;
          break;
        }
      }
      writeFileSync(join(tmp, 'flags', `${click[1]}.${clicked ? 'done' : 'missing'}`), '');
    }
    // Types into whatever has focus (a quick input the extension opened), then Enter.
    const typed = /BRANDSAFE_TYPE (\S+) (.+)$/.exec(text);
    if (typed) {
      await page.waitForSelector('.quick-input-widget input:focus', { timeout: 15000 }).catch(() => log.push('no focused quick input to type into'));
      await page.keyboard.type(typed[2]);
      await page.keyboard.press('Enter');
      writeFileSync(join(tmp, 'flags', `${typed[1]}.done`), '');
    }
    const res = /BRANDSAFE_RESULT (\{.*\})/.exec(text);
    if (res) result = JSON.parse(res[1]);
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), deadline - Date.now()))]);
  if (code === 'timeout') log.push('timed out waiting for the extension tests to finish');
  log.push(`exit code ${code}`);
} catch (error) {
  log.push(`runner error: ${error instanceof Error ? error.stack : error}`);
  if (api) log.push(api.log().split('\n').slice(-20).join('\n'));
} finally {
  await browser?.close().catch(() => undefined);
  for (const child of [codeServer]) {
    if (!child) continue;
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  api?.stop();
  await new Promise((r) => setTimeout(r, 500));
  rmSync(tmp, { recursive: true, force: true });
}
for (const line of log) console.log(line.replace(/^BRANDSAFE_(PASS|FAIL) /, (_, k) => (k === 'PASS' ? '  ✓ ' : '  ✗ ')));
console.log(`screenshots: ${shots}`);
const passed = result?.passed ?? 0;
const failed = result ? result.failed : Math.max(1, 8 - passed);
console.log(`${passed} passed, ${failed} failed`);
console.error(`vscode cloud e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
