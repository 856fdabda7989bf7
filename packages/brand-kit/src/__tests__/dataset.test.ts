import assert from 'node:assert/strict';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { IndexedDataset } from '../dataset.js';

const { namedNode: n, literal, quad } = DataFactory;

/** Terms of a foreign RDF/JS factory: plain objects, not n3's classes. */
const foreign = {
  namedNode: (value: string): RDF.NamedNode => ({ termType: 'NamedNode', value, equals: (o) => o?.termType === 'NamedNode' && o.value === value }),
  literal: (value: string): RDF.Literal => {
    const datatype = foreign.namedNode('http://www.w3.org/2001/XMLSchema#string');
    return { termType: 'Literal', value, language: '', direction: '', datatype, equals: (o) => o?.termType === 'Literal' && o.value === value };
  },
};
const s1 = n('http://e/s1');
const s2 = n('http://e/s2');
const p = n('http://e/p');
const q = n('http://e/q');
const o = n('http://e/o');

function sample(): IndexedDataset {
  return new IndexedDataset([
    quad(s1, p, o),
    quad(s1, p, literal('x')),
    quad(s1, q, o),
    quad(s2, p, o),
    quad(s1, p, o), // duplicate
  ]);
}

describe('IndexedDataset', () => {
  it('keeps duplicate quads once', () => {
    assert.equal(sample().size, 4);
  });

  it('answers every pattern shape exactly', () => {
    const ds = sample();
    const count = (...pattern: Parameters<IndexedDataset['match']>): number => ds.match(...pattern).size;
    assert.equal(count(s1), 3);
    assert.equal(count(s1, p), 2);
    assert.equal(count(s1, p, o), 1);
    assert.equal(count(s1, null, o), 2);
    assert.equal(count(null, p), 3);
    assert.equal(count(null, p, o), 2);
    assert.equal(count(null, null, o), 3);
    assert.equal(count(), 4);
    assert.equal(count(n('http://e/none')), 0);
    assert.equal(count(s1, p, literal('y')), 0);
  });

  it('matches terms from another RDF/JS factory by value', () => {
    const ds = sample();
    assert.equal(ds.match(foreign.namedNode('http://e/s1'), foreign.namedNode('http://e/p'), foreign.literal('x')).size, 1);
    assert.equal(ds.has(quad(foreign.namedNode('http://e/s2'), foreign.namedNode('http://e/p'), foreign.namedNode('http://e/o'))), true);
  });

  it('filters by graph when one is given', () => {
    const ds = sample();
    assert.equal(ds.match(s1, p, null, DataFactory.defaultGraph()).size, 2);
    assert.equal(ds.match(s1, p, null, n('http://e/g')).size, 0);
  });

  it('updates lazy object indexes after add and delete', () => {
    const ds = sample();
    assert.equal(ds.match(null, p, o).size, 2);
    ds.add(quad(n('http://e/s3'), p, o));
    assert.equal(ds.match(null, p, o).size, 3);
    assert.equal(ds.match(null, null, o).size, 4);
    ds.delete(quad(s1, p, o));
    assert.equal(ds.match(null, p, o).size, 2);
    assert.equal(ds.match(s1).size, 2);
    assert.equal(ds.size, 4);
    assert.equal(ds.has(quad(s1, p, o)), false);
  });

  it('returns read-only match results that can be matched again', () => {
    const view = sample().match(s1);
    assert.equal(view.match(null, q).size, 1);
    assert.throws(() => view.add());
  });
});
