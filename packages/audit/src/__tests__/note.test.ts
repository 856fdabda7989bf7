/**
 * Signed notes against the reference vector of golang.org/x/mod/sumdb/note (note.go's package
 * example and note_test.go): the PeterNeumann key pair and its published signature. Ed25519 is
 * deterministic (RFC 8032), so signing must reproduce Go's note byte for byte.
 */
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import {
  formatVerifierKey,
  generateLogKeyPair,
  isAuditError,
  noteKeyId,
  parseNote,
  parseVerifierKey,
  publicKeyOf,
  signNote,
  toHex,
  verifyNote,
} from '../index.js';

const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SKEY_MATERIAL = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'; // 0x01 || 32-byte seed
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

/** PKCS #8 DER of an Ed25519 seed (RFC 8410). */
function privateKeyFromSeed(seed: Uint8Array) {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

const goPrivate = privateKeyFromSeed(Buffer.from(GO_SKEY_MATERIAL, 'base64').subarray(1));
const go = parseVerifierKey(GO_VKEY);

const isCode = (code: string) => (e: unknown) => isAuditError(e) && e.code === code;

describe('signed notes', () => {
  it('parses verifier keys whose base64 contains a plus sign (transparency-dev/formats vector)', () => {
    const plus = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';
    assert.equal(formatVerifierKey('TEST', parseVerifierKey(plus).publicKey), plus);
    assert.throws(() => parseVerifierKey('TEST+7997405d+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6'), /key id does not match/);
    assert.throws(() => parseVerifierKey('TEST+7997405c'), isCode('KEY_INVALID'));
  });

  it('derives the Go key id and verifier key from the key pair', () => {
    assert.equal(toHex(noteKeyId('PeterNeumann', publicKeyOf(goPrivate))), 'c74f20a3');
    assert.equal(formatVerifierKey('PeterNeumann', publicKeyOf(goPrivate)), GO_VKEY);
  });

  it('reproduces the Go reference note byte for byte and verifies it', () => {
    assert.equal(signNote(GO_TEXT, { name: 'PeterNeumann', privateKey: goPrivate }), GO_NOTE);
    assert.equal(verifyNote(GO_NOTE, go).text, GO_TEXT);
    assert.equal(verifyNote(Buffer.from(GO_NOTE), go).text, GO_TEXT);
  });

  it('rejects a changed text, a wrong key name and a wrong key', () => {
    assert.throws(() => verifyNote(GO_NOTE.replace('cryptography', 'cryptographY'), go), isCode('NOTE_SIGNATURE_INVALID'));
    assert.throws(() => verifyNote(GO_NOTE, { ...go, name: 'EnochRoot' }), /not signed by EnochRoot: signatures are from PeterNeumann/);
    const other = generateLogKeyPair();
    assert.throws(() => verifyNote(GO_NOTE, { name: 'PeterNeumann', publicKey: other.publicKey }), /key id c74f20a3, expected [0-9a-f]{8} \(wrong key\)/);
  });

  it('ignores signatures from unknown keys next to a valid one', () => {
    const other = generateLogKeyPair();
    const both = signNote(GO_TEXT, [
      { name: 'witness.example/w1', privateKey: other.privateKey },
      { name: 'PeterNeumann', privateKey: goPrivate },
    ]);
    assert.equal(parseNote(both).signatures.length, 2);
    assert.equal(verifyNote(both, go).text, GO_TEXT);
  });

  it('rejects malformed notes', () => {
    const sigLine = GO_NOTE.slice(GO_TEXT.length + 1);
    const cases: [string, string | Uint8Array][] = [
      ['no blank line', `${GO_TEXT}${sigLine}`],
      ['no final newline', GO_NOTE.slice(0, -1)],
      ['trailing data', `${GO_NOTE}garbage\n`],
      ['trailing blank line', `${GO_NOTE}\n`],
      ['hyphen instead of em dash', GO_NOTE.replace('\u2014', '-')],
      ['two spaces', GO_NOTE.replace('\u2014 PeterNeumann ', '\u2014 PeterNeumann  ')],
      ['plus in name', GO_NOTE.replace('\u2014 PeterNeumann', '\u2014 Peter+Neumann')],
      ['non-canonical base64', GO_NOTE.replace('JnAM=', 'JnAN=')],
      ['short signature', `${GO_TEXT}\n\u2014 PeterNeumann AAAA\n`],
      ['no signatures', `${GO_TEXT}\n`],
      ['carriage return', GO_NOTE.replace('problem,\n', 'problem,\r\n')],
      ['invalid utf-8', Buffer.concat([Buffer.from([0xff]), Buffer.from(GO_NOTE)])],
      ['lone surrogate', GO_NOTE.replace('If', '\ud800')],
    ];
    for (const [what, note] of cases) assert.throws(() => parseNote(note), isCode('NOTE_MALFORMED'), what);
  });

  it('refuses to sign under an invalid key name or text', () => {
    assert.throws(() => signNote(GO_TEXT, { name: 'has space', privateKey: goPrivate }), isCode('KEY_NAME_INVALID'));
    assert.throws(() => signNote(GO_TEXT, { name: 'a+b', privateKey: goPrivate }), isCode('KEY_NAME_INVALID'));
    assert.throws(() => signNote('no newline', { name: 'x', privateKey: goPrivate }), isCode('NOTE_MALFORMED'));
  });
});
