/**
 * Benchmark of @brandsafe/audit (issue 5, "Speed"): node's raw SHA-256 rate — the physical limit
 * for building a Merkle tree, 2 hashes per leaf — next to the tree build rate, proof generation
 * and verification on a 1,000,000-leaf tree, and checkpoint signing/verification.
 * Run: node --import tsx --conditions source scripts/bench/audit.ts
 */
import { createHash, hash, sign, verify } from 'node:crypto';
import {
  CompactRange,
  MemoryTree,
  canonicalBytes,
  checkpointJson,
  buildReceipt,
  exportPublicKeyPem,
  generateLogKeyPair,
  hashLeaf,
  signCheckpoint,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  verifyReceipt,
} from '@brandsafe/audit';

const rows: [string, string, string][] = [];
const row = (what: string, value: string, reference = ''): number => rows.push([what, value, reference]);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Operations per second of `fn` over about `ms` milliseconds. */
function rate(fn: () => void, ms = 1000): number {
  for (let i = 0; i < 1000; i += 1) fn();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i += 1) fn();
    count += 1000;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

/** Median and p99 in µs of `fn(i)` timed one call at a time. */
function latency(samples: number, fn: (i: number) => void): { median: number; p99: number } {
  for (let i = 0; i < Math.min(200, samples); i += 1) fn(i);
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i += 1) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  times.sort();
  return { median: times[Math.floor(samples / 2)]!, p99: times[Math.floor(samples * 0.99)]! };
}
const us = (l: { median: number; p99: number }): string => `${fmt(l.median, 1)} µs median, ${fmt(l.p99, 1)} µs p99`;

// 1. Raw SHA-256 on 64-byte inputs (an interior node hashes 65 bytes).
const input = Buffer.alloc(64, 7);
const rawRate = rate(() => hash('sha256', input, 'buffer'));
row('SHA-256, 64-byte input, crypto.hash', `${fmt(rawRate)} /s`, 'physical limit');
row('SHA-256, 64-byte input, createHash', `${fmt(rate(() => createHash('sha256').update(input).digest()))} /s`, 'peer API');

// 2. Tree build, 2^20 leaves: CompactRange (what an integrator runs) and MemoryTree (all nodes kept).
const N = 2 ** 20;
const leafHashes: Buffer[] = new Array(N);
let t0 = performance.now();
for (let i = 0; i < N; i += 1) {
  const leaf = Buffer.allocUnsafe(48);
  leaf.writeUInt32BE(i, 0);
  leafHashes[i] = hashLeaf(leaf);
}
const leafHashing = N / ((performance.now() - t0) / 1000);
row('leaf hashing, 48-byte leaves', `${fmt(leafHashing)} leaves/s`);
t0 = performance.now();
const range = CompactRange.empty();
let stored = 0;
for (const h of leafHashes) stored += range.append(h).length;
const compactSeconds = (performance.now() - t0) / 1000;
row('CompactRange append, 2^20 leaf hashes', `${fmt(N / compactSeconds)} leaves/s`, `limit ≈ ${fmt(rawRate)} (1 node hash/leaf)`);
row('  complete subtrees emitted to store', fmt(stored), `= 2n − 1 = ${fmt(2 * N - 1)}`);
t0 = performance.now();
const tree = new MemoryTree();
for (const h of leafHashes) tree.appendLeafHash(h);
const memorySeconds = (performance.now() - t0) / 1000;
row('MemoryTree build, 2^20 leaf hashes', `${fmt(N / memorySeconds)} leaves/s`, `${fmt(memorySeconds, 2)} s total`);
row('  same, incl. leaf hashing', `${fmt(N / (memorySeconds + N / leafHashing))} leaves/s`, `limit ≈ ${fmt(rawRate / 2)} (2 hashes/leaf)`);

// 3. Proofs on the 1,000,000-leaf prefix of that tree.
const SIZE = 1_000_000;
const root = tree.root(SIZE);
const indexes = Array.from({ length: 10_000 }, (_, i) => Math.floor(((i * 7919 + 13) % 10_000) * (SIZE / 10_000)));
const proofs = indexes.map((i) => tree.inclusionProof(i, SIZE));
row('inclusion proof generation (memory)', us(latency(indexes.length, (i) => tree.inclusionProof(indexes[i]!, SIZE))));
row(
  'inclusion proof verification, 1M leaves',
  us(latency(indexes.length, (i) => verifyInclusion(leafHashes[indexes[i]!]!, indexes[i]!, SIZE, proofs[i]!, root))),
  'goal < 50 µs',
);
const firsts = indexes.map((i) => Math.max(1, i));
const roots = firsts.slice(0, 2000).map((m) => tree.root(m));
const cproofs = firsts.slice(0, 2000).map((m) => tree.consistencyProof(m, SIZE));
row(
  'consistency proof verification, m → 1M',
  us(latency(roots.length, (i) => verifyConsistency(firsts[i]!, SIZE, cproofs[i]!, roots[i]!, root))),
);

// 4. Checkpoints and receipts.
const keys = generateLogKeyPair();
const cp = { origin: 'brandsafe.example/audit/v1', treeSize: SIZE, rootHash: root };
const signed = signCheckpoint(cp, keys.privateKey);
const msg = Buffer.from('brandsafe.example/audit/v1\n1000000\n' + Buffer.from(root).toString('base64') + '\n');
const rawSig = sign(null, msg, keys.privateKey);
row('Ed25519 sign (raw)', us(latency(2000, () => sign(null, msg, keys.privateKey))), 'peer: node:crypto');
row('Ed25519 verify (raw)', us(latency(2000, () => verify(null, msg, keys.publicKey, rawSig))), 'peer: node:crypto');
row('signCheckpoint (note sig + timestamp cosig)', us(latency(2000, () => signCheckpoint(cp, keys.privateKey))));
row('verifyCheckpoint (parse + 2 verifies)', us(latency(2000, () => verifyCheckpoint(signed.note, keys.publicKey))));

const event = { id: 'evt_1', type: 'review.approved', actor: { id: 'usr_1', role: 'reviewer' }, at: '2026-11-24T14:00:00Z' };
const small = MemoryTree.fromLeaves([canonicalBytes(event), ...Array.from({ length: 999 }, (_, i) => Buffer.from(String(i)))]);
const smallSigned = signCheckpoint({ ...cp, treeSize: small.size, rootHash: small.root() }, keys.privateKey);
const receipt = buildReceipt({ event, leafIndex: 0, inclusionProof: small.inclusionProof(0), checkpoint: checkpointJson(smallSigned, keys.publicKey) });
const pem = exportPublicKeyPem(keys.publicKey);
row('verifyReceipt (PEM import, JCS, proof, note)', us(latency(2000, () => verifyReceipt(receipt, pem))));

const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length), ['measure', 'figure', 'reference'][c]!.length));
const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
console.log(`@brandsafe/audit — node ${process.version}, ${new Date().toISOString()}`);
console.log(line(['measure', 'figure', 'reference']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
