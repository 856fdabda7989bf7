import assert from 'node:assert/strict';
import { BrandGraph } from '../graph.js';
import { parseTurtle } from '../turtle.js';
import { textAt } from './helpers.js';

const TEXT = `@prefix ex: <http://e/> .
ex:a ex:p ex:b ;
  ex:q "hello" .
ex:b ex:p ex:a .
ex:a ex:r ex:c .
`;

async function graph(): Promise<BrandGraph> {
  const parsed = await parseTurtle(TEXT);
  return new BrandGraph(parsed.quads, parsed.positions, parsed.prefixes);
}

describe('BrandGraph', () => {
  it('lists every occurrence of a subject, the first first', async () => {
    const ranges = (await graph()).subjectLocations('http://e/a');
    assert.deepEqual(ranges.map((r) => r.start.line), [1, 4]);
    assert.equal(textAt(TEXT, ranges[0]!), 'ex:a');
  });

  it('lists every occurrence of a term in any position, in document order', async () => {
    const ranges = (await graph()).termLocations('http://e/a');
    assert.deepEqual(ranges.map((r) => [r.start.line, r.start.character]), [[1, 0], [3, 10], [4, 0]]);
  });

  it('finds the triple and term under a position', async () => {
    const g = await graph();
    const onLiteral = g.quadAt({ line: 2, character: 9 });
    assert.equal(onLiteral?.role, 'object');
    assert.equal(onLiteral?.quad.object.value, 'hello');
    const onPredicate = g.quadAt({ line: 2, character: 3 });
    assert.equal(onPredicate?.role, 'predicate');
    assert.equal(onPredicate?.quad.predicate.value, 'http://e/q');
    const onSubject = g.quadAt({ line: 1, character: 1 });
    assert.equal(onSubject?.role, 'subject');
    assert.equal(onSubject?.quad.predicate.value, 'http://e/p');
    assert.equal(g.quadAt({ line: 0, character: 2 }), undefined);
  });

  it('returns the triples of a subject and predicate with their ranges', async () => {
    const [t] = (await graph()).triples('http://e/a', 'http://e/q');
    assert.equal(textAt(TEXT, t!.object), '"hello"');
  });
});
