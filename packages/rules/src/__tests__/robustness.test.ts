import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, extractSelectors } from '../index.js';
import type { Range } from '../types.js';
import { testBrand } from './__fixtures__/brand.js';

const dir = fileURLToPath(new URL('../../../../examples/northwind/variations/', import.meta.url));
const ordered = (r: Range) => r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);

describe('check on broken and half-typed input', () => {
  it('never throws and always gives ordered ranges, for every truncation and deletion of the examples', () => {
    const brand = testBrand();
    let inputs = 0;
    for (const file of readdirSync(dir)) {
      const text = readFileSync(dir + file, 'utf8');
      for (let i = 0; i < text.length; i += 41) {
        for (const variant of [text.slice(0, i), text.slice(0, i) + text.slice(i + 7), text.slice(i)]) {
          inputs++;
          const { findings } = check({ text: variant, filename: file }, { brand });
          for (const f of findings) assert.ok(ordered(f.range), `${file}@${i}: ${JSON.stringify(f)}`);
          for (const u of extractSelectors({ text: variant, filename: file })) assert.ok(ordered(u.range));
          const parseErrors = findings.filter((f) => f.ruleId === 'recommended/parse-error');
          assert.ok(parseErrors.length === 0 || findings.length === 1, `${file}@${i}: a parse error comes alone`);
        }
      }
    }
    assert.ok(inputs > 500);
  });
});
