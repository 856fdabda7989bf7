/**
 * A whole Merkle tree in memory: every complete subtree hash, level by level. It is the
 * reference {@link SyncHashSource} for tests, benchmarks and small offline tools (the CLI can
 * rebuild a compliance export's tree with it); the server reads the same nodes from its database.
 */
import { AuditError } from './error.js';
import { HASH_SIZE, hashChildren, hashLeaf } from './hash.js';
import { assembleProof, planNodeIds, rootFromNodes, type SyncHashSource } from './hash-source.js';
import type { NodeId } from './node-id.js';
import { consistencyPlan, inclusionPlan, rootNodes, type ProofPlan } from './proof-plan.js';

/** An append-only in-memory Merkle tree over leaf hashes. */
export class MemoryTree implements SyncHashSource {
  /** levels[l][i] is the hash of complete subtree (l, i). */
  readonly #levels: Uint8Array[][] = [[]];

  /** A tree of the given leaf bytes (hashed with {@link hashLeaf}). */
  static fromLeaves(leaves: Iterable<Uint8Array>): MemoryTree {
    const tree = new MemoryTree();
    for (const leaf of leaves) tree.appendLeafHash(hashLeaf(leaf));
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#levels[0]!.length;
  }

  /** Appends the leaf with these bytes; returns its index. */
  appendLeaf(leaf: Uint8Array): number {
    return this.appendLeafHash(hashLeaf(leaf));
  }

  /** Appends a leaf hash, completing its ancestors; returns the leaf's index. */
  appendLeafHash(leafHash: Uint8Array): number {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new AuditError('INVALID_HASH', `leaf hash must be ${HASH_SIZE} bytes`);
    }
    const index = this.size;
    this.#levels[0]!.push(leafHash);
    let level = 0;
    let i = index;
    while (i % 2 === 1) {
      const row = this.#levels[level]!;
      const parent = hashChildren(row[i - 1]!, row[i]!);
      level += 1;
      i = (i - 1) / 2;
      (this.#levels[level] ??= []).push(parent);
    }
    return index;
  }

  /** Hash of leaf `index`. */
  leafHash(index: number): Uint8Array {
    return this.nodeHashes([{ level: 0, index }])[0]!;
  }

  /** {@link SyncHashSource}: hashes of complete subtrees. */
  nodeHashes(ids: readonly NodeId[]): Uint8Array[] {
    return ids.map((id) => {
      const hash = this.#levels[id.level]?.[id.index];
      if (hash === undefined) {
        throw new AuditError('HASH_SOURCE_FAILED', `no complete subtree (${id.level}, ${id.index}) in a tree of ${this.size}`);
      }
      return hash;
    });
  }

  /** MTH of the first `size` leaves (default: all). */
  root(size = this.size): Uint8Array {
    this.#checkSize(size);
    return rootFromNodes(size, this.nodeHashes(rootNodes(size)));
  }

  /** Inclusion proof of leaf `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.#checkSize(size);
    return this.#prove(inclusionPlan(index, size));
  }

  /** Consistency proof between the trees of the first `first` and `second` leaves. */
  consistencyProof(first: number, second = this.size): Uint8Array[] {
    this.#checkSize(second);
    return this.#prove(consistencyPlan(first, second));
  }

  #prove(plan: ProofPlan): Uint8Array[] {
    return assembleProof(plan, this.nodeHashes(planNodeIds(plan)));
  }

  #checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new AuditError('INVALID_ARGUMENT', `tree size ${String(size)} is outside 0..${this.size}`);
    }
  }
}
