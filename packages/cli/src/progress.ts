import type { OutStream } from './io.js';

/**
 * A one-line "checked 120/200 files" counter on stderr, for long runs on a terminal only: it
 * appears after a delay (short runs print nothing extra), redraws at most every 100 ms, and erases
 * itself before the report is printed. On a pipe or in CI it never writes.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    private readonly delayMs = 1000,
  ) {}

  update(done: number): void {
    if (this.stream.isTTY !== true) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[Kbrandsafe: checked ${done}/${this.total} files`);
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
