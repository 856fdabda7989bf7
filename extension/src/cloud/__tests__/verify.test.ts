import assert from 'node:assert/strict';
import { MemoryTree, buildReceipt, canonicalBytes, checkpointJson, exportPublicKeyPem, generateLogKeyPair, signCheckpoint, type JsonValue } from '@brandsafe/audit';
import type { LogKey } from '../api-types';
import { describeOutcome, verifyWithKey } from '../verify';

const ORIGIN = 'brandsafe.test/audit/v1';
const keys = generateLogKeyPair();
const key: LogKey = { publicKey: exportPublicKeyPem(keys.publicKey), logId: '', origin: ORIGIN, verifierKey: '' };
const events: JsonValue[] = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, type: 'generation.transitioned', payload: { note: `n${i}` } }));
const tree = MemoryTree.fromLeaves(events.map(canonicalBytes));
const checkpoint = checkpointJson(signCheckpoint({ origin: ORIGIN, treeSize: tree.size, rootHash: tree.root() }, keys.privateKey, 1_764_000_000), keys.publicKey);
const receipt = buildReceipt({ event: events[3]!, leafIndex: 3, inclusionProof: tree.inclusionProof(3), checkpoint });

describe('verifyWithKey', () => {
  it('verifies a genuine receipt with the log key', () => {
    const outcome = verifyWithKey(receipt, key);
    assert.equal(outcome.ok, true);
    assert.ok(outcome.ok && outcome.leafIndex === 3 && outcome.treeSize === 5 && outcome.eventId === 'e3');
    assert.match(describeOutcome(outcome), /^verified: leaf 3 of a 5-entry log/);
  });

  it('names the failed check when the event was edited', () => {
    const tampered = JSON.parse(JSON.stringify(receipt)) as { event: { payload: { note: string } } };
    tampered.event.payload.note = 'changed';
    const outcome = verifyWithKey(tampered, key);
    assert.equal(outcome.ok, false);
    assert.deepEqual(!outcome.ok && outcome.failures.map((f) => f.check), ['canonical-bytes']);
    assert.match(describeOutcome(outcome), /^FAILED: canonical-bytes: /);
  });

  it('fails against another log key', () => {
    const other = { ...key, publicKey: exportPublicKeyPem(generateLogKeyPair().publicKey) };
    const outcome = verifyWithKey(receipt, other);
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok && outcome.failures.some((f) => f.check === 'checkpoint-signature' || f.check === 'log-id'));
  });

  it('reports a malformed receipt instead of throwing', () => {
    const outcome = verifyWithKey({ nope: true }, key);
    assert.equal(outcome.ok, false);
  });
});
