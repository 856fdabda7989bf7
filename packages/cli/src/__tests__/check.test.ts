import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo, tempTree } from './helpers/io.js';

const ESC = '\u001b';

describe('brandsafe check', () => {
  const tree = tempTree({
    'clean.js': 'const a = 1;\n',
    'bad.js': 'eval("1");\n',
    'warn.ts': '// TODO later\n// TODO again\n',
    'hint.css': '/* hint */\n',
    'readme.md': 'eval(\n',
    'node_modules/pkg/index.js': 'eval("x");\n',
    'dist/out.js': 'eval("x");\n',
    'binary.js': Buffer.from([0x65, 0x76, 0x00, 0x01]),
    'big.js': 'x'.repeat(2048),
    'bom.js': '\uFEFFeval("1");\n',
    'shop-a/.brandsafe/brand.ttl': 'brand shop-a\n',
    'shop-a/pages/cart/v1.js': 'document.querySelector(".unapproved");\n',
    'shop-b/.brandsafe/brand.ttl': 'brand shop-b\n',
    'shop-b/v2.js': 'document.querySelector(".unapproved");\n',
    'broken/.brandsafe/brand.ttl': 'x\ny\nsyntax-error\n',
    'broken/v.js': 'const ok = 1;\n',
    'shacl/.brandsafe/brand.ttl': 'brand shacl-brand shacl\n',
    'shacl/v.js': 'const ok = 1;\n',
  });
  after(() => tree.cleanup());

  async function cli(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
    const io = memoryIo(tree.root, options);
    const code = await run(['check', ...argv], io, fakeDeps);
    return { code, out: io.out(), err: io.err() };
  }
  const json = (out: string) => JSON.parse(out) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
  const names = (out: string) => json(out).map((r) => r.filePath.slice(tree.root.length + 1)).sort();

  it('exits 0 and prints nothing for a clean file checked against a brand', async () => {
    assert.deepEqual(await cli(['clean.js', '--brand', 'shop-a/.brandsafe/brand.ttl']), { code: 0, out: '', err: '' });
  });

  it('exits 1 when a file has an error', async () => {
    const r = await cli(['bad.js']);
    assert.equal(r.code, 1);
    assert.match(r.out, /bad\.js\n {2}1:1 {2}error {2}eval\(\) runs arbitrary code {2}recommended\/no-eval/);
  });

  it('exits 0 with warnings and 1 once they pass --max-warnings', async () => {
    assert.equal((await cli(['warn.ts'])).code, 0);
    assert.equal((await cli(['warn.ts', '--max-warnings', '2'])).code, 0);
    const over = await cli(['warn.ts', '--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.match(over.err, /too many warnings \(2\); maximum allowed is 1/);
  });

  it('does not count info findings against --max-warnings', async () => {
    assert.equal((await cli(['hint.css', '--max-warnings', '0'])).code, 0);
  });

  it('applies --rule overrides, including off', async () => {
    assert.equal((await cli(['bad.js', '--rule', 'recommended/no-eval=off'])).code, 0);
    assert.equal((await cli(['warn.ts', '--rule', 'recommended/no-todo=error'])).code, 1);
  });

  it('checks the source files of the current directory by default, ignoring node_modules and dist', async () => {
    const own = tempTree({
      'a.js': '', 'b.mjs': '', 'c.cjs': '', 'd.ts': '', 'e.css': '', 'sub/f.js': '', 'g.md': '', 'h.jsx.txt': '',
      'node_modules/pkg/index.js': '', 'dist/out.js': '', 'sub/dist/out.css': '',
    });
    try {
      const io = memoryIo(own.root);
      assert.equal(await run(['check', '--format', 'json'], io, fakeDeps), 0);
      const checked = (JSON.parse(io.out()) as { filePath: string }[]).map((r) => r.filePath.slice(own.root.length + 1));
      assert.deepEqual(checked, ['a.js', 'b.mjs', 'c.cjs', 'd.ts', 'e.css', 'sub/f.js']);
    } finally {
      own.cleanup();
    }
  });

  it('expands globs and directories', async () => {
    assert.deepEqual(names((await cli(['--format', 'json', '*.ts', 'shop-a'])).out), ['shop-a/pages/cart/v1.js', 'warn.ts']);
  });

  it('exits 2 when the current directory has no file to check', async () => {
    const empty = tempTree({ 'notes.md': '# nothing to check\n' });
    try {
      const io = memoryIo(empty.root);
      assert.equal(await run(['check'], io, fakeDeps), 2);
      assert.equal(io.err(), 'brandsafe: No .js, .mjs, .cjs, .ts, .css files were found in the current directory.\n');
    } finally {
      empty.cleanup();
    }
  });

  it('exits 2 when a pattern matches no file', async () => {
    const r = await cli(['nothing/*.js']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: No files matching the pattern "nothing/*.js" were found.\n');
  });

  it('skips binary, oversized and unsupported files with a note', async () => {
    const r = await cli(['binary.js', 'big.js', 'readme.md', '--max-file-size', '1024']);
    assert.equal(r.code, 0);
    assert.match(r.out, /binary\.js: skipped: binary file/);
    assert.match(r.out, /big\.js: skipped: 2048 bytes is over the 1024-byte limit \(--max-file-size\)/);
    assert.match(r.out, /readme\.md: skipped: not a \.js, \.mjs, \.cjs, \.ts or \.css file/);
  });

  it('reports columns without the byte-order mark, as an editor does', async () => {
    const [result] = JSON.parse((await cli(['bom.js', '--format', 'json'])).out) as { messages: { column: number }[] }[];
    assert.equal(result!.messages[0]!.column, 1);
  });

  it('finds each file\'s nearest brand, so files in different trees use different brands', async () => {
    const r = json((await cli(['shop-a', 'shop-b', '--format', 'json'])).out);
    assert.deepEqual(r.map((f) => f.messages[0]!.message), ['Selector not approved by shop-a.', 'Selector not approved by shop-b.']);
  });

  it('loads each brand file once however many files use it', async () => {
    const before = fakeDeps.brandLoads;
    await cli(['shop-a', 'shop-a/pages/cart/v1.js', '--format', 'json', '--brand', 'shop-b/.brandsafe/brand.ttl']);
    assert.equal(fakeDeps.brandLoads - before, 1);
  });

  it('uses --brand for every file when given', async () => {
    const r = json((await cli(['shop-a', '--brand', 'shop-b/.brandsafe/brand.ttl', '--format', 'json'])).out);
    assert.equal(r[0]!.messages[0]!.message, 'Selector not approved by shop-b.');
  });

  it('runs brand-free rules without a brand and says which rules it skipped, in the stylish report', async () => {
    const r = await cli(['bad.js']);
    assert.match(r.out, /note: skipped 1 rule in 1 file: brand\/unapproved-selector — no brand graph/);
    assert.equal(r.err, '');
  });

  it('prints notes to stderr for json and sarif so stdout stays parseable', async () => {
    for (const format of ['json', 'sarif']) {
      const r = await cli(['bad.js', '--format', format]);
      assert.doesNotThrow(() => JSON.parse(r.out));
      assert.match(r.err, /skipped 1 rule in 1 file: brand\/unapproved-selector/);
    }
  });

  it('exits 2 with the file:line:col of a Turtle syntax error in a found brand file', async () => {
    const r = await cli(['broken/v.js']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Brand file has a Turtle syntax error: broken/.brandsafe/brand.ttl:3:5: error Unexpected "." [turtle-syntax]\n');
  });

  it('exits 2 when the --brand file cannot be read', async () => {
    const r = await cli(['clean.js', '--brand', 'missing.ttl']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'brandsafe: Cannot read brand file missing.ttl (ENOENT).\n');
  });

  it('checks against a brand with SHACL problems and warns about them', async () => {
    const r = await cli(['shacl/v.js']);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning: shacl\/\.brandsafe\/brand\.ttl: brand graph has 1 problem; run "brandsafe validate"/);
  });

  it('warns when --page-type names a page type the brand does not declare', async () => {
    const r = await cli(['clean.js', '--brand', 'shop-a/.brandsafe/brand.ttl', '--page-type', 'cart']);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning: shop-a\/\.brandsafe\/brand\.ttl: page type "cart" is not declared by shop-a \(declared: none\)/);
  });

  it('writes the report to --output and keeps stdout empty', async () => {
    const out = join(tree.root, 'report.sarif');
    const r = await cli(['bad.js', '--format', 'sarif', '--output', 'report.sarif']);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.ok(existsSync(out));
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version, '2.1.0');
  });

  it('colours stylish output on a TTY and not with NO_COLOR', async () => {
    assert.ok((await cli(['bad.js'], { tty: true })).out.includes(`${ESC}[31merror`));
    assert.ok(!(await cli(['bad.js'], { tty: true, env: { NO_COLOR: '1' } })).out.includes(ESC));
    assert.ok(!(await cli(['bad.js'])).out.includes(ESC));
  });
});
