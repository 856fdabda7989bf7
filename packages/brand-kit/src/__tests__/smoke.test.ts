import assert from 'node:assert/strict';
import type { Brand } from '@brandsafe/brand-kit';

describe('brand-kit model', () => {
  it('is importable through the workspace source condition', () => {
    const b: Pick<Brand, 'id'> = { id: 'x' };
    assert.equal(b.id, 'x');
  });
});
