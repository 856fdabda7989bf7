/**
 * Compact storage of source ranges. A 100,000-triple brand has 300,000 term positions; as
 * `{start: {line, character}, end: {...}}` objects they cost about a million allocations and most
 * of the parse time in garbage collection. Here a range is four int32s in one growing buffer, and
 * Range objects are made only when someone asks for one.
 */
import type { Range } from './model.js';

export class RangeTable {
  private data = new Int32Array(4096);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Stores a range (0-based lines and characters) and returns its index. */
  push(startLine: number, startCharacter: number, endLine: number, endCharacter: number): number {
    if ((this.count + 1) * 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count * 4;
    this.data[at] = startLine;
    this.data[at + 1] = startCharacter;
    this.data[at + 2] = endLine;
    this.data[at + 3] = endCharacter;
    return this.count++;
  }

  /** The range at an index, as a new object. */
  get(index: number): Range {
    const at = index * 4;
    const d = this.data;
    return { start: { line: d[at]!, character: d[at + 1]! }, end: { line: d[at + 2]!, character: d[at + 3]! } };
  }

  /** Orders two stored ranges by start, then end. */
  compare(a: number, b: number): number {
    const d = this.data;
    const x = a * 4;
    const y = b * 4;
    return d[x]! - d[y]! || d[x + 1]! - d[y + 1]! || d[x + 2]! - d[y + 2]! || d[x + 3]! - d[y + 3]!;
  }

  /** Whether the stored range contains the position (start inclusive, end exclusive). */
  contains(index: number, line: number, character: number): boolean {
    const d = this.data;
    const at = index * 4;
    const afterStart = line > d[at]! || (line === d[at]! && character >= d[at + 1]!);
    const beforeEnd = line < d[at + 2]! || (line === d[at + 2]! && character < d[at + 3]!);
    return afterStart && beforeEnd;
  }
}

/** A growable list of int32s. */
export class IntList {
  private data = new Int32Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}
