#!/usr/bin/env node
// `npm run bench [name...]`: runs scripts/bench/<name>.ts (all of them when no name is given),
// one after another so they do not compete for the two cores, and prints each one's figures.
// Arguments from the first one that starts with `--` on go to every benchmark run
// (`npm run bench api -- --targets hello,postgres`).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((a) => a.startsWith('--'));
const wanted = firstFlag < 0 ? argv : argv.slice(0, firstFlag);
const passed = firstFlag < 0 ? [] : argv.slice(firstFlag);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions', 'source', join(here, `${name}.ts`), ...passed], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: ${name} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
