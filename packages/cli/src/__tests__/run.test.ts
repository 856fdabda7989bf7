import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo, tempTree } from './helpers/io.js';

const pkgVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('run (arguments and exit codes)', () => {
  const tree = tempTree({ 'a.js': 'const x = 1;\n' });
  after(() => tree.cleanup());

  async function cli(...argv: string[]) {
    const io = memoryIo(tree.root);
    const code = await run(argv, io, fakeDeps);
    return { code, out: io.out(), err: io.err() };
  }

  it('prints usage and exits 0 for --help', async () => {
    const r = await cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /brandsafe check/);
    assert.match(r.out, /brandsafe validate/);
  });

  it('prints the package version for --version and -v', async () => {
    assert.deepEqual(await cli('--version'), { code: 0, out: `${pkgVersion}\n`, err: '' });
    assert.equal((await cli('-v')).out, `${pkgVersion}\n`);
  });

  it('prints usage and exits 2 when no command is given', async () => {
    const r = await cli();
    assert.equal(r.code, 2);
    assert.match(r.out, /Usage:/);
  });

  it('exits 2 with one line for an unknown command', async () => {
    const r = await cli('lint');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Unknown command "lint". Commands: check, validate, verify, audit; run "brandsafe --help".\n');
  });

  it('exits 2 with one line for an unknown flag before the command', async () => {
    const r = await cli('--fix');
    assert.equal(r.code, 2);
    assert.equal(r.err.split('\n').length, 2);
    assert.match(r.err, /Unknown option "--fix"/);
  });

  it('exits 2 with one line naming the flag for an unknown check option', async () => {
    const r = await cli('check', '--fixx');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Unknown option "--fixx" for "brandsafe check". Run "brandsafe check --help" for usage.\n');
    assert.equal(r.out, '');
  });

  it('exits 2 when an option that needs a value has none', async () => {
    const r = await cli('check', '--brand');
    assert.equal(r.code, 2);
    assert.match(r.err, /^brandsafe: Option "?--brand/);
  });

  it('exits 2 for an unknown --format', async () => {
    const r = await cli('check', '--format', 'xml');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Unknown format "xml"; use one of stylish, json, sarif.\n');
  });

  it('exits 2 when --max-warnings or --max-file-size is not a whole number', async () => {
    assert.equal((await cli('check', '--max-warnings', '-1')).code, 2);
    const r = await cli('check', '--max-file-size', '1MB');
    assert.equal(r.code, 2);
    assert.match(r.err, /--max-file-size must be a whole number/);
  });

  it('exits 2 for a --rule with a bad severity or an unknown rule id', async () => {
    const bad = await cli('check', '--rule', 'recommended/no-eval=fatal');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--rule expects ID=error\|warning\|info\|off/);
    const unknown = await cli('check', '--rule', 'recommended/nope=off');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown rule "recommended\/nope"/);
  });

  it('accepts --rule for a brand rule before any brand is loaded', async () => {
    assert.equal((await cli('check', '--rule', 'brand/custom=off')).code, 0);
  });

  it('prints command help for check --help and validate --help', async () => {
    const c = await cli('check', '--help');
    assert.equal(c.code, 0);
    assert.match(c.out, /--max-warnings N/);
    const v = await cli('validate', '-h');
    assert.equal(v.code, 0);
    assert.match(v.out, /file:line:col/);
  });

  it('reports an internal error as one line and exit 2 instead of throwing', async () => {
    const io = memoryIo(tree.root);
    const code = await run(['check'], io, { ...fakeDeps, rules: async () => { throw new Error('boom'); } });
    assert.equal(code, 2);
    assert.match(io.err(), /^brandsafe: internal error: boom/);
  });
});
