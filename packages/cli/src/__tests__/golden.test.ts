import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../run.js';
import { version } from '../version.js';
import { memoryIo } from './helpers/io.js';
import { validateSarif } from './helpers/sarif-schema.js';

/** A small brand workspace of the CLI's own: clean, violating, unparseable and CSS variations. */
const example = fileURLToPath(new URL('./__fixtures__/workspace/', import.meta.url)).replace(/\/$/, '');
const goldenDir = new URL('./__fixtures__/golden/', import.meta.url);
/** `UPDATE_GOLDEN=1 npx mocha …` rewrites the golden files after an intended change. */
const update = process.env.UPDATE_GOLDEN === '1';

/** Makes output machine-independent: the example's absolute path and the tool version vary. */
function normalize(text: string): string {
  const srcroot = pathToFileURL(example).href;
  return text
    .split(`${srcroot}/`).join('file:///SRCROOT/')
    .split(`${example}/`).join('')
    .split(`"version": "${version()}"`).join('"version": "<version>"')
    .split(`"semanticVersion": "${version()}"`).join('"semanticVersion": "<version>"');
}

function golden(name: string, actual: string): void {
  const url = new URL(name, goldenDir);
  if (update) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `golden ${name} differs; UPDATE_GOLDEN=1 rewrites it`);
}

/** `brandsafe check variations` in a brand workspace, in each format, against golden files. */
describe('brandsafe check (golden outputs)', () => {
  async function check(format: string) {
    const io = memoryIo(example);
    const code = await run(['check', 'variations', '--format', format], io);
    assert.equal(io.err(), '', 'a branded run has no notes');
    return { code, raw: io.out(), out: normalize(io.out()) };
  }

  it('prints the stylish report and exits 1 for the variations with violations', async () => {
    const r = await check('stylish');
    assert.equal(r.code, 1);
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
    const log = JSON.parse(r.raw) as unknown;
    const { valid, errors } = validateSarif(log);
    assert.ok(valid, errors);
    golden('check.sarif.json', r.out);
  });
});
