#!/usr/bin/env node
// Bundles the extension (CommonJS, `vscode` external) and the language server (lsp/src/main.ts,
// every workspace package inlined through the "source" condition) into dist/, so the .vsix needs
// no node_modules. The server bundle is ESM (it uses top-level await and import.meta) with a
// `require` shim for the CommonJS libraries inside it.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, minify: !process.env.BRANDSAFE_NO_MINIFY, conditions: ['source'], logLevel: 'warning' };

await build({ ...common, entryPoints: [join(here, 'src', 'extension.ts')], format: 'cjs', external: ['vscode'], outfile: join(dist, 'extension.js') });
await build({
  ...common,
  entryPoints: [join(here, '..', 'lsp', 'src', 'main.ts')],
  format: 'esm',
  outfile: join(dist, 'server', 'main.mjs'),
  banner: { js: "import { createRequire as __bsCreateRequire } from 'node:module'; const require = __bsCreateRequire(import.meta.url);" },
});
// brand-kit validates large brand graphs on a second thread; its worker is found as
// shacl-worker.mjs beside the bundle that inlines brand-kit (else it validates in-thread).
await build({
  ...common,
  entryPoints: [join(here, '..', 'packages', 'brand-kit', 'src', 'shacl-worker.ts')],
  format: 'esm',
  outfile: join(dist, 'server', 'shacl-worker.mjs'),
  banner: { js: "import { createRequire as __bsCreateRequire } from 'node:module'; const require = __bsCreateRequire(import.meta.url);" },
});
// Data files brand-kit reads at run time relative to its module (`../ontology/bs.ttl`,
// `../shapes/brand.shacl.ttl`): the server bundle sits in dist/server/, so they go in dist/.
for (const [from, to] of [
  ['packages/brand-kit/ontology', 'ontology'],
  ['packages/brand-kit/shapes', 'shapes'],
]) {
  const source = join(here, '..', from);
  if (existsSync(source)) cpSync(source, join(dist, to), { recursive: true });
}
// Modules the domain packages load with createRequire at run time (bundlers cannot follow those):
// @brandsafe/rules strips TypeScript with amaro. Shipped as files beside the bundle, where
// Node's resolution from dist/server/main.mjs finds them (dist/node_modules/).
const requireRoot = createRequire(join(here, '..', 'packages', 'rules', 'package.json'));
for (const name of ['amaro']) {
  // The package's main file is in dist/; its folder is one level up (exports hide package.json).
  const pkgDir = dirname(dirname(requireRoot.resolve(name)));
  const target = join(dist, 'node_modules', name);
  mkdirSync(target, { recursive: true });
  cpSync(join(pkgDir, 'package.json'), join(target, 'package.json'));
  cpSync(join(pkgDir, 'dist'), join(target, 'dist'), { recursive: true });
  if (existsSync(join(pkgDir, 'LICENSE.md'))) cpSync(join(pkgDir, 'LICENSE.md'), join(target, 'LICENSE.md'));
}
console.log(`built ${join(dist, 'extension.js')}, ${join(dist, 'server', 'main.mjs')} and its SHACL worker`);
