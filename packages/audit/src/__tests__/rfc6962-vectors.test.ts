/**
 * The published RFC 6962 reference vectors, from transparency-dev/merkle (Apache-2.0):
 *   - testonly/constants.go: LeafInputs, NodeHashes, RootHashes (sizes 0–8), EmptyRootHash
 *   - testonly/reference_test.go: TestRefInclusionProof, TestRefConsistencyProof
 *   - proof/verify_test.go: inclusionProofs (1-based leaf numbers), consistencyProofs
 * https://github.com/transparency-dev/merkle — the same vectors Trillian and Certificate
 * Transparency clients test against.
 */
import assert from 'node:assert/strict';
import {
  CompactRange,
  MemoryTree,
  fromHex,
  hashLeaf,
  merkleTreeHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '../index.js';

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (h) => fromHex(h),
);

const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** NodeHashes(): [level][index] for the complete subtrees of the 8-leaf tree. */
const NODES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];

/** Inclusion vectors, leaf index 0-based (verify_test.go lists them 1-based). */
const INCLUSION: { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  { index: 0, size: 2, proof: [NODES[0]![1]!] },
  { index: 1, size: 2, proof: [NODES[0]![0]!] },
  { index: 2, size: 3, proof: [NODES[1]![0]!] },
  { index: 1, size: 5, proof: [NODES[0]![0]!, NODES[1]![1]!, NODES[0]![4]!] },
  { index: 0, size: 8, proof: [NODES[0]![1]!, NODES[1]![1]!, NODES[2]![1]!] },
  { index: 5, size: 8, proof: [NODES[0]![4]!, NODES[1]![3]!, NODES[2]![0]!] },
  { index: 6, size: 8, proof: [NODES[0]![7]!, NODES[1]![2]!, NODES[2]![0]!] },
];

const CONSISTENCY: { first: number; second: number; proof: string[] }[] = [
  { first: 1, second: 1, proof: [] },
  { first: 1, second: 8, proof: [NODES[0]![1]!, NODES[1]![1]!, NODES[2]![1]!] },
  { first: 2, second: 5, proof: [NODES[1]![1]!, NODES[0]![4]!] },
  { first: 6, second: 8, proof: [NODES[1]![2]!, NODES[1]![3]!, NODES[2]![0]!] },
  { first: 6, second: 7, proof: [NODES[1]![2]!, NODES[0]![6]!, NODES[2]![0]!] },
];

const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex);

describe('RFC 6962 reference vectors', () => {
  const tree = MemoryTree.fromLeaves(LEAVES);

  it('computes the root of every prefix size 0–8', () => {
    for (let size = 0; size <= 8; size += 1) {
      assert.equal(toHex(merkleTreeHash(LEAVES.slice(0, size))), ROOTS[size], `MTH size ${size}`);
      assert.equal(toHex(tree.root(size)), ROOTS[size], `MemoryTree.root(${size})`);
    }
  });

  it('stores exactly the published complete-subtree hashes', () => {
    NODES.forEach((row, level) =>
      row.forEach((h, index) => assert.equal(toHex(tree.nodeHashes([{ level, index }])[0]!), h, `node ${level}/${index}`)),
    );
  });

  it('yields the published compact frontier after each append', () => {
    const range = CompactRange.empty();
    LEAVES.forEach((leaf, i) => {
      range.append(hashLeaf(leaf));
      assert.equal(toHex(range.root()), ROOTS[i + 1]);
    });
    assert.deepEqual(hex(range.frontier().map((r) => r.hash)), [NODES[3]![0]]);
  });

  for (const v of INCLUSION) {
    it(`generates and verifies the inclusion proof of leaf ${v.index} in size ${v.size}`, () => {
      assert.deepEqual(hex(tree.inclusionProof(v.index, v.size)), v.proof);
      const proof = v.proof.map((h) => fromHex(h, 32));
      verifyInclusion(hashLeaf(LEAVES[v.index]!), v.index, v.size, proof, fromHex(ROOTS[v.size]!, 32));
    });
  }

  for (const v of CONSISTENCY) {
    it(`generates and verifies the consistency proof from ${v.first} to ${v.second}`, () => {
      assert.deepEqual(hex(tree.consistencyProof(v.first, v.second)), v.proof);
      const proof = v.proof.map((h) => fromHex(h, 32));
      verifyConsistency(v.first, v.second, proof, fromHex(ROOTS[v.first]!, 32), fromHex(ROOTS[v.second]!, 32));
    });
  }
});
