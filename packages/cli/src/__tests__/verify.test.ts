import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateLogKeyPair, exportPublicKeyPem } from '@brandsafe/audit';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { FakeLog } from './helpers/fake-log.js';
import { memoryIo, tempTree } from './helpers/io.js';

describe('brandsafe verify', () => {
  const log = new FakeLog().append(13);
  const receipt = log.receipt(6);
  const tree = tempTree({
    'log-key.pem': `brandsafe audit log key\norigin: x\n${log.publicKeyPem()}`,
    'other-key.pem': exportPublicKeyPem(generateLogKeyPair().publicKey),
    'receipt.json': JSON.stringify(receipt),
    'export.json': JSON.stringify(log.exportFile([3, 8])),
    'not-json.json': '{"event": ',
  });
  after(() => tree.cleanup());
  const write = (name: string, value: unknown) => writeFileSync(join(tree.root, name), JSON.stringify(value));

  async function cli(...argv: string[]) {
    const io = memoryIo(tree.root);
    const code = await run(['verify', ...argv], io, fakeDeps);
    return { code, out: io.out(), err: io.err() };
  }

  it('verifies a receipt with the key file the server publishes and says where the event is', async () => {
    const r = await cli('receipt.json', '--key', 'log-key.pem');
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^receipt\.json: verified: event 00000000-0000-4000-8000-000000000006 is leaf 6 of brandsafe\.test\/audit\/v1 at tree size 13, signed 2026-/);
  });

  it('names the failed check and exits 1 for an altered event, a wrong proof or another key', async () => {
    write('altered.json', { ...receipt, event: { ...(receipt.event as object), actor: 'user:2' } });
    write('bad-proof.json', { ...receipt, inclusionProof: [...receipt.inclusionProof].reverse() });
    const altered = await cli('altered.json', '--key', 'log-key.pem');
    assert.equal(altered.code, 1);
    assert.match(altered.out, /^altered\.json: FAILED canonical-bytes: the event's RFC 8785 canonical bytes differ from the leaf/m);
    const proof = await cli('bad-proof.json', '--key', 'log-key.pem');
    assert.match(proof.out, /FAILED inclusion-proof: /);
    const key = await cli('receipt.json', '--key', 'other-key.pem');
    assert.equal(key.code, 1);
    assert.match(key.out, /FAILED checkpoint-signature: /);
    assert.match(key.out, /FAILED log-id: /);
    assert.equal(key.err, 'brandsafe: 1 of 1 file failed verification.\n');
  });

  it('verifies a compliance export with the pinned key or the key inside it', async () => {
    const pinned = await cli('export.json', '--key', 'log-key.pem');
    assert.equal(pinned.code, 0, pinned.out);
    assert.equal(pinned.out, 'export.json: verified: 13 receipts and 3 checkpoints of brandsafe.test/audit/v1 (tree size 13)\n');
    const alone = await cli('export.json');
    assert.equal(alone.code, 0);
    assert.match(alone.err, /verified with the key inside the export; pass --key/);
  });

  it('reports a forged export: other key, broken consistency chain, a receipt out of range', async () => {
    const x = log.exportFile([3, 8]) as Record<string, unknown> & { consistency: { proof: string[] }[]; receipts: { event: { at: string } }[] };
    x.consistency[1]!.proof = x.consistency[1]!.proof.map(() => '00'.repeat(32));
    x.receipts[2] = { ...x.receipts[2]!, event: { ...x.receipts[2]!.event, at: '2027-01-01T00:00:00.000000Z' } };
    write('forged.json', x);
    const r = await cli('forged.json', '--key', 'log-key.pem');
    assert.equal(r.code, 1);
    assert.match(r.out, /FAILED fork in consistency 2→3: /);
    assert.match(r.out, /FAILED canonical-bytes in receipt 3 \(event 00000000-0000-4000-8000-000000000002\)/);
    assert.match(r.out, /FAILED range in receipt 3 /);
    const other = await cli('export.json', '--key', 'other-key.pem');
    assert.match(other.out, /FAILED key in export: the export embeds a different public key than --key/);
  });

  it('treats a file that is not JSON as a failed receipt, and usage problems as exit 2', async () => {
    const r = await cli('not-json.json', '--key', 'log-key.pem');
    assert.equal(r.code, 1);
    assert.match(r.out, /^not-json\.json: FAILED receipt-format: not JSON/);
    assert.equal((await cli('receipt.json')).code, 2);
    assert.equal((await cli('missing.json', '--key', 'log-key.pem')).code, 2);
    assert.equal((await cli('receipt.json', '--key', 'receipt.json')).code, 2);
    assert.equal((await cli()).code, 2);
  });

  it('prints machine-readable results with --format json', async () => {
    const r = await cli('receipt.json', 'not-json.json', '--key', 'log-key.pem', '--format', 'json');
    const results = JSON.parse(r.out);
    assert.deepEqual(results.map((x: { ok: boolean; kind: string }) => [x.ok, x.kind]), [[true, 'receipt'], [false, 'unknown']]);
  });
});
