import type { Position, Range } from './types.js';

/**
 * Line starts of the last text indexed (see {@link LineIndex}). One text, not several: the checker,
 * the fixer and the language server index the same text within one keystroke, which is the reuse
 * worth having. Keeping older texts would only pay when a text comes back (undo, or a benchmark that
 * types and deletes the same character), and that must not be what makes a check fast.
 */
let recent: { text: string; starts: Uint32Array } | undefined;

function computeLineStarts(t: string): Uint32Array {
  const starts: number[] = [0];
  if (t.indexOf('\r') < 0) {
    // The common case: `\n` only, found by the engine's native search instead of a char loop.
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }
  return Uint32Array.from(starts);
}

/**
 * Offset → position conversion, built lazily on the first request so that a clean file (the common
 * case) never pays for it. Offsets are JavaScript string indices, i.e. UTF-16 code units, which is
 * exactly what LSP `Position.character` counts by default (LSP 3.17 §PositionEncodingKind).
 * Line terminators are `\n`, `\r\n` and `\r`, as LSP defines them.
 *
 * Line starts are computed once per text, not once per index: the checker, the fixer and the
 * language server each index the same text for one keystroke, so the last text indexed keeps its
 * line starts (a profile of the CLI showed this scan at 15%).
 */
export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    if (recent?.text !== this.text) recent = { text: this.text, starts: computeLineStarts(this.text) };
    this.starts = recent.starts;
    return recent.starts;
  }

  /** Position of a code-unit offset (clamped to the text). */
  position(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of a position (clamped), the inverse of {@link position}. */
  offset(pos: Position): number {
    const starts = this.lineStarts();
    const line = Math.max(0, Math.min(pos.line, starts.length - 1));
    const lineEnd = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    return Math.min(starts[line]! + Math.max(0, pos.character), lineEnd);
  }

  /** Offset where the given 0-based line starts. */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line, starts.length - 1))]!;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
