import type { Position, Range } from '@brandsafe/rules';

/**
 * Position → offset for one text, for ESLint's `fix.range`, which is a pair of string offsets
 * (UTF-16 code units). Line terminators are `\n`, `\r\n` and `\r`, as LSP counts lines.
 */
export class Offsets {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  offset(pos: Position): number {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.starts = starts;
    }
    const line = Math.max(0, Math.min(pos.line, this.starts.length - 1));
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(this.starts[line]! + Math.max(0, pos.character), end);
  }

  span(range: Range): [number, number] {
    return [this.offset(range.start), this.offset(range.end)];
  }
}
