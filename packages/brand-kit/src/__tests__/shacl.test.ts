import assert from 'node:assert/strict';
import { loadBrand } from '../load.js';
import type { BrandProblem } from '../model.js';
import { cssSelectorError } from '../shacl.js';
import { PREFIXES, textAt } from './helpers.js';

const BRAND = 'ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .\n';
const SH = 'http://www.w3.org/ns/shacl#';

/** The problems of a brand graph with the given extra Turtle, each with the source text it points at. */
async function problems(body: string): Promise<(BrandProblem & { text: string })[]> {
  const text = `${PREFIXES}${BRAND}${body}`;
  return (await loadBrand(text)).problems.map((p) => ({ ...p, text: textAt(text, p.range) }));
}

describe('cssSelectorError', () => {
  it('accepts selectors querySelector accepts', () => {
    for (const css of ['[data-testid="x"]', '.a > .b + .c ~ d', '#main-nav a:not(.active)', 'li:nth-child(2n+1)', 'div:has(> img)', 'a, b']) {
      assert.equal(cssSelectorError(css), undefined, css);
    }
  });

  it('explains selectors that do not parse', () => {
    for (const css of ['', '   ', '[data-x', 'a:hover(', '.a,,.b', 'div >', '> a', 'p:not(']) {
      assert.equal(typeof cssSelectorError(css), 'string', css);
    }
  });
});

describe('brand SHACL shapes', () => {
  it('accept a minimal valid brand', async () => {
    assert.deepEqual(await problems(''), []);
  });

  it('require a semantic version', async () => {
    const text = `${PREFIXES}ex:c a bs:Brand ; bs:name "C" ; bs:domain "c.example" ; bs:version "1.2" .\n`;
    const found = (await loadBrand(text)).problems;
    assert.deepEqual(found.map((p) => [p.constraint, p.range.start.line, textAt(text, p.range)]), [[`${SH}PatternConstraintComponent`, 3, '"1.2"']]);
  });

  it('accept semver pre-release and build metadata', async () => {
    const text = 'ex:c a bs:Brand ; bs:name "C" ; bs:domain "c.example" ; bs:version "1.2.0-rc.1+build.5" .\n';
    assert.deepEqual((await loadBrand(`${PREFIXES}${text}`)).problems, []);
  });

  it('report a second value of a single-valued property at the extra value', async () => {
    const found = await problems('ex:s a bs:ApprovedSelector ; bs:css ".x", ".y" ; bs:stability bs:stable .\n');
    assert.deepEqual(found.map((p) => [p.constraint, p.text]), [[`${SH}MaxCountConstraintComponent`, '".y"']]);
  });

  it('report a page type reference that is not a bs:PageType', async () => {
    const found = await problems('ex:s a bs:ApprovedSelector ; bs:css ".x" ; bs:stability bs:stable ; bs:pageType ex:nowhere .\n');
    assert.deepEqual(found.map((p) => [p.constraint, p.text]), [[`${SH}ClassConstraintComponent`, 'ex:nowhere']]);
  });

  it('require each rule kind to carry its own properties', async () => {
    const found = await problems(`ex:r1 a bs:SizeBudgetRule ; bs:severity bs:error ; bs:message "m" ; bs:maxBytes "big" .
ex:r2 a bs:ForbiddenCallRule ; bs:severity bs:error ; bs:message "m" .
ex:r3 a bs:NetworkAllowlistRule ; bs:severity bs:info ; bs:message "m" ; bs:allowedDomain "*.ok.example", "Not A Host" .
ex:r4 a bs:CodeRule ; bs:severity bs:info ; bs:message "m" .
`);
    assert.deepEqual(found.map((p) => [p.focusNode?.replace(/.*#/, ''), p.constraint?.replace(SH, '')]), [
      ['r1', 'DatatypeConstraintComponent'],
      ['r1', 'MinInclusiveConstraintComponent'],
      ['r2', 'MinCountConstraintComponent'],
      ['r3', 'PatternConstraintComponent'],
      ['r4', 'OrConstraintComponent'],
    ]);
  });

  it('validate template parameters wherever they are written', async () => {
    const found = await problems(`ex:t a bs:Template ; rdfs:label "T" ; bs:testType "banner" ; bs:body "{{x}}" ;
  bs:parameter [ bs:parameterName "x" ; bs:parameterType bs:string ] .
`);
    assert.deepEqual(found.map((p) => [p.constraint?.replace(SH, ''), p.range.start.line, p.text]), [['InConstraintComponent', 5, 'bs:string']]);
  });

  it('require docs links to be http(s) IRIs', async () => {
    const found = await problems('ex:r a bs:ForbiddenCallRule ; bs:severity bs:error ; bs:message "m" ; bs:callee "alert" ; bs:docs "see wiki" .\n');
    assert.deepEqual(found.map((p) => [p.constraint?.replace(SH, ''), p.text]), [
      ['NodeKindConstraintComponent', '"see wiki"'],
      ['PatternConstraintComponent', '"see wiki"'],
    ]);
  });
});
