import assert from 'node:assert/strict';
import { LineIndex } from '../index.js';

describe('LineIndex', () => {
  it('maps offsets to positions and back across \\n, \\r\\n and \\r line ends', () => {
    for (const text of ['ab\ncd\n\nef', 'ab\r\ncd\r\n\r\nef', 'ab\rcd\r\ref', 'ab\r\ncd\n\ref']) {
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4, JSON.stringify(text));
      const ef = text.indexOf('ef');
      assert.deepEqual(index.position(ef + 1), { line: 3, character: 1 });
      assert.equal(index.offset({ line: 3, character: 1 }), ef + 1);
      assert.deepEqual(index.position(text.indexOf('cd')), { line: 1, character: 0 });
    }
  });

  it('clamps offsets and positions outside the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.position(-3), { line: 0, character: 0 });
    assert.deepEqual(index.position(99), { line: 1, character: 2 });
    assert.equal(index.offset({ line: 9, character: 9 }), 5);
    assert.equal(index.offset({ line: 0, character: 9 }), 3);
  });

  it('gives the same answers for a text indexed again, and for texts indexed in between', () => {
    const texts = Array.from({ length: 7 }, (_, i) => `line ${i}\n`.repeat(i + 1));
    const first = texts.map((t) => new LineIndex(t).position(t.length - 1));
    const again = texts.map((t) => new LineIndex(t).position(t.length - 1));
    assert.deepEqual(again, first);
    assert.deepEqual(first.map((p) => p.line), [0, 1, 2, 3, 4, 5, 6]);
  });
});
