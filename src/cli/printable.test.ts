import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, Line, line, lineText, printable } from './printable.js';

/** Every code point that must never reach a terminal raw (security review #5). */
function forbidden(cp: number): boolean {
  return (
    cp <= 0x1f || // C0: NUL … ESC, CR, LF, TAB, BEL
    (cp >= 0x7f && cp <= 0x9f) || // DEL, C1 (CSI U+009B, OSC U+009D)
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    [0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0xfeff, 0x00ad].includes(cp) ||
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters (invisible text)
    (cp >= 0xd800 && cp <= 0xdfff) // lone surrogates
  );
}

function forbiddenIn(text: string): number[] {
  return [...text].map((ch) => ch.codePointAt(0)!).filter(forbidden);
}

/** Any text, weighted towards the dangerous code points. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u001b',
      '\r',
      '\n',
      '\t',
      '\u0007',
      '\u007f',
      '\u009b',
      '\u009d',
      '\u202e',
      '\u2066',
      '\u2028',
      '\ufeff',
      '\u{e0041}',
      '\ud800',
      '\u200d',
      '\\',
      ']',
      '5',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => cp < 0xd800 || cp > 0xdfff)
      .map((cp) => String.fromCodePoint(cp)),
  ),
  maxLength: 40,
});

/** Text of printable code points only (letters, digits, punctuation, symbols, spaces, emoji with ZWJ). */
const safe = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }).filter((c) => !forbidden(c.codePointAt(0)!)),
    fc.constantFrom('é', 'ß', 'Ж', '中', 'ا', 'ی\u200cا', '👨\u200d👩\u200d👧', '€', ' ', '"', '\\u001b'),
  ),
  maxLength: 40,
});

describe('printable', () => {
  it('never lets a forbidden code point through', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(forbiddenIn(printable(text))).toEqual([]);
      }),
    );
  });

  it('passes printable text unchanged', () => {
    fc.assert(
      fc.property(safe, (text) => {
        expect(printable(text)).toBe(text);
      }),
    );
  });

  it('shows what it escaped, visibly', () => {
    expect(printable('Savings\u001b]52;c;NUZI\u0007\r    <Bob>\u001b[K')).toBe('Savings\\u001b]52;c;NUZI\\u0007\\u000d    <Bob>\\u001b[K');
    expect(printable('a\u202eb\u{e0041}c\u009bd')).toBe('a\\u202eb\\u{e0041}c\\u009bd');
    // ASCII-only text takes a fast path: its line breaks, tabs and DEL are escaped all the same.
    expect(printable('Savings\n    5FHneW46  sr25519\t\u007f')).toBe('Savings\\u000a    5FHneW46  sr25519\\u0009\\u007f');
    expect(printable('Savings\n    5FHneW46  sr25519')).toBe('Savings\\u000a    5FHneW46  sr25519');
    // The Tags block is invisible, its unassigned code points too (fast-check found U+E0002 passing through JSON).
    expect(printable('a\u{e0002}b')).toBe('a\\u{e0002}b');
    expect(jsonText({ '\u{e0002}': [] })).toBe('{"\\udb40\\udc02":[]}');
  });
});

describe('line (the tagged template for human output)', () => {
  it('keeps its own layout and escapes every interpolated value, LF and TAB included', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const text = line`name:\t${value}\n`.text;
        expect(text.startsWith('name:\t')).toBe(true);
        expect(text.endsWith('\n')).toBe(true);
        expect(forbiddenIn(text.slice('name:\t'.length, -1))).toEqual([]);
      }),
    );
  });

  it('nests: a Line value (a colour label) passes as it is', () => {
    const label = new Line('\u001b[32mok\u001b[0m');
    expect(line`${label} ${'x\u001by'}`.text).toBe('\u001b[32mok\u001b[0m x\\u001by');
  });

  it('lineText: a plain string keeps only its line breaks', () => {
    expect(lineText('one\ntwo\r\u001b')).toBe('one\ntwo\\u000d\\u001b');
    expect(lineText(new Line('\u001b[0m'))).toBe('\u001b[0m');
  });
});

describe('jsonText', () => {
  it('is the same JSON data, with no forbidden code point outside the layout', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }))), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = jsonText(value, indent);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(forbiddenIn(text.replaceAll('\n', ''))).toEqual([]);
      }),
    );
  });
});
