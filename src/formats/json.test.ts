import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotJsonError } from '../errors/file.js';
import { base64Decode, base64Encode, isObject, jsonParse } from './json.js';

describe('jsonParse', () => {
  it('parses JSON, with or without a byte-order mark', () => {
    expect(jsonParse('{"a":[1]}')).toEqual({ a: [1] });
    expect(jsonParse('\ufeff[1]')).toEqual([1]);
  });

  it('NotJsonError (naming the file) for anything else', () => {
    for (const text of ['', 'x', '{', '{"a":1,}']) {
      expect(() => jsonParse(text, 'f.json'), text).toThrow(NotJsonError);
    }
    expect(() => jsonParse('x', 'f.json')).toThrow(/^f\.json is not a JSON file/);
  });
});

describe('isObject', () => {
  it('is true for plain objects only', () => {
    expect(isObject({})).toBe(true);
    for (const v of [null, [], 'x', 1, undefined]) expect(isObject(v)).toBe(false);
  });
});

describe('base64Decode / base64Encode', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
        expect(base64Decode(base64Encode(bytes).replace(/=+$/, ''))).toEqual(bytes);
      }),
    );
  });

  it('is strict: no URL-safe alphabet, no whitespace, no impossible lengths', () => {
    for (const bad of ['a-b_', 'AAAA AAAA', 'AAAA\n', 'A', 'AAAAA', '====', 'AA=A', '!!!!']) {
      expect(base64Decode(bad), bad).toBeUndefined();
    }
    expect(base64Decode('')).toEqual(new Uint8Array(0));
  });
});
