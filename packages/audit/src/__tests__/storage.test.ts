/**
 * The storage scheme end to end: an "integrator" appends with CompactRange and stores only the
 * NodeRecords it returns (here in a Map standing in for the audit_tree_node table), restarts
 * from the stored frontier, and a reader serves proofs and historical roots from those rows.
 */
import assert from 'node:assert/strict';
import {
  CompactRange,
  MemoryTree,
  consistencyProof,
  fromBase64,
  fromHex,
  hashLeaf,
  inclusionProof,
  isAuditError,
  leafHashSource,
  nodeKey,
  rootHashAt,
  toHex,
  type HashSource,
} from '../index.js';
import { makeLeaves, prng } from './reference.js';

describe('complete-subtree storage', () => {
  const leaves = makeLeaves(1500);
  const reference = MemoryTree.fromLeaves(leaves);

  it('serves every proof and root from the rows CompactRange emitted, across a restart', async () => {
    const table = new Map<string, Uint8Array>();
    const store: HashSource = {
      nodeHashes: async (ids) =>
        ids.map((id) => {
          const hash = table.get(nodeKey(id));
          if (!hash) throw new Error(`row ${nodeKey(id)} missing`);
          return hash;
        }),
    };
    let range = CompactRange.empty();
    for (let i = 0; i < leaves.length; i += 1) {
      if (i === 777) {
        // Restart: rebuild the frontier from stored rows only.
        const ids = CompactRange.frontierIds(range.size);
        range = CompactRange.fromFrontier(range.size, await store.nodeHashes(ids));
      }
      for (const record of range.append(hashLeaf(leaves[i]!))) table.set(nodeKey(record), record.hash);
    }
    assert.equal(toHex(range.root()), toHex(reference.root()));
    const random = prng(5);
    for (let k = 0; k < 25; k += 1) {
      const size = 1 + Math.floor(random() * leaves.length);
      const index = Math.floor(random() * size);
      const first = Math.floor(random() * (size + 1));
      assert.equal(toHex(await rootHashAt(store, size)), toHex(reference.root(size)));
      assert.deepEqual((await inclusionProof(store, index, size)).map(toHex), reference.inclusionProof(index, size).map(toHex));
      assert.deepEqual((await consistencyProof(store, first, size)).map(toHex), reference.consistencyProof(first, size).map(toHex));
    }
  });

  it('builds the same proofs from a leaf-hash accessor', async () => {
    const source = leafHashSource((start, end) => Array.from({ length: end - start }, (_, i) => reference.leafHash(start + i)));
    assert.deepEqual((await inclusionProof(source, 1000, 1400)).map(toHex), reference.inclusionProof(1000, 1400).map(toHex));
    assert.deepEqual((await consistencyProof(source, 600, 1499)).map(toHex), reference.consistencyProof(600, 1499).map(toHex));
    const short = leafHashSource(() => []);
    await assert.rejects(inclusionProof(short, 0, 2), (e) => isAuditError(e, 'HASH_SOURCE_FAILED'));
  });
});

describe('strict codecs', () => {
  it('accept only the canonical hex and base64 spelling', () => {
    assert.equal(fromHex('00ff').length, 2);
    for (const bad of ['0', '00FF', '0g', ' 00']) assert.throws(() => fromHex(bad), (e) => isAuditError(e, 'INVALID_HASH'), bad);
    assert.throws(() => fromHex('00', 32), /must be 32 bytes/);
    assert.equal(fromBase64('QQ==').toString(), 'A');
    for (const bad of ['QR==', 'QQ', 'QQ=', 'Q Q==', 'QQ==\n', '-_==']) {
      assert.throws(() => fromBase64(bad), (e) => isAuditError(e, 'INVALID_HASH'), bad);
    }
  });
});
