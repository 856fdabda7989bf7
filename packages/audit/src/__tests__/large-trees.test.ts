/**
 * Sizes beyond 2^32, where 32-bit bitwise arithmetic would silently break: the proof plans must
 * still cover the tree exactly, and RFC 9162 verification must accept what they prove. A tree
 * whose leaves all have the same hash L makes every complete subtree at level k the same
 * Z_k = H(Z_{k-1}, Z_{k-1}), so a consistent hash source of 2^45 leaves costs 46 hashes.
 */
import assert from 'node:assert/strict';
import {
  consistencyPlan,
  consistencyProof,
  hashChildren,
  inclusionPlan,
  inclusionProof,
  nodeEnd,
  nodeStart,
  rootHashAt,
  sha256,
  verifyConsistency,
  verifyInclusion,
  type HashSource,
  type NodeId,
} from '../index.js';
import { prng } from './reference.js';

const L = sha256(Buffer.from('same leaf'));
const Z: Uint8Array[] = [L];
for (let k = 1; k <= 53; k += 1) Z.push(hashChildren(Z[k - 1]!, Z[k - 1]!));
const uniform: HashSource = { nodeHashes: (ids) => ids.map((id) => Z[id.level]!) };

/** Leaf ranges of nodes, sorted, as [start, end) pairs. */
const ranges = (nodes: readonly NodeId[]): [number, number][] =>
  nodes.map((n): [number, number] => [nodeStart(n), nodeEnd(n)]).sort((a, b) => a[0] - b[0]);

function assertTiles(pieces: [number, number][], size: number, what: string): void {
  let cursor = 0;
  for (const [start, end] of pieces) {
    assert.equal(start, cursor, `${what}: gap or overlap at ${cursor}`);
    cursor = end;
  }
  assert.equal(cursor, size, `${what}: covers ${cursor} of ${size}`);
}

describe('trees beyond 2^32 leaves', () => {
  const random = prng(2 ** 31 - 1);
  const sizes = [2 ** 32, 2 ** 32 + 1, 2 ** 33 + 12345, 2 ** 45 - 1, 2 ** 52 + 3, Number.MAX_SAFE_INTEGER];

  it('plans inclusion proofs whose nodes and the leaf tile [0, size) exactly', () => {
    for (const size of sizes) {
      for (const index of [0, size - 1, Math.floor(random() * size)]) {
        const steps = inclusionPlan(index, size).steps;
        assertTiles(ranges([{ level: 0, index }, ...steps.flat()]), size, `leaf ${index} of ${size}`);
        for (const node of steps.flat()) assert.ok(nodeEnd(node) <= size, 'every node is complete');
      }
    }
  });

  it('plans consistency proofs that extend the old tree to the new one exactly', () => {
    for (const size of sizes) {
      const first = Math.max(1, Math.floor(random() * size));
      const steps = consistencyPlan(first, size).steps;
      const nodes = steps.flat();
      const oldPart = nodes.filter((n) => nodeEnd(n) <= first);
      const newPart = nodes.filter((n) => nodeStart(n) >= first);
      assert.equal(oldPart.length + newPart.length, nodes.length, 'no node straddles the old size');
      // The new nodes continue the old tree up to the new size.
      assertTiles(ranges(newPart).map(([s, e]): [number, number] => [s - first, e - first]), size - first, `${first} → ${size}`);
    }
  });

  it('verifies inclusion and consistency proofs at those sizes', async () => {
    for (const size of sizes.filter((s) => s <= 2 ** 53 - 1)) {
      const root = await rootHashAt(uniform, size);
      const index = Math.floor(random() * size);
      verifyInclusion(L, index, size, await inclusionProof(uniform, index, size), root);
      const first = Math.max(1, Math.floor(random() * size));
      const proof = await consistencyProof(uniform, first, size);
      verifyConsistency(first, size, proof, await rootHashAt(uniform, first), root);
      assert.throws(() => verifyConsistency(first, size, proof.slice(1), Z[0]!, root));
    }
  });
});
