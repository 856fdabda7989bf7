// What the VS Code end-to-end runners (vscode/run.mjs, vscode-cloud/run.mjs) share: the packaged
// extension unzipped as users install it, a code-server in its own process group with a throwaway
// profile, and the extension tests run inside it through Debian's chromium (playwright-core), as
// /work/shared/VSCODE-TESTING.md describes. Each runner keeps only what is its own: the workspace,
// the settings it adds, and what it does with the suite's BRANDSAFE_* console lines.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin, node24, playwrightDir } from './setup.mjs';

/** User settings every run starts from: no telemetry, updates, AI features or start page. */
const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
};

/** How much of code-server's output is kept for a failure report. */
const LOG_LIMIT = 64 * 1024;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves once `url` answers 2xx; throws when `deadline` (ms since the epoch) passes first. */
export async function waitHealthy(url, deadline) {
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

/**
 * Packages the extension (`npm run package -w extension`) and unzips the .vsix into `tmp`: what
 * users install, with no node_modules beside it, so a missing bundle dependency fails the run.
 * Returns the extension's folder.
 */
export function unpackExtension(root, tmp) {
  execFileSync('npm', ['run', 'package', '-w', 'extension'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('unzip', ['-q', join(root, 'extension', 'dist', 'brandsafe.vsix'), '-d', join(tmp, 'vsix')]);
  return join(tmp, 'vsix', 'extension');
}

/**
 * Starts code-server with a profile under `tmp` (user settings = the base ones plus `settings`)
 * and waits until it is healthy. `e2eConfig` is written to a file the suite finds through
 * BRANDSAFE_E2E_CONFIG. Returns its port, its output so far, and `stop()`, which ends its whole
 * process group (extension hosts and language servers included).
 */
export async function startCodeServer(tmp, { settings = {}, e2eConfig, deadline }) {
  for (const d of ['ud/User', 'ext', 'xdg-data', 'xdg-config', 'tmp', 'flags']) mkdirSync(join(tmp, d), { recursive: true });
  writeFileSync(join(tmp, 'ud', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }));
  writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
  const configFile = join(tmp, 'e2e-config.json');
  writeFileSync(configFile, JSON.stringify(e2eConfig));
  const port = await freePort();
  const child = spawn(
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
        BRANDSAFE_E2E_CONFIG: configFile,
      },
    },
  );
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-LOG_LIMIT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    child.stdout.destroy();
    child.stderr.destroy();
  };
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, deadline);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, log: () => output, stop };
}

/**
 * Opens `workspace` in the code-server on `port` in chromium with the extension at `extensionPath`
 * under development and `testsPath` (an extensionTestsPath module) as its tests, hands every
 * console line of the page to `onConsole(text, page)`, and resolves with the tests' exit code, or
 * 'timeout' at `deadline`. The browser is closed before it returns.
 */
export async function runExtensionTests({ port, extensionPath, testsPath, workspace, viewport, deadline, onConsole }) {
  const require = createRequire(join(playwrightDir, 'package.json'));
  const { chromium } = require(playwrightDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    page.on('console', (msg) => {
      Promise.resolve(onConsole(msg.text(), page)).catch((e) => console.error(`console handler failed: ${e instanceof Error ? e.stack : e}`));
    });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())))]);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
