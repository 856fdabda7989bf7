import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { defaultDeps } from '../deps.js';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { memoryIo } from './helpers/io.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

/** The CLI with the real brand loader (@brandsafe/brand-kit: n3 + SHACL) on small brand files. */
describe('brandsafe with the real brand loader', () => {
  async function cli(argv: string[], rules = fakeDeps.rules) {
    const io = memoryIo(fixtures);
    const code = await run(argv, io, { rules, brandKit: defaultDeps.brandKit });
    return { code, out: io.out(), err: io.err() };
  }

  it('validate exits 0 and prints nothing for a valid brand', async () => {
    assert.deepEqual(await cli(['validate', 'brands/valid.ttl']), { code: 0, out: '', err: '' });
  });

  it('validate prints each SHACL violation at its triple with the constraint component', async () => {
    const r = await cli(['validate', 'brands/shacl.ttl']);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^brands\/shacl\.ttl:9:1: error .*bs:stability.* \[sh:MinCountConstraintComponent\]$/);
    assert.match(lines[1]!, /^brands\/shacl\.ttl:13:10: error .*"div\[\[".* \[bsh:ValidCssConstraintComponent\]$/);
  });

  it('validate prints a Turtle syntax error at the offending token', async () => {
    const r = await cli(['validate', 'brands/syntax.ttl']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^brands\/syntax\.ttl:5:18: error .* \[turtle-syntax\]\n$/);
  });

  it('check runs against a valid brand and exits 0 on a clean file', async () => {
    assert.deepEqual(await cli(['check', 'js', '--brand', 'brands/valid.ttl']), { code: 0, out: '', err: '' });
  });

  it('check exits 2 with file:line:col when the brand has a Turtle syntax error', async () => {
    const r = await cli(['check', 'js', '--brand', 'brands/syntax.ttl']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^brandsafe: Brand file has a Turtle syntax error: brands\/syntax\.ttl:5:18: error /);
  });
});
