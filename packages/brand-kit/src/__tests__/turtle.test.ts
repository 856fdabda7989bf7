import assert from 'node:assert/strict';
import { parseTurtle } from '../turtle.js';
import { range, textAt } from './helpers.js';

/** The source text of each triple's subject, predicate and object. */
async function texts(text: string): Promise<string[][]> {
  const parsed = await parseTurtle(text);
  assert.equal(parsed.error, undefined);
  return parsed.quads.map((_, i) => {
    const p = parsed.positions.at(i);
    return [textAt(text, p.subject), textAt(text, p.predicate), textAt(text, p.object)];
  });
}

describe('parseTurtle', () => {
  it('gives each triple the ranges of its own tokens across ; and , abbreviations', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s a ex:C ;\n  ex:p ex:o1, ex:o2 ;\n  ex:q "v" .\n';
    assert.deepEqual((await texts(text)), [
      ['ex:s', 'a', 'ex:C'],
      ['ex:s', 'ex:p', 'ex:o1'],
      ['ex:s', 'ex:p', 'ex:o2'],
      ['ex:s', 'ex:q', '"v"'],
    ]);
  });

  it('covers a literal through its datatype or language tag', async () => {
    const text = 'PREFIX ex: <http://e/>\nex:s ex:p "a"^^ex:dt, "b"@en, 42, true .\n';
    assert.deepEqual((await texts(text)).map((t) => t[2]), ['"a"^^ex:dt', '"b"@en', '42', 'true']);
  });

  it('spans a multi-line string over its lines', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:body """line one\nline two""" .\n';
    const parsed = await parseTurtle(text);
    assert.deepEqual(parsed.positions.at(0).object, range(1, 13, 2, 11));
  });

  it('keeps the outer verb for a triple whose object is a blank node property list', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s a [ a ex:Inner ; ex:r ex:x ] ;\n  ex:after ex:y .\n';
    assert.deepEqual((await texts(text)), [
      ['[', 'a', 'ex:Inner'],
      ['[', 'ex:r', 'ex:x'],
      ['ex:s', 'a', '['],
      ['ex:s', 'ex:after', 'ex:y'],
    ]);
  });

  it('points collection triples at their items and the list object at its first item', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:list ( ex:a "b" ) .\n';
    const t = await texts(text);
    // rdf:first a, rdf:rest, rdf:first "b", rdf:rest nil, then ex:s ex:list (head)
    assert.deepEqual(t.map((x) => x[2]), ['ex:a', '"b"', '"b"', ')', 'ex:a']);
    assert.deepEqual(t[t.length - 1]!.slice(0, 2), ['ex:s', 'ex:list']);
  });

  it('handles a blank node property list as subject', async () => {
    const text = '@prefix ex: <http://e/> .\n[ ex:p ex:o ] ex:q ex:r .\n';
    assert.deepEqual((await texts(text)), [['[', 'ex:p', 'ex:o'], ['[', 'ex:q', 'ex:r']]);
  });

  it('reports the offending token of a grammar error and keeps the triples before it', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:p ex:o .\nex:s ex:p ex:o ex:oops .\n';
    const parsed = await parseTurtle(text);
    assert.equal(parsed.quads.length, 1);
    assert.deepEqual(parsed.error?.range, range(2, 15, 2, 22));
    assert.match(parsed.error!.message, /Expected punctuation/);
  });

  it('reports an undefined prefix at the prefixed name', async () => {
    const parsed = await parseTurtle('ex:s <http://e/p> <http://e/o> .\n');
    assert.deepEqual(parsed.error?.range, range(0, 0, 0, 4));
    assert.match(parsed.error!.message, /Undefined prefix "ex:"/);
  });

  it('reports a lexical error (unterminated string) on its line without throwing', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:p "never closed .\n';
    const parsed = await parseTurtle(text);
    assert.equal(parsed.error?.range.start.line, 1);
    assert.equal(parsed.error?.range.start.character, 10);
  });

  it('collects the declared prefixes', async () => {
    assert.deepEqual((await parseTurtle('@prefix ex: <http://e/> .\nPREFIX x: <http://x/>\n')).prefixes, { ex: 'http://e/', x: 'http://x/' });
  });

  it('resolves relative IRIs against the base IRI and keeps their positions', async () => {
    const text = 'BASE <https://b.example/brand>\nPREFIX ex: <http://e/>\n<#s> ex:p <other> .\n';
    const parsed = await parseTurtle(text);
    assert.equal(parsed.quads[0]!.subject.value, 'https://b.example/brand#s');
    assert.deepEqual((await texts(text)), [['<#s>', 'ex:p', '<other>']]);
  });

  it('keeps relative IRIs as written when there is no base IRI', async () => {
    const parsed = await parseTurtle('<s> <p> <o> .\n', {});
    assert.equal(parsed.error, undefined);
    assert.equal(parsed.quads[0]!.subject.value, 's');
  });

  it('tracks verbs through blank nodes nested in collections', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:items ( [ a ex:Item ] ) ; a ex:List .\n';
    const t = await texts(text);
    assert.deepEqual(t.find((x) => x[2] === 'ex:Item'), ['[', 'a', 'ex:Item']);
    assert.deepEqual(t.find((x) => x[2] === 'ex:List'), ['ex:s', 'a', 'ex:List']);
    assert.deepEqual(t.find((x) => x[1] === 'ex:items')?.[0], 'ex:s');
  });

  it('keeps a subject at its own token when the statement mentions it again', async () => {
    const text = '@prefix ex: <http://e/> .\nex:s ex:p ex:s ;\n  ex:q [ ex:r ex:s ] ;\n  ex:t ex:o .\n';
    const parsed = await parseTurtle(text);
    const starts = parsed.quads.map((_, i) => {
      const p = parsed.positions.at(i);
      return [p.subject.start.line, p.subject.start.character, p.object.start.line, p.object.start.character];
    });
    assert.deepEqual(starts, [
      [1, 0, 1, 10], // ex:s ex:p ex:s: the object is the second ex:s
      [2, 7, 2, 14], // [ ex:r ex:s ]
      [1, 0, 2, 7], // ex:s ex:q [
      [1, 0, 3, 7], // ex:s ex:t ex:o
    ]);
  });
});

