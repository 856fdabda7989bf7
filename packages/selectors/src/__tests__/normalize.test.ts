import assert from 'node:assert/strict';
import { normalizeSelector } from '../index.js';

describe('normalizeSelector', () => {
  it('collapses whitespace and spaces combinators evenly', () => {
    assert.equal(normalizeSelector('  .a   >.b~ .c+.d   .e '), '.a > .b ~ .c + .d .e');
    assert.equal(normalizeSelector('a\n\tb'), 'a b');
  });

  it('double-quotes attribute values and keeps the case flag', () => {
    assert.equal(normalizeSelector("[data-testid='add-to-cart-button']"), '[data-testid="add-to-cart-button"]');
    assert.equal(normalizeSelector('[data-testid=add-to-cart-button]'), '[data-testid="add-to-cart-button"]');
    assert.equal(normalizeSelector("[type='email' i]"), '[type="email" i]');
  });

  it('lower-cases element and attribute names but not classes, ids or values', () => {
    assert.equal(normalizeSelector('DIV.Hero#Main[DATA-TESTID="X"]'), 'div.Hero#Main[data-testid="X"]');
    assert.equal(normalizeSelector(':NOT(LI.Active)::BEFORE'), ':not(li.Active)::before');
  });

  it('drops comments', () => {
    assert.equal(normalizeSelector('/* hero */ .hero  /* title */ > h1'), '.hero > h1');
  });

  it('keeps the order of a selector list', () => {
    assert.equal(normalizeSelector('.b,.a ,  #c'), '.b, .a, #c');
  });

  it('canonicalises An+B arguments', () => {
    assert.equal(normalizeSelector('li:NTH-CHILD( 2N + 1 )'), 'li:nth-child(2n+1)');
    assert.equal(normalizeSelector(':nth-child(odd of  LI.x )'), ':nth-child(odd of li.x)');
  });

  it('drops a universal selector that a compound makes redundant', () => {
    assert.equal(normalizeSelector('*.a > *[href]'), '.a > [href]');
    assert.equal(normalizeSelector('* > a'), '* > a');
  });

  it('makes equivalent spellings compare equal', () => {
    const spellings = ["ul.nav>li[data-x='1']", 'UL.nav > LI[data-x="1"]', ' ul.nav  >  li[DATA-X=\'1\'] '];
    assert.equal(new Set(spellings.map(normalizeSelector)).size, 1);
  });

  it('keeps escapes that the selector needs', () => {
    assert.equal(normalizeSelector('.md\\:flex'), '.md\\:flex');
  });

  it('returns invalid text trimmed with whitespace collapsed, not repaired', () => {
    assert.equal(normalizeSelector('  .a   >  '), '.a >');
    assert.equal(normalizeSelector(''), '');
  });
});
