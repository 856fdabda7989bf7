import assert from 'node:assert/strict';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo, tempTree } from './helpers/io.js';

describe('brandsafe validate', () => {
  const tree = tempTree({
    'good.ttl': 'brand good\n',
    'shacl.ttl': 'brand meh shacl\n',
    'broken.ttl': 'a\nb\nsyntax-error\n',
  });
  after(() => tree.cleanup());

  async function cli(...argv: string[]) {
    const io = memoryIo(tree.root);
    const code = await run(['validate', ...argv], io, fakeDeps);
    return { code, out: io.out(), err: io.err() };
  }

  it('exits 0 and prints nothing for a clean brand file', async () => {
    assert.deepEqual(await cli('good.ttl'), { code: 0, out: '', err: '' });
  });

  it('prints a SHACL problem as file:line:col: severity message [constraint] and exits 1', async () => {
    const r = await cli('shacl.ttl');
    assert.equal(r.code, 1);
    assert.equal(r.out, 'shacl.ttl:3:5: error Less than 1 values on bs:css [sh:MinCountConstraintComponent]\n');
    assert.equal(r.err, 'brandsafe: 1 problem in 1 file.\n');
  });

  it('prints a Turtle syntax error with its position and exits 1', async () => {
    const r = await cli('broken.ttl', 'good.ttl');
    assert.equal(r.code, 1);
    assert.equal(r.out, 'broken.ttl:3:5: error Unexpected "." [turtle-syntax]\n');
  });

  it('exits 2 when a file cannot be read', async () => {
    const r = await cli('missing.ttl');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Cannot read missing.ttl (ENOENT).\n');
  });

  it('exits 2 when no file is given', async () => {
    const r = await cli();
    assert.equal(r.code, 2);
    assert.match(r.err, /needs a brand file/);
  });
});
