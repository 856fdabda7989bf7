/**
 * Incremental appender for a log's Merkle tree (a "compact range" or Merkle frontier, as in
 * transparency-dev/merkle's compact package). It keeps only the ⌈log2 n⌉ complete subtrees that
 * cover [0, n), so an integrator can append a batch, persist the complete subtrees that each
 * append finishes, and sign the new root — without reading the tree back.
 */
import { AuditError } from './error.js';
import { EMPTY_ROOT_HASH, HASH_SIZE, hashChildren } from './hash.js';
import { checkCount, type NodeId } from './node-id.js';
import { rootFromNodes } from './hash-source.js';
import { rootNodes } from './proof-plan.js';

/** A complete subtree and its hash: one row for the store. */
export interface NodeRecord extends NodeId {
  readonly hash: Uint8Array;
}

/** The Merkle frontier of a log: the complete subtrees covering [0, size). */
export class CompactRange {
  #size: number;
  /** Frontier hashes, largest (leftmost) subtree first; levels are the set bits of #size. */
  readonly #hashes: Uint8Array[];
  readonly #levels: number[];

  private constructor(size: number, levels: number[], hashes: Uint8Array[]) {
    this.#size = size;
    this.#levels = levels;
    this.#hashes = hashes;
  }

  /** An empty log. */
  static empty(): CompactRange {
    return new CompactRange(0, [], []);
  }

  /**
   * Restores the frontier of a log of `size` leaves from the stored hashes of
   * {@link CompactRange.frontierIds}(size), in that order (e.g. after a restart).
   * @throws AuditError INVALID_ARGUMENT / INVALID_HASH when the hashes do not fit the size.
   */
  static fromFrontier(size: number, hashes: readonly Uint8Array[]): CompactRange {
    const ids = CompactRange.frontierIds(size);
    if (hashes.length !== ids.length) {
      throw new AuditError('INVALID_ARGUMENT', `a frontier of size ${size} has ${ids.length} hashes, got ${hashes.length}`);
    }
    for (const h of hashes) {
      if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
        throw new AuditError('INVALID_HASH', `frontier hashes must be ${HASH_SIZE} bytes`);
      }
    }
    return new CompactRange(size, ids.map((id) => id.level), hashes.map((h) => Uint8Array.from(h)));
  }

  /** The complete subtrees a log of `size` leaves must read to resume appending. */
  static frontierIds(size: number): NodeId[] {
    return rootNodes(size);
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /**
   * Appends one leaf hash and returns the complete subtrees this append finished: the leaf
   * itself (level 0) and each ancestor whose right-most leaf it is. Store all of them.
   */
  append(leafHash: Uint8Array): NodeRecord[] {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new AuditError('INVALID_HASH', `leaf hash must be ${HASH_SIZE} bytes`);
    }
    checkCount(this.#size + 1, 'tree size');
    let index = this.#size;
    let level = 0;
    let hash: Uint8Array = Uint8Array.from(leafHash);
    const records: NodeRecord[] = [{ level, index, hash }];
    // Merging equal-sized neighbours is binary addition of 1 to the size: carry while the last
    // frontier subtree has the same level as the one just completed.
    while (this.#levels.length > 0 && this.#levels[this.#levels.length - 1] === level) {
      this.#levels.pop();
      hash = hashChildren(this.#hashes.pop()!, hash);
      level += 1;
      index = Math.floor(index / 2);
      records.push({ level, index, hash });
    }
    this.#levels.push(level);
    this.#hashes.push(hash);
    this.#size += 1;
    return records;
  }

  /** Appends several leaf hashes; returns every completed subtree, in completion order. */
  appendAll(leafHashes: Iterable<Uint8Array>): NodeRecord[] {
    const records: NodeRecord[] = [];
    for (const leafHash of leafHashes) records.push(...this.append(leafHash));
    return records;
  }

  /** MTH of the leaves appended so far (the empty-string hash for an empty log). */
  root(): Uint8Array {
    return this.#size === 0 ? EMPTY_ROOT_HASH : rootFromNodes(this.#size, this.#hashes);
  }

  /** The frontier as records (what {@link CompactRange.fromFrontier} takes back). */
  frontier(): NodeRecord[] {
    const ids = CompactRange.frontierIds(this.#size);
    return ids.map((id, i) => ({ ...id, hash: this.#hashes[i]! }));
  }
}
