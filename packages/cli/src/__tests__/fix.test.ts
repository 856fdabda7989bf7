import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo, tempTree } from './helpers/io.js';

describe('brandsafe check --fix', () => {
  const tree = tempTree({});
  after(() => tree.cleanup());

  async function cli(argv: string[], deps = fakeDeps) {
    const io = memoryIo(tree.root);
    const code = await run(['check', ...argv], io, deps);
    return { code, out: io.out(), err: io.err() };
  }

  it('applies preferred fixes, writes the file and reports only what is left', async () => {
    const file = join(tree.root, 'a.js');
    writeFileSync(file, 'var x = eval("1");\n// TODO keep\n');
    const r = await cli(['a.js', '--fix', '--format', 'json']);
    assert.equal(readFileSync(file, 'utf8'), 'var x = JSON.parse("1");\n// TODO keep\n');
    assert.equal(r.code, 0);
    const [result] = JSON.parse(r.out) as { messages: { ruleId: string }[]; output?: string }[];
    assert.deepEqual(result!.messages.map((m) => m.ruleId), ['recommended/no-todo']);
    assert.equal(result!.output, 'var x = JSON.parse("1");\n// TODO keep\n');
  });

  it('leaves files untouched without --fix, and omits output', async () => {
    const file = join(tree.root, 'b.js');
    writeFileSync(file, 'eval("1");\n');
    const r = await cli(['b.js', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(file, 'utf8'), 'eval("1");\n');
    assert.equal('output' in (JSON.parse(r.out) as object[])[0]!, false);
  });

  it('fixes with the real checker in worker threads as on the main thread', async () => {
    // recommended/no-string-timer has no fix; the brand's unapproved selector does (nearest approved).
    const brand = readFileSync(new URL('./__fixtures__/brands/valid.ttl', import.meta.url), 'utf8');
    const own = tempTree({
      '.brandsafe/brand.ttl': brand,
      'one.js': "document.querySelector('[data-testid=\"bye\"]').remove();\n",
      'two.js': "document.querySelector('[data-testid=\"bye\"]').remove();\n",
    });
    const original = readFileSync(join(own.root, 'one.js'), 'utf8');
    const contents = () => ['one.js', 'two.js'].map((f) => readFileSync(join(own.root, f), 'utf8'));
    try {
      const inWorkers = await run(['check', 'one.js', 'two.js', '--fix', '--concurrency', '2'], memoryIo(own.root));
      const fixedInWorkers = contents();
      for (const f of ['one.js', 'two.js']) writeFileSync(join(own.root, f), original);
      const here = await run(['check', 'one.js', 'two.js', '--fix'], memoryIo(own.root));
      assert.equal(inWorkers, here);
      assert.deepEqual(fixedInWorkers, contents());
      assert.match(fixedInWorkers[0]!, /data-testid="buy"/);
    } finally {
      own.cleanup();
    }
  });
});
