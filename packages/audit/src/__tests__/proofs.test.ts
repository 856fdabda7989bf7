import assert from 'node:assert/strict';
import {
  CompactRange,
  MemoryTree,
  consistencyProof,
  inclusionProof,
  isAuditError,
  rootFromInclusionProof,
  rootHashAt,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type HashSource,
  type NodeId,
} from '../index.js';
import { makeLeaves, prng, refPath, refProof, refRoot } from './reference.js';

const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex);

/** Variants of a valid proof that must all be rejected (after transparency-dev's probes). */
function corruptions(proof: readonly Uint8Array[], extra: Uint8Array): [string, Uint8Array[]][] {
  const out: [string, Uint8Array[]][] = [];
  proof.forEach((p, i) => {
    const flipped = proof.map((q) => Uint8Array.from(q));
    flipped[i]![i % 32] ^= 0x10;
    out.push([`flipped byte in entry ${i}`, flipped]);
  });
  if (proof.length > 0) {
    out.push(['dropped last entry', proof.slice(0, -1)]);
    out.push(['dropped first entry', proof.slice(1)]);
  }
  out.push(['extra trailing entry', [...proof, extra]]);
  out.push(['extra leading entry', [extra, ...proof]]);
  if (proof.length > 1) out.push(['swapped entries', [proof[1]!, proof[0]!, ...proof.slice(2)]]);
  return out;
}

describe('inclusion and consistency proofs', () => {
  it('match the RFC 9162 recursive definitions for every index and size pair up to 40', () => {
    const leaves = makeLeaves(40);
    const tree = MemoryTree.fromLeaves(leaves);
    for (let n = 1; n <= 40; n += 1) {
      const prefix = leaves.slice(0, n);
      assert.equal(toHex(tree.root(n)), toHex(refRoot(prefix)));
      for (let m = 0; m < n; m += 1) assert.deepEqual(hex(tree.inclusionProof(m, n)), hex(refPath(m, prefix)));
      for (let m = 0; m <= n; m += 1) assert.deepEqual(hex(tree.consistencyProof(m, n)), hex(refProof(m, prefix)));
    }
  });

  it('verify for random sizes up to 3000 and reject every altered proof (seed 9162)', () => {
    const random = prng(9162);
    const leaves = makeLeaves(3000);
    const tree = MemoryTree.fromLeaves(leaves);
    const pick = (below: number): number => Math.floor(random() * below);
    for (let round = 0; round < 60; round += 1) {
      const size = 1 + pick(3000);
      const index = pick(size);
      const root = tree.root(size);
      const leafHash = tree.leafHash(index);
      const proof = tree.inclusionProof(index, size);
      verifyInclusion(leafHash, index, size, proof, root);
      for (const [what, bad] of corruptions(proof, root)) {
        assert.throws(() => verifyInclusion(leafHash, index, size, bad, root), isInclusionError, `${what} (${index}/${size})`);
      }
      // The size itself is authenticated by the signed checkpoint, not by the path: a size whose
      // path has the same shape (e.g. size + 1 with the same frontier above the leaf) verifies
      // too, as in every RFC 9162 implementation. Wrong indexes and other heights must not.
      const wrongPlaces: [number, number][] = [
        [index + 1, size],
        [index - 1, size],
        [index ^ 2, size],
        [index, size * 2],
        [index, Math.floor(size / 2)],
      ];
      for (const [i, n] of wrongPlaces) {
        if (i === index && n === size) continue;
        assert.throws(() => verifyInclusion(leafHash, i, n, proof, root), isInclusionError, `moved to ${i}/${n} from ${index}/${size}`);
      }

      const first = pick(size + 1);
      const firstRoot = tree.root(first);
      const cproof = tree.consistencyProof(first, size);
      verifyConsistency(first, size, cproof, firstRoot, root);
      if (cproof.length === 0) continue;
      for (const [what, bad] of corruptions(cproof, firstRoot)) {
        assert.throws(() => verifyConsistency(first, size, bad, firstRoot, root), isConsistencyError, `${what} (${first}→${size})`);
      }
      const wrongSizes: [number, number][] = [
        [first + 1, size],
        [first - 1, size],
        [first, size * 2],
      ];
      for (const [a, b] of wrongSizes) {
        assert.throws(() => verifyConsistency(a, b, cproof, firstRoot, root), isConsistencyError, `sizes ${a}→${b} for ${first}→${size}`);
      }
      assert.throws(() => verifyConsistency(first, size, cproof, root, firstRoot), isConsistencyError, 'swapped roots');
    }
  });

  it('rejects the trivial consistency cases the RFC algorithm leaves out', () => {
    const tree = MemoryTree.fromLeaves(makeLeaves(3));
    const [r0, r1, r2] = [tree.root(0), tree.root(1), tree.root(2)];
    verifyConsistency(0, 0, [], r0, r0);
    verifyConsistency(0, 2, [], r0, r2);
    verifyConsistency(2, 2, [], r2, r2);
    assert.throws(() => verifyConsistency(2, 2, [], r2, r1), isConsistencyError);
    assert.throws(() => verifyConsistency(2, 2, [r0], r2, r2), isConsistencyError);
    assert.throws(() => verifyConsistency(0, 2, [r0], r0, r2), isConsistencyError);
    assert.throws(() => verifyConsistency(2, 1, [], r2, r1), isConsistencyError);
    assert.throws(() => verifyConsistency(1, 2, [], r1, r2), isConsistencyError);
  });

  it('rejects leaf indexes outside the tree and malformed hashes', () => {
    const tree = MemoryTree.fromLeaves(makeLeaves(4));
    const h = tree.leafHash(0);
    assert.throws(() => verifyInclusion(h, 4, 4, [], tree.root()), /not below tree size/);
    assert.throws(() => verifyInclusion(h, 0, 0, [], tree.root(0)), isInclusionError);
    assert.throws(() => verifyInclusion(h.subarray(1), 0, 1, [], h), /32-byte hash/);
    assert.throws(() => rootFromInclusionProof(h, -1, 4, []), isInclusionError);
    assert.throws(() => rootFromInclusionProof(h, 0.5, 4, []), isInclusionError);
    assert.throws(() => tree.inclusionProof(4, 4), (e) => isAuditError(e, 'INVALID_ARGUMENT'));
    assert.throws(() => tree.consistencyProof(3, 2), (e) => isAuditError(e, 'INVALID_ARGUMENT'));
  });

  it('says whether an inclusion proof is too short or too long', () => {
    const tree = MemoryTree.fromLeaves(makeLeaves(8));
    const proof = tree.inclusionProof(3, 8);
    assert.throws(() => verifyInclusion(tree.leafHash(3), 3, 8, proof.slice(1), tree.root()), /too few/);
    assert.throws(() => verifyInclusion(tree.leafHash(3), 3, 8, [...proof, proof[0]!], tree.root()), /too many/);
  });
});

describe('hash source proofs', () => {
  /** An async store that records which nodes each proof read. */
  function asyncStore(tree: MemoryTree): HashSource & { reads: NodeId[][] } {
    const reads: NodeId[][] = [];
    return {
      reads,
      async nodeHashes(ids) {
        reads.push([...ids]);
        await new Promise((resolve) => setImmediate(resolve));
        return tree.nodeHashes(ids);
      },
    };
  }

  it('answers each proof with one batched read of at most 2·log2(n) complete subtrees', async () => {
    const tree = MemoryTree.fromLeaves(makeLeaves(2500));
    const store = asyncStore(tree);
    for (const [index, size] of [[0, 2500], [2499, 2500], [1234, 2047], [1023, 1025]] as const) {
      const proof = await inclusionProof(store, index, size);
      assert.deepEqual(hex(proof), hex(tree.inclusionProof(index, size)));
      assert.equal(store.reads.length, 1);
      assert.ok(store.reads[0]!.length <= 2 * Math.ceil(Math.log2(size)), `${store.reads[0]!.length} reads`);
      store.reads.length = 0;
    }
    assert.deepEqual(hex(await consistencyProof(store, 1000, 2500)), hex(tree.consistencyProof(1000, 2500)));
    assert.equal(toHex(await rootHashAt(store, 1999)), toHex(tree.root(1999)));
    assert.equal(toHex(await rootHashAt(store, 0)), toHex(tree.root(0)));
  });

  it('reports a store that fails or answers the wrong number of hashes as HASH_SOURCE_FAILED', async () => {
    const failing: HashSource = { nodeHashes: () => Promise.reject(new Error('connection reset')) };
    await assert.rejects(inclusionProof(failing, 1, 5), (e) => isAuditError(e, 'HASH_SOURCE_FAILED') && (e.cause as Error).message === 'connection reset');
    const short: HashSource = { nodeHashes: (ids) => ids.slice(1).map(() => new Uint8Array(32)) };
    await assert.rejects(consistencyProof(short, 3, 7), /returned 4 hashes, 5 expected/);
  });
});

describe('CompactRange', () => {
  it('emits every complete subtree exactly once and matches the tree at every size', () => {
    const leaves = makeLeaves(300);
    const tree = MemoryTree.fromLeaves(leaves);
    const range = CompactRange.empty();
    const seen = new Set<string>();
    leaves.forEach((_, i) => {
      for (const record of range.append(tree.leafHash(i))) {
        const key = `${record.level}/${record.index}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
        assert.equal(toHex(record.hash), toHex(tree.nodeHashes([record])[0]!));
      }
      assert.equal(toHex(range.root()), toHex(tree.root(i + 1)));
    });
    // A tree of n leaves has 2n − popcount(n) complete subtrees; 300 = 0b100101100 has 4 bits set.
    assert.equal(seen.size, 2 * 300 - 4);
  });

  it('resumes from a stored frontier as if it had never stopped', () => {
    const tree = MemoryTree.fromLeaves(makeLeaves(77));
    const ids = CompactRange.frontierIds(45);
    const resumed = CompactRange.fromFrontier(45, tree.nodeHashes(ids));
    assert.equal(toHex(resumed.root()), toHex(tree.root(45)));
    for (let i = 45; i < 77; i += 1) resumed.append(tree.leafHash(i));
    assert.equal(toHex(resumed.root()), toHex(tree.root(77)));
    assert.throws(() => CompactRange.fromFrontier(45, []), (e) => isAuditError(e, 'INVALID_ARGUMENT'));
    assert.throws(() => CompactRange.empty().append(new Uint8Array(31)), (e) => isAuditError(e, 'INVALID_HASH'));
  });
});

function isInclusionError(error: unknown): boolean {
  return isAuditError(error, 'INCLUSION_PROOF_INVALID');
}

function isConsistencyError(error: unknown): boolean {
  return isAuditError(error, 'CONSISTENCY_PROOF_INVALID');
}
