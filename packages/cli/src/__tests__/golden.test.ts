import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '@brandsafe/rules';
import type { Log as SarifLog } from 'sarif';
import { run } from '../run.js';
import { version } from '../version.js';
import { memoryIo } from './helpers/io.js';
import { validateSarif } from './helpers/sarif-schema.js';

const dir = (url: URL) => fileURLToPath(url).replace(/[\\/]$/, '');
const WORKSPACES = [
  /** A small brand workspace of the CLI's own: clean, violating, unparseable and CSS variations. */
  { name: 'workspace', root: dir(new URL('./__fixtures__/workspace/', import.meta.url)) },
  /** The shipped example: the Northwind brand graph and its 14 variations, as the README runs it. */
  { name: 'northwind', root: dir(new URL('../../../../examples/northwind/', import.meta.url)) },
];
const goldenDir = new URL('./__fixtures__/golden/', import.meta.url);
/** `UPDATE_GOLDEN=1 npx mocha …` rewrites the golden files after an intended change. */
const update = process.env.UPDATE_GOLDEN === '1';

/** Makes output machine-independent: the workspace's absolute path and the tool version vary. */
function normalize(root: string, text: string): string {
  const srcroot = pathToFileURL(root).href;
  return text
    .split(`${srcroot}/`).join('file:///SRCROOT/')
    .split(`${root}${sep}`).join('')
    .split(`"version": "${version()}"`).join('"version": "<version>"')
    .split(`"semanticVersion": "${version()}"`).join('"semanticVersion": "<version>"');
}

function golden(name: string, actual: string): void {
  const url = new URL(name, goldenDir);
  if (update) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `golden ${name} differs; UPDATE_GOLDEN=1 rewrites it`);
}

/** `brandsafe check variations` in a brand workspace, in each format, against golden files. */
for (const { name, root } of WORKSPACES) {
  describe(`brandsafe check variations in ${name} (golden outputs)`, () => {
    async function check(format: string) {
      const io = memoryIo(root);
      const code = await run(['check', 'variations', '--format', format], io);
      assert.equal(io.err(), '', 'a branded run has no notes');
      return { code, raw: io.out(), out: normalize(root, io.out()) };
    }

    it('prints the stylish report and exits 1 for the variations with violations', async () => {
      const r = await check('stylish');
      assert.equal(r.code, 1);
      golden(`${name}.check.stylish.txt`, r.out);
    });

    it('prints ESLint-shaped JSON', async () => {
      const r = await check('json');
      assert.equal(r.code, 1);
      golden(`${name}.check.json`, JSON.stringify(JSON.parse(r.out), null, 2) + '\n');
    });

    it('prints SARIF that is valid against the SARIF 2.1.0 schema', async () => {
      const r = await check('sarif');
      assert.equal(r.code, 1);
      const { valid, errors } = validateSarif(JSON.parse(r.raw) as unknown);
      assert.ok(valid, errors);
      // The rule list is every rule the checker has, so it grows with @brandsafe/rules: assert it
      // against RULES and each result's ruleIndex against it, and keep it out of the golden file.
      const log = JSON.parse(r.out) as SarifLog;
      const driver = log.runs[0]!.tool.driver;
      assert.deepEqual(driver.rules!.slice(0, RULES.length).map((rule) => rule.id), RULES.map((rule) => rule.id));
      for (const result of log.runs[0]!.results!) {
        assert.equal(driver.rules![result.ruleIndex!]!.id, result.ruleId);
        delete result.ruleIndex;
      }
      driver.rules = [];
      golden(`${name}.check.sarif.json`, JSON.stringify(log, null, 2) + '\n');
    });
  });
}
