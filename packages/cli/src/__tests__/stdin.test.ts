import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo, tempTree } from './helpers/io.js';

describe('brandsafe check --stdin', () => {
  const tree = tempTree({ 'shop/.brandsafe/brand.ttl': 'brand shop\n' });
  after(() => tree.cleanup());

  async function cli(argv: string[], input: string | undefined) {
    const io = { ...memoryIo(tree.root), ...(input !== undefined ? { readStdin: async () => input } : {}) };
    const code = await run(['check', '--stdin', ...argv], io, fakeDeps);
    return { code, out: io.out(), err: io.err() };
  }

  it('checks standard input named <text> when no file name is given', async () => {
    const r = await cli(['--format', 'json'], 'eval("1");\n');
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.out) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(result!.filePath, join(tree.root, '<text>'));
    assert.deepEqual(result!.messages.map((m) => m.ruleId), ['recommended/no-eval']);
  });

  it('uses --stdin-filename for the brand lookup and the report', async () => {
    const r = await cli(['--stdin-filename', 'shop/v.js'], "document.querySelector('.unapproved');\n");
    assert.equal(r.code, 1);
    assert.match(r.out, /^\nshop\/v\.js\n/);
    assert.match(r.out, /Selector not approved by shop/);
  });

  it('rejects paths, --fix and a file name the checker cannot handle, with exit 2', async () => {
    assert.match((await cli(['a.js'], '')).err, /--stdin checks standard input; it takes no paths/);
    assert.match((await cli(['--fix'], '')).err, /--fix cannot write back to standard input/);
    const r = await cli(['--stdin-filename', 'notes.md'], '');
    assert.equal(r.code, 2);
    assert.match(r.err, /--stdin-filename "notes\.md" is not a \.js, \.mjs, \.cjs, \.ts or \.css file/);
  });

  it('exits 2 when there is no standard input to read', async () => {
    const r = await cli([], undefined);
    assert.equal(r.code, 2);
    assert.match(r.err, /no standard input/);
  });
});
