import assert from 'node:assert/strict';
import { MemoryTree, isAuditError, verifyCheckpointConsistency, type Checkpoint } from '../index.js';
import { makeLeaves } from './reference.js';

const ORIGIN = 'brandsafe.example/audit/v1';
const leaves = makeLeaves(40);
const tree = MemoryTree.fromLeaves(leaves);
const head = (size: number, t: MemoryTree = tree): Checkpoint => ({ origin: ORIGIN, treeSize: size, rootHash: t.root(size) });
const isCode = (code: string) => (e: unknown) => isAuditError(e) && e.code === code;

describe('verifyCheckpointConsistency', () => {
  it('accepts a log that only grew', () => {
    verifyCheckpointConsistency(head(17), head(40), tree.consistencyProof(17, 40));
    verifyCheckpointConsistency(head(40), head(40), []);
  });

  it('reports a rollback, a fork and another log', () => {
    assert.throws(() => verifyCheckpointConsistency(head(40), head(17), []), isCode('CHECKPOINT_ROLLBACK'));
    // A second history: the same first 20 leaves, then different ones.
    const forked = MemoryTree.fromLeaves([...leaves.slice(0, 20), ...makeLeaves(20).map((l) => Buffer.concat([l, Buffer.from('!')]))]);
    assert.throws(() => verifyCheckpointConsistency(head(30), head(30, forked), []), /two different roots for tree size 30/);
    assert.throws(() => verifyCheckpointConsistency(head(25), head(40, forked), forked.consistencyProof(25, 40)), isCode('CHECKPOINT_FORK'));
    verifyCheckpointConsistency(head(20), head(40, forked), forked.consistencyProof(20, 40));
    assert.throws(() => verifyCheckpointConsistency(head(5), { ...head(9), origin: 'other.example/log' }, []), isCode('CHECKPOINT_ORIGIN_MISMATCH'));
  });
});
