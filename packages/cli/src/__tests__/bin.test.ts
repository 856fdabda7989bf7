import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/brandsafe.js', import.meta.url));
const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Real processes: the installed bin (runs dist/, which `npm install` builds through the root
 * `prepare` script) and the source entry through tsx, to prove the exit status and streams reach
 * the shell as the in-process tests say.
 */
describe('brandsafe bin (spawned)', () => {
  it('prints the version and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
  });

  it('exits 2 with one line on stderr for an unknown flag', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--no-such-flag'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    assert.match(r.stderr, /Unknown option "--no-such-flag"/);
  });

  it('reads standard input for check --stdin and prints JSON', () => {
    // From source, so the test does not depend on dist/ being rebuilt after a change.
    const args = ['--import', 'tsx', '--conditions', 'source', main, 'check', '--stdin', '--format', 'json'];
    const r = spawnSync(process.execPath, args, { input: 'eval("1");\n', encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    assert.deepEqual(result!.messages.map((m) => [m.ruleId, m.line, m.column]), [['recommended/no-eval', 1, 1]]);
  });

  it('runs from source through tsx with the same behaviour', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions', 'source', main, 'validate'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^brandsafe: brandsafe validate needs a brand file/);
  });
});
