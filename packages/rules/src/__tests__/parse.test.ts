import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseJs } from '../js/parse.js';

describe('the JavaScript parser (meriyah)', () => {
  it('is installed with patches/meriyah+*.patch applied (npm install runs patch-package)', () => {
    // The patch gives every parse's options object one shape; without it the scanner and parser
    // lose their optimized code again and again during a fresh language server's first checks.
    const dist = dirname(createRequire(import.meta.url).resolve('meriyah'));
    for (const file of ['meriyah.mjs', 'meriyah.cjs']) {
      const source = readFileSync(join(dist, file), 'utf8');
      assert.match(source, /brandsafe patch: every options object gets the same shape/, `${file} is not patched: run npm install (postinstall: patch-package)`);
      assert.doesNotMatch(source, /const options = \{\s*\.\.\.restOptions,/, `${file} still spreads the options`);
    }
  });

  it('still honours the options the checker passes: offsets, comments, web compatibility', () => {
    const parsed = parseJs('// a\nvar x = 1; <!-- html comment is web-compat\n/* b */', false);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.comments.map((c) => c.value), [' a', ' html comment is web-compat', ' b ']);
    const declaration = parsed.program.body[0]!;
    assert.deepEqual([declaration.start, declaration.end], [5, 15]);
    assert.equal('range' in declaration, false);
    assert.equal('loc' in declaration, false);
  });
});
