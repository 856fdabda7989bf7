import assert from 'node:assert/strict';
import type { ApprovedSelector } from '@brandsafe/brand-kit';
import { diffEntities } from '../brands/diff.js';
import { chooseVersion, compareSemver } from '../brands/versioning.js';
import { toApiProblem } from '../brands/problems.js';

const sel = (id: string, css: string, line = 0): ApprovedSelector => ({
  iri: `x#${id}`,
  id,
  css,
  pageTypes: [],
  stability: 'stable',
  location: { range: { start: { line, character: 0 }, end: { line, character: 1 } } },
});

describe('diffEntities', () => {
  it('reports added, removed and changed entities by id, ignoring moved source locations', () => {
    const d = diffEntities([sel('a', '.a'), sel('b', '.b'), sel('c', '.c', 3)], [sel('c', '.c', 40), sel('b', '.B'), sel('d', '.d')]);
    assert.deepEqual(d.added.map((x) => x.id), ['d']);
    assert.deepEqual(d.removed.map((x) => x.id), ['a']);
    assert.deepEqual(d.changed.map((x) => [x.id, x.fields]), [['b', ['css']]]);
  });
});

describe('chooseVersion', () => {
  it('starts at 1.0.0, bumps the patch, and honours a requested or declared higher version', () => {
    assert.equal(chooseVersion(null, undefined, undefined), '1.0.0');
    assert.equal(chooseVersion('1.2.9', undefined, undefined), '1.2.10');
    assert.equal(chooseVersion('1.2.9', undefined, '2.0.0'), '2.0.0');
    assert.equal(chooseVersion('1.2.9', '1.3.0', '9.0.0'), '1.3.0');
  });

  it('refuses a version that does not increase (409) or is not semver (400)', () => {
    assert.throws(() => chooseVersion('1.10.0', '1.9.0', undefined), { code: 'CONFLICT' });
    assert.throws(() => chooseVersion('1.0.0', '1.0.0', undefined), { code: 'CONFLICT' });
    assert.throws(() => chooseVersion(null, 'v1', undefined), { code: 'VALIDATION_FAILED' });
    assert.equal(compareSemver('1.10.0', '1.9.0'), 1);
  });
});

describe('toApiProblem', () => {
  it('turns 0-based LSP ranges into 1-based lines and columns', () => {
    const p = toApiProblem({
      kind: 'shacl',
      severity: 'error',
      message: 'm',
      range: { start: { line: 0, character: 4 }, end: { line: 2, character: 0 } },
      path: 'bs:version',
    });
    assert.deepEqual(p, { kind: 'shacl', severity: 'error', message: 'm', line: 1, column: 5, endLine: 3, endColumn: 1, path: 'bs:version' });
  });
});
