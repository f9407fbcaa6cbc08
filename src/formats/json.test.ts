import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyFileError, NotJsonError, TruncatedFileError } from '../errors/file.js';
import { base64Decode, base64Encode, isObject, jsonCutOff, jsonParse } from './json.js';

describe('jsonParse', () => {
  it('parses JSON, with or without a byte-order mark', () => {
    expect(jsonParse('{"a":[1]}')).toEqual({ a: [1] });
    expect(jsonParse('\ufeff[1]')).toEqual([1]);
  });

  // '' and '{' were NotJsonError here before issue 12 #14: an empty file and a cut-off one are said to be so.
  it('NotJsonError (naming the file) for anything else', () => {
    for (const text of ['x', '{"a":1,}', '{"a":1}x', '[1,]', '{"a":01}', '"\\u00zz"']) {
      expect(() => jsonParse(text, 'f.json'), text).toThrow(NotJsonError);
    }
    expect(() => jsonParse('x', 'f.json')).toThrow(/^f\.json is not a JSON file/);
  });

  it('EmptyFileError for a file with nothing in it (0 bytes, blank space, a byte-order mark)', () => {
    expect(() => jsonParse('', 'f.json')).toThrow(EmptyFileError);
    expect(() => jsonParse('', 'f.json')).toThrow(/^f\.json is empty \(0 bytes\)/);
    expect(() => jsonParse(' \n\t', 'f.json')).toThrow(/^f\.json is empty \(3 bytes of blank space\)/);
    expect(() => jsonParse('\ufeff', 'f.json')).toThrow(EmptyFileError);
  });

  it('TruncatedFileError, with the size, for JSON that stops before its end', () => {
    for (const text of ['{', '[1,2', '{"encoded":"abc', '{"a":tr', '{"a":1.', '{"a":-', '{"a":"\\u00', '{"a" ', '[{"b":[]}, ', '{"a":1e']) {
      expect(() => jsonParse(text, 'f.json'), text).toThrow(TruncatedFileError);
    }
    expect(() => jsonParse('{"encoded":"é', 'f.json')).toThrow(/^f\.json is cut off: .* ends after 14 bytes\./);
  });
});

describe('jsonCutOff', () => {
  it('is true exactly for a proper prefix of a JSON text: every cut of a real file, never the whole or a broken one', () => {
    const whole = JSON.stringify({ encoded: 'AbC+/=', n: -12.5e3, list: [true, false, null, { s: 'a\\"\u00e9\n' }], empty: {}, none: [] });
    for (let end = 1; end < whole.length; end++) expect(jsonCutOff(whole.slice(0, end)), whole.slice(0, end)).toBe(true);
    expect(jsonCutOff(whole)).toBe(false);
    for (const broken of ['x', '{"a":1,}', '{a:1}', "{'a':1}", '{"a":1}}', '[1 2', '{"a":"\u0001"}']) expect(jsonCutOff(broken), broken).toBe(false);
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
