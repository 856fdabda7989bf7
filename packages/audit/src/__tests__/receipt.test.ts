import assert from 'node:assert/strict';
import {
  MemoryTree,
  buildReceipt,
  canonicalBytes,
  checkpointJson,
  exportPublicKeyPem,
  generateLogKeyPair,
  signCheckpoint,
  signNote,
  verifyReceipt,
  type JsonValue,
  type Receipt,
  type ReceiptCheck,
} from '../index.js';

const ORIGIN = 'brandsafe.example/audit/v1';
const keys = generateLogKeyPair();
const publicPem = exportPublicKeyPem(keys.publicKey);

const events: JsonValue[] = Array.from({ length: 13 }, (_, i) => ({
  id: `evt_${i}`,
  type: i % 2 === 0 ? 'generation.created' : 'review.approved',
  actor: { id: `usr_${i % 3}`, role: 'reviewer' },
  at: `2026-11-24T14:${String(i).padStart(2, '0')}:00Z`,
  note: i === 7 ? 'Prix réduit — 20 %' : null,
}));
const tree = MemoryTree.fromLeaves(events.map(canonicalBytes));
const signed = signCheckpoint({ origin: ORIGIN, treeSize: tree.size, rootHash: tree.root() }, keys.privateKey, 1_764_000_000);
const checkpoint = checkpointJson(signed, keys.publicKey);

function receiptFor(index: number): Receipt {
  return buildReceipt({ event: events[index]!, leafIndex: index, inclusionProof: tree.inclusionProof(index), checkpoint });
}

/** A receipt's JSON, loosened so tests can break it. */
interface EditableReceipt {
  event: { actor: { role: string } };
  leaf: string;
  leafHash: string;
  leafIndex: number;
  inclusionProof: string[];
  checkpoint?: { treeSize: number; rootHash: string; timestamp: number; logId: string; signature: string; note: string };
}

/** A deep copy of a receipt with one change applied. */
function tampered(change: (r: EditableReceipt & { checkpoint: NonNullable<EditableReceipt['checkpoint']> }) => void, index = 7): unknown {
  const copy = JSON.parse(JSON.stringify(receiptFor(index))) as EditableReceipt & { checkpoint: NonNullable<EditableReceipt['checkpoint']> };
  change(copy);
  return copy;
}

function failedChecks(receipt: unknown, key: string = publicPem): ReceiptCheck[] {
  const result = verifyReceipt(receipt, key);
  assert.equal(result.ok, false, 'receipt should not verify');
  return result.ok ? [] : [...new Set(result.failures.map((f) => f.check))].sort();
}

describe('verifyReceipt', () => {
  it('accepts a receipt for every leaf, also after a JSON round trip', () => {
    for (let i = 0; i < events.length; i += 1) {
      const result = verifyReceipt(JSON.parse(JSON.stringify(receiptFor(i))), publicPem);
      assert.deepEqual(result, { ok: true, origin: ORIGIN, leafIndex: i, treeSize: 13, timestamp: 1_764_000_000 });
    }
    assert.equal(verifyReceipt(receiptFor(0), keys.publicKey, { origin: ORIGIN }).ok, true);
  });

  it('names the canonical-bytes check when the event was edited', () => {
    const receipt = tampered((r) => (r.event.actor.role = 'owner'));
    assert.deepEqual(failedChecks(receipt), ['canonical-bytes']);
    const result = verifyReceipt(receipt, publicPem);
    assert.match(result.ok ? '' : result.failures[0]!.message, /canonical bytes differ from the leaf \(first difference at byte \d+\)/);
  });

  it('catches a replaced leaf at every level it touches', () => {
    const other = receiptFor(3);
    assert.deepEqual(failedChecks(tampered((r) => (r.leaf = other.leaf))), ['canonical-bytes', 'inclusion-proof', 'leaf-hash']);
    assert.deepEqual(failedChecks(tampered((r) => (r.leafHash = other.leafHash))), ['leaf-hash']);
  });

  it('names the inclusion-proof check for an altered proof or index', () => {
    const flip = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);
    assert.deepEqual(failedChecks(tampered((r) => (r.inclusionProof[1] = flip(r.inclusionProof[1]!)))), ['inclusion-proof']);
    assert.deepEqual(failedChecks(tampered((r) => r.inclusionProof.pop())), ['inclusion-proof']);
    assert.deepEqual(failedChecks(tampered((r) => (r.leafIndex = 6))), ['inclusion-proof']);
    const result = verifyReceipt(tampered((r) => r.inclusionProof.push(r.inclusionProof[0]!)), publicPem);
    assert.match(result.ok ? '' : result.failures[0]!.message, /too many/);
  });

  it('checks the checkpoint JSON against the signed note', () => {
    // Leaf 7's path has the same shape at sizes 12 and 13, so only the signed body catches this.
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.treeSize = 12))), ['checkpoint-body']);
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.treeSize = 6))), ['checkpoint-body', 'inclusion-proof']);
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.rootHash = r.leafHash))), ['checkpoint-body', 'inclusion-proof']);
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.timestamp += 60))), ['checkpoint-timestamp']);
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.logId = '00'.repeat(32)))), ['log-id']);
    const otherSig = signCheckpoint({ origin: ORIGIN, treeSize: 12, rootHash: tree.root(12) }, keys.privateKey).signature;
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.signature = Buffer.from(otherSig).toString('base64')))), ['checkpoint-signature']);
  });

  it('names the checkpoint-signature check for a tampered note or the wrong key', () => {
    const edited = tampered((r) => (r.checkpoint.note = r.checkpoint.note.replace('\n13\n', '\n14\n')));
    assert.deepEqual(failedChecks(edited), ['checkpoint-signature']);
    const stranger = exportPublicKeyPem(generateLogKeyPair().publicKey);
    assert.deepEqual(failedChecks(receiptFor(2), stranger), ['checkpoint-signature', 'log-id']);
    const wrongOrigin = verifyReceipt(receiptFor(2), publicPem, { origin: 'other.example/log' });
    assert.deepEqual(wrongOrigin.ok ? [] : wrongOrigin.failures.map((f) => f.check), ['checkpoint-signature']);
  });

  it('names the timestamp check alone when only the cosignature line is missing', () => {
    const stripped = tampered((r) => (r.checkpoint.note = r.checkpoint.note.split('\n').slice(0, -2).join('\n') + '\n'));
    assert.deepEqual(failedChecks(stripped), ['checkpoint-timestamp']);
  });

  it('names the checkpoint-body check for a validly signed note that is not a checkpoint', () => {
    const note = signNote(`${ORIGIN}\n013\n${Buffer.from(tree.root()).toString('base64')}\n`, { name: ORIGIN, privateKey: keys.privateKey });
    assert.deepEqual(failedChecks(tampered((r) => (r.checkpoint.note = note))), ['checkpoint-body']);
  });

  it('reports malformed receipts and keys without throwing', () => {
    assert.deepEqual(failedChecks(null), ['receipt-format']);
    assert.deepEqual(failedChecks({}), ['receipt-format']);
    assert.deepEqual(failedChecks(tampered((r) => delete (r as EditableReceipt).checkpoint)), ['receipt-format']);
    assert.deepEqual(failedChecks(tampered((r) => (r.leaf = 'not base64!'))), ['receipt-format']);
    assert.deepEqual(failedChecks(tampered((r) => (r.inclusionProof[0] = 'XYZ'))), ['receipt-format']);
    assert.deepEqual(failedChecks(receiptFor(0), 'not a key'), ['key']);
    const result = verifyReceipt({ leaf: 1 }, publicPem);
    assert.ok(!result.ok && result.failures.some((f) => f.message === 'receipt.leaf must be a base64 string'));
  });
});
