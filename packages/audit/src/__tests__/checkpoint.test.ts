import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import {
  MemoryTree,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  formatCheckpoint,
  generateLogKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  isAuditError,
  logId,
  noteKeyId,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  formatVerifierKey,
  signCheckpoint,
  toBase64,
  toHex,
  verifyCheckpoint,
  verifyNote,
  SIG_TYPE_COSIGNATURE_ED25519,
} from '../index.js';
import { makeLeaves } from './reference.js';

const ORIGIN = 'brandsafe.example/audit/v1';
const keys = generateLogKeyPair();
const tree = MemoryTree.fromLeaves(makeLeaves(11));
const checkpoint = { origin: ORIGIN, treeSize: 11, rootHash: tree.root() };
const isCode = (code: string) => (e: unknown) => isAuditError(e) && e.code === code;

describe('checkpoints', () => {
  it('formats the C2SP tlog-checkpoint body', () => {
    assert.equal(formatCheckpoint(checkpoint), `${ORIGIN}\n11\n${toBase64(tree.root())}\n`);
    const empty = formatCheckpoint({ origin: ORIGIN, treeSize: 0, rootHash: tree.root(0) });
    assert.equal(empty, `${ORIGIN}\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`);
  });

  it('signs, parses and verifies a checkpoint with its timestamp', () => {
    const signed = signCheckpoint(checkpoint, keys.privateKey, 1_764_000_000);
    const verified = verifyCheckpoint(signed.note, keys.publicKey, ORIGIN);
    assert.equal(verified.checkpoint.treeSize, 11);
    assert.equal(toHex(verified.checkpoint.rootHash), toHex(tree.root()));
    assert.equal(verified.timestamp, 1_764_000_000);
    assert.equal(toHex(verified.signature), toHex(signed.signature));
    // Without an expected origin, the note's own origin line names the key.
    assert.equal(verifyCheckpoint(signed.note, keys.publicKey).checkpoint.origin, ORIGIN);
  });

  it('is readable by plain signed-note verifiers, which ignore the cosignature line', () => {
    const signed = signCheckpoint(checkpoint, keys.privateKey, 42);
    const lines = parseNote(signed.note).signatures;
    assert.equal(lines.length, 2);
    assert.equal(toHex(lines[1]!.keyId), toHex(noteKeyId(ORIGIN, keys.publicKey, SIG_TYPE_COSIGNATURE_ED25519)));
    assert.equal(lines[1]!.signature.length, 8 + 64);
    assert.equal(Buffer.from(lines[1]!.signature).readBigUInt64BE(0), 42n);
    const vkey = parseVerifierKey(formatVerifierKey(ORIGIN, keys.publicKey));
    assert.equal(verifyNote(signed.note, vkey).text, formatCheckpoint(checkpoint));
  });

  it('rejects tampered, re-signed and foreign checkpoints', () => {
    const signed = signCheckpoint(checkpoint, keys.privateKey, 100);
    const otherRoot = toBase64(tree.root(10));
    assert.throws(() => verifyCheckpoint(signed.note.replace(toBase64(tree.root()), otherRoot), keys.publicKey), isCode('NOTE_SIGNATURE_INVALID'));
    assert.throws(() => verifyCheckpoint(signed.note.replace('\n11\n', '\n12\n'), keys.publicKey), isCode('NOTE_SIGNATURE_INVALID'));
    assert.throws(() => verifyCheckpoint(signed.note, generateLogKeyPair().publicKey), isCode('NOTE_UNKNOWN_KEY'));
    assert.throws(() => verifyCheckpoint(signed.note, keys.publicKey, 'other.example/log'), isCode('CHECKPOINT_ORIGIN_MISMATCH'));
    const stripped = signed.note.split('\n').slice(0, -2).join('\n') + '\n';
    assert.throws(() => verifyCheckpoint(stripped, keys.publicKey), isCode('COSIGNATURE_INVALID'));
    // A cosignature from another checkpoint (other time) does not transfer.
    const later = signCheckpoint(checkpoint, keys.privateKey, 200).note.split('\n').at(-2)!;
    const swapped = signed.note.split('\n').slice(0, -2).join('\n') + `\n${later}\n`;
    assert.equal(verifyCheckpoint(swapped, keys.publicKey).timestamp, 200);
    const otherBody = signCheckpoint({ ...checkpoint, treeSize: 10, rootHash: tree.root(10) }, keys.privateKey, 100).note.split('\n').at(-2)!;
    const forged = signed.note.split('\n').slice(0, -2).join('\n') + `\n${otherBody}\n`;
    assert.throws(() => verifyCheckpoint(forged, keys.publicKey), isCode('COSIGNATURE_INVALID'));
  });

  it('parses bodies strictly', () => {
    const root = toBase64(tree.root());
    const bad = [
      `${ORIGIN}\n11\n`,
      `\n11\n${root}\n`,
      `${ORIGIN}\n011\n${root}\n`,
      `${ORIGIN}\n-1\n${root}\n`,
      `${ORIGIN}\n1e3\n${root}\n`,
      `${ORIGIN}\n99999999999999999999\n${root}\n`,
      `${ORIGIN}\n11\n${toBase64(tree.root().subarray(1))}\n`,
      `${ORIGIN}\n11\n${root.replace('=', '')}\n`,
      `${ORIGIN}\n11\n${root}`,
    ];
    for (const text of bad) assert.throws(() => parseCheckpoint(text), isCode('CHECKPOINT_MALFORMED'), JSON.stringify(text));
    assert.deepEqual(parseCheckpoint(`${ORIGIN}\n11\n${root}\next\n`).extensions, ['ext']);
    assert.throws(() => formatCheckpoint({ ...checkpoint, origin: 'cosignature/v1' }), isCode('CHECKPOINT_MALFORMED'));
  });
});

describe('log keys', () => {
  it('round-trips PEM and keeps the log id and key id stable', () => {
    const privatePem = exportPrivateKeyPem(keys.privateKey);
    const publicPem = exportPublicKeyPem(keys.publicKey);
    assert.match(privatePem, /BEGIN PRIVATE KEY/);
    assert.match(publicPem, /BEGIN PUBLIC KEY/);
    const again = importPublicKeyPem(publicPem);
    assert.equal(logId(again), logId(keys.publicKey));
    assert.match(logId(again), /^[0-9a-f]{64}$/);
    const signed = signCheckpoint(checkpoint, importPrivateKeyPem(privatePem), 1);
    verifyCheckpoint(signed.note, again);
  });

  it('rejects non-Ed25519, private-as-public and garbage PEM', () => {
    assert.throws(() => importPublicKeyPem(exportPrivateKeyPem(keys.privateKey)), isCode('KEY_INVALID'));
    assert.throws(() => importPublicKeyPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'), isCode('KEY_INVALID'));
    assert.throws(() => importPrivateKeyPem('not a pem'), isCode('KEY_INVALID'));
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = ec.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    assert.throws(() => importPublicKeyPem(ecPem), /expected an Ed25519 public key/);
  });
});
