import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { shapesTurtle } from '../assets.js';
import { BS } from '../namespace.js';
import { vocabulary } from '../vocabulary.js';

describe('vocabulary', () => {
  it('gives every bs: term a label and a comment', () => {
    const terms = vocabulary();
    assert.ok(terms.length > 40);
    for (const t of terms) {
      assert.ok(t.label.length > 0, `${t.iri} has a label`);
      assert.ok(t.comment.length > 0, `${t.iri} has a comment`);
    }
  });

  it('classifies classes, properties and individuals, with domains and ranges', () => {
    const byName = new Map(vocabulary().map((t) => [t.localName, t]));
    assert.equal(byName.get('ApprovedSelector')?.kind, 'class');
    assert.equal(byName.get('css')?.kind, 'property');
    assert.deepEqual(byName.get('css')?.domain, [`${BS.iri}ApprovedSelector`]);
    assert.deepEqual(byName.get('pageType')?.domain, [`${BS.iri}ApprovedSelector`, `${BS.iri}Template`, `${BS.iri}TemplateParameter`]);
    assert.deepEqual(byName.get('severity')?.range, [`${BS.iri}Severity`]);
    assert.equal(byName.get('warning')?.kind, 'individual');
    assert.equal(byName.get('warning')?.type, `${BS.iri}Severity`);
    assert.deepEqual(byName.get('SizeBudgetRule')?.superClasses, [`${BS.iri}CodeRule`]);
  });

  it('defines every bs: term the shapes use', () => {
    const known = new Set(vocabulary().map((t) => t.iri));
    const used = new Parser().parse(shapesTurtle())
      .flatMap((q) => [q.subject, q.predicate, q.object])
      .filter((t) => t.termType === 'NamedNode' && t.value.startsWith(BS.iri))
      .map((t) => t.value);
    assert.deepEqual([...new Set(used)].filter((iri) => !known.has(iri)), []);
  });
});
