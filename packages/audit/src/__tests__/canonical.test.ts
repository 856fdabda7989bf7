/**
 * RFC 8785 (JCS) conformance of the leaf bytes: the RFC's Appendix B number samples, the §3.2.3
 * sorting example and the cyberphone/json-canonicalization testdata (values.json, weird.json),
 * the reference test files of the RFC's authors.
 */
import assert from 'node:assert/strict';
import { canonicalBytes, canonicalJson, isAuditError, type JsonValue } from '../index.js';

/** IEEE 754 bit patterns → expected ES6 serialization (RFC 8785 Appendix B). */
const APPENDIX_B: [string, string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

const fromBits = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('canonicalJson', () => {
  it('serializes every RFC 8785 Appendix B number sample', () => {
    for (const [bits, expected] of APPENDIX_B) assert.equal(canonicalJson([fromBits(bits)]), `[${expected}]`, bits);
  });

  it('rejects NaN and Infinity (RFC 8785 §3.2.2.3)', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000']) {
      assert.throws(() => canonicalJson([fromBits(bits)]), (e) => isAuditError(e, 'CANONICALIZATION_FAILED'));
    }
  });

  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One",' +
        '"\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    ) as JsonValue;
    // Compare text, not Object.keys: JS objects list integer-like keys ("1") first whatever the order.
    const text = canonicalJson(input);
    const order = ['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) => text.indexOf(`"${k}":`));
    assert.ok(order.every((at) => at >= 0), text);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });

  it('matches the reference testdata values.json and weird.json byte for byte', () => {
    const values = JSON.parse(
      '{"numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],' +
        '"escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as JsonValue;
    assert.equal(
      canonicalJson(values),
      '{"escaping":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}',
    );
    const weird = JSON.parse(
      '{"\\u20ac":"Euro Sign","1":"One","\\u0080":"Control\\u007f","\\ud83d\\ude02":"Smiley",' +
        '"\\u00f6":"Latin Small Letter O With Diaeresis","\\ufb33":"Hebrew Letter Dalet With Dagesh","</script>":"Browser Challenge"}',
    ) as JsonValue;
    assert.equal(
      canonicalJson(weird),
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('encodes the canonical text as UTF-8 leaf bytes', () => {
    assert.equal(canonicalBytes({ b: '\u20ac', a: 1 }).toString('hex'), Buffer.from('{"a":1,"b":"€"}').toString('hex'));
  });

  it('rejects lone surrogates, undefined, BigInt, class instances and cycles', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const bad: [string, unknown][] = [
      ['lone surrogate', { a: '\ud800' }],
      ['lone surrogate key', { '\udead': 1 }],
      ['undefined member', { a: undefined }],
      ['undefined in array', [1, undefined]],
      ['bigint', { n: 10n }],
      ['date', { at: new Date(0) }],
      ['cycle', cyclic],
    ];
    for (const [what, value] of bad) {
      assert.throws(() => canonicalJson(value as JsonValue), (e) => isAuditError(e, 'CANONICALIZATION_FAILED'), what);
    }
  });
});
