import assert from 'node:assert/strict';
import { Progress } from '../progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => chunks.push(s) }, chunks };
}

describe('Progress', () => {
  it('draws a counter on a TTY once the delay has passed and erases it when done', () => {
    const { stream, chunks } = sink(true);
    const p = new Progress(stream, 200, 0);
    p.update(5);
    p.done();
    assert.deepEqual(chunks, ['\r\u001b[Kbrandsafe: checked 5/200 files', '\r\u001b[K']);
  });

  it('never writes to a pipe', () => {
    const { stream, chunks } = sink(false);
    const p = new Progress(stream, 200, 0);
    p.update(5);
    p.done();
    assert.deepEqual(chunks, []);
  });

  it('stays silent for a run shorter than the delay', () => {
    const { stream, chunks } = sink(true);
    const p = new Progress(stream, 200, 60_000);
    p.update(5);
    p.done();
    assert.deepEqual(chunks, []);
  });
});
