import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../run.js';
import { memoryIo } from './helpers/io.js';
import { validateSarif } from './helpers/sarif-schema.js';

const example = fileURLToPath(new URL('../../../../examples/northwind/', import.meta.url)).replace(/\/$/, '');
const goldenDir = new URL('./__fixtures__/golden/', import.meta.url);
/** `UPDATE_GOLDEN=1 npx mocha …` rewrites the golden files after an intended change. */
const update = process.env.UPDATE_GOLDEN === '1';

/** Makes output machine-independent: the example's absolute path and the tool version vary. */
function normalize(text: string): string {
  const srcroot = pathToFileURL(example).href;
  return text
    .split(`${srcroot}/`).join('file:///SRCROOT/')
    .split(`${example}/`).join('')
    .replace(/"(version|semanticVersion)": "[^"]+"/g, '"$1": "<version>"');
}

function golden(name: string, actual: string): void {
  const url = new URL(name, goldenDir);
  if (update) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `golden ${name} differs; UPDATE_GOLDEN=1 rewrites it`);
}

/** `brandsafe check variations` in examples/northwind, as the README shows it, in each format. */
describe('brandsafe check on the Northwind example (golden outputs)', () => {
  async function check(format: string) {
    const io = memoryIo(example);
    const code = await run(['check', 'variations', '--format', format], io);
    return { code, out: normalize(io.out()), err: normalize(io.err()) };
  }

  it('prints the stylish report and exits 1 for the variations with violations', async () => {
    const r = await check('stylish');
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    golden('check.stylish.txt', r.out);
  });

  it('prints ESLint-shaped JSON', async () => {
    const r = await check('json');
    assert.equal(r.code, 1);
    golden('check.json', JSON.stringify(JSON.parse(r.out), null, 2) + '\n');
  });

  it('prints SARIF that is valid against the SARIF 2.1.0 schema', async () => {
    const r = await check('sarif');
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out) as unknown;
    const { valid, errors } = validateSarif(log);
    assert.ok(valid, errors);
    golden('check.sarif.json', r.out);
  });
});
