import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES, check } from '../index.js';
import { testBrand } from './__fixtures__/brand.js';

const docs = fileURLToPath(new URL('../../../../docs/rules/', import.meta.url));
/** Examples that cannot show the rule firing in a few lines. */
const NOT_RUNNABLE = new Set(['brand/size-budget']);

function block(page: string, heading: string): { lang: string; code: string } {
  const m = new RegExp(`## ${heading}\\n\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  assert.ok(m, `no ${heading} example`);
  return { lang: m[1]!, code: m[2]! };
}

describe('docs/rules', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = `${docs}${rule.id}.md`;

      it('has a page with what, why, incorrect and correct code, options and suppression', () => {
        assert.ok(existsSync(file), file);
        const page = readFileSync(file, 'utf8');
        for (const h of ['## What it reports', '## Why', '## Incorrect', '## Correct', '## Options']) assert.ok(page.includes(h), `${rule.id}: ${h}`);
        if (rule.id !== 'recommended/parse-error') assert.ok(page.includes('## How to suppress'), rule.id);
        assert.ok(page.startsWith(`# ${rule.id}\n`));
      });

      if (NOT_RUNNABLE.has(rule.id)) return;
      it('shows code the rule reports, and code it accepts', () => {
        const page = readFileSync(file, 'utf8');
        const options = rule.requiresBrand ? { brand: testBrand() } : {};
        for (const [heading, expected] of [['Incorrect', true], ['Correct', false]] as const) {
          const { lang, code } = block(page, heading);
          const filename = lang === 'css' ? 'example.css' : 'example.js';
          const ids = check({ text: code, filename }, options).findings.map((f) => f.ruleId);
          assert.equal(ids.includes(rule.id), expected, `${heading} example of ${rule.id} gave ${ids.join(', ') || 'nothing'}`);
        }
      });
    });
  }
});
