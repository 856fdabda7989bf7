import assert from 'node:assert/strict';
import { BoundedMap } from '../bounded-map.js';

describe('BoundedMap', () => {
  it('keeps at most its capacity, dropping the least recently set or touched entry', () => {
    const m = new BoundedMap<string, number>(3);
    m.set('a', 1).set('b', 2).set('c', 3);
    assert.equal(m.touch('a'), 1); // a is now the most recent
    m.set('d', 4); // drops b, the oldest
    assert.deepEqual([...m.keys()], ['c', 'a', 'd']);
    m.set('c', 30); // re-setting moves c to the end, nothing dropped
    assert.deepEqual([...m.entries()], [['a', 1], ['d', 4], ['c', 30]]);
    assert.equal(m.touch('zz'), undefined);
    assert.equal(m.size, 3);
  });
});
