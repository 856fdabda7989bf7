#!/usr/bin/env node
// End-to-end (issue 7): the brandsafe extension's cloud features in a real VS Code (code-server via
// test/e2e/vscode/setup.mjs, see /work/shared/VSCODE-TESTING.md) against the real API started here
// on a throwaway PGlite folder. The suite (suite/cloud.test.cjs) signs in with a token, selects the
// brand, generates from a template, submits, approves as a reviewer, watches the approval panel and
// verifies receipts (and a tampered one). Screenshots go to test-results/e2e-vscode-cloud/.
// Prints "N passed, N failed" last; exits non-zero on any failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtensionTests, startCodeServer, unpackExtension } from '../vscode/code-server.mjs';
import { setup } from '../vscode/setup.mjs';
import { prepare, startApi } from './api-setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const shots = join(root, 'test-results', 'e2e-vscode-cloud');
const TIMEOUT_MS = 300_000;
const started = Date.now();
const log = [];
let result;

setup();
const tmp = mkdtempSync(join(tmpdir(), 'brandsafe-vscode-cloud-'));
mkdirSync(shots, { recursive: true });
let api;
let codeServer;
try {
  api = await startApi(root, join(tmp, 'api-data'));
  const prepared = await prepare(api);
  // The extension as users install it: the packaged .vsix, unzipped.
  const extensionPath = unpackExtension(root, tmp);
  // A workspace with NO local brand file: the server's brand is the one the language server uses.
  const workspace = join(tmp, 'variations-repo');
  mkdirSync(join(workspace, 'variations'), { recursive: true });
  writeFileSync(join(workspace, 'variations', 'hero.js'), ['// brandsafe-page: home', "document.querySelector('.hero-unknown').remove();", ''].join('\n'));
  const deadline = Date.now() + TIMEOUT_MS;
  codeServer = await startCodeServer(tmp, {
    settings: { 'brandsafe.serverUrl': api.url, 'brandsafe.panel.refreshSeconds': 5 },
    e2eConfig: { ...prepared, serverUrl: api.url, flagDir: join(tmp, 'flags') },
    deadline,
  });
  const code = await runExtensionTests({
    port: codeServer.port,
    extensionPath,
    testsPath: join(here, 'suite', 'index.cjs'),
    workspace,
    viewport: { width: 1500, height: 900 },
    deadline,
    async onConsole(text, page) {
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
    },
  });
  if (code === 'timeout') log.push('timed out waiting for the extension tests to finish');
  log.push(`exit code ${code}`);
} catch (error) {
  log.push(`runner error: ${error instanceof Error ? error.stack : error}`);
  if (api) log.push(api.log().split('\n').slice(-20).join('\n'));
  if (codeServer) log.push(codeServer.log().split('\n').slice(-20).join('\n'));
} finally {
  await codeServer?.stop();
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
