#!/usr/bin/env node
// End-to-end: the brandsafe extension in a real VS Code (code-server 4.139.1 on Node 24, driven by
// Debian's chromium through playwright-core), as described in /work/shared/VSCODE-TESTING.md.
// Installs what it needs (setup.mjs), packages the extension (.vsix) and loads it unzipped, opens
// examples/northwind (a copy) and runs suite/extension.test.cjs inside the extension host. Screenshots go to
// test-results/e2e-vscode/. Prints "N passed, N failed" last.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASE } from './case.mjs';
import { runExtensionTests, startCodeServer, unpackExtension } from './code-server.mjs';
import { setup } from './setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const shots = join(root, 'test-results', 'e2e-vscode');
const TIMEOUT_MS = 240_000;

const started = Date.now();
setup();

const tmp = mkdtempSync(join(tmpdir(), 'brandsafe-vscode-'));
const flagDir = join(tmp, 'flags');
const log = [];
let result;
let codeServer;
try {
  const extensionPath = unpackExtension(root, tmp);
  const workspace = join(tmp, 'northwind');
  mkdirSync(shots, { recursive: true });
  cpSync(join(root, 'examples', 'northwind'), workspace, { recursive: true });
  for (const [file, text] of Object.entries(CASE.files)) {
    mkdirSync(dirname(join(workspace, file)), { recursive: true });
    writeFileSync(join(workspace, file), text);
  }
  const deadline = Date.now() + TIMEOUT_MS;
  codeServer = await startCodeServer(tmp, { e2eConfig: { ...CASE, flagDir }, deadline });
  const code = await runExtensionTests({
    port: codeServer.port,
    extensionPath,
    testsPath: join(here, 'suite', 'index.cjs'),
    workspace,
    viewport: { width: 1400, height: 860 },
    deadline,
    async onConsole(text, page) {
      if (text.includes('BRANDSAFE_')) log.push(text.slice(text.indexOf('BRANDSAFE_')));
      const shot = /BRANDSAFE_SCREENSHOT (\w+)/.exec(text);
      if (shot) {
        await page.screenshot({ path: join(shots, `${shot[1]}.png`) }).catch((e) => log.push(`screenshot failed: ${e}`));
        writeFileSync(join(flagDir, `${shot[1]}.done`), '');
      }
      const res = /BRANDSAFE_RESULT (\{.*\})/.exec(text);
      if (res) result = JSON.parse(res[1]);
    },
  });
  if (code === 'timeout') log.push('timed out waiting for the extension tests to finish');
  log.push(`exit code ${code}`);
} catch (error) {
  log.push(`runner error: ${error instanceof Error ? error.stack : error}`);
} finally {
  await codeServer?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
for (const line of log) console.log(line.replace(/^BRANDSAFE_(PASS|FAIL) /, (_, k) => (k === 'PASS' ? '  ✓ ' : '  ✗ ')));
if (!result && codeServer) console.log(codeServer.log().split('\n').slice(-30).join('\n'));
console.log(`screenshots: ${shots}`);
const passed = result?.passed ?? 0;
const failed = result ? result.failed : Math.max(1, 4 - passed);
console.log(`${passed} passed, ${failed} failed`);
console.error(`vscode e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
