import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BaseError } from '../errors/base.js';
import { InvalidNameError, UnsafeNameError } from '../errors/name.js';
import { fileNamesCheck, nameValidate, unsafeCharFind } from './names.js';

/** What `f` throws (undefined if it returns). */
const thrown = (f: () => unknown): unknown => {
  try {
    return void f();
  } catch (err) {
    return err;
  }
};

describe('nameValidate', () => {
  it('trims and accepts names of letters, digits, spaces, punctuation, any script and emoji', () => {
    expect(nameValidate('  Savings ', 'account')).toBe('Savings');
    for (const name of ['Épargne 2', 'Сбережения', '貯金', 'پس\u200cانداز', '👨\u200d👩\u200d👧 family', '"quoted" \\ back']) {
      expect(nameValidate(name, 'account')).toBe(name);
    }
  });

  it('refuses control, bidi and invisible formatting characters, naming the code point, never the name', () => {
    for (const [name, cp] of [
      ['Savings\u001b]52;c;QUJD\u0007', 'U+001B'],
      ['Sav\rings', 'U+000D'],
      ['a\tb', 'U+0009'],
      ['x\u009by', 'U+009B'],
      ['evil\u202Etxt.exe', 'U+202E'],
      ['iso\u2066late', 'U+2066'],
      ['zero\u200bwidth', 'U+200B'],
      ['tag\u{e0041}', 'U+E0041'],
      ['del\u007f', 'U+007F'],
    ] as const) {
      const err = thrown(() => nameValidate(name, 'account'));
      expect(err, JSON.stringify(name)).toBeInstanceOf(InvalidNameError);
      expect((err as BaseError).fullMessage).toContain(cp);
      expect((err as BaseError).fullMessage).toMatch(/^An account name cannot hold control/);
    }
  });

  it('keeps the 1-to-200-characters rule, per kind of name', () => {
    expect((thrown(() => nameValidate('  ', 'identity')) as Error).message).toBe('An identity name is 1 to 200 characters.');
    expect((thrown(() => nameValidate('x'.repeat(201), 'address-book')) as Error).message).toBe('An address-book name is 1 to 200 characters.');
    expect(nameValidate('x'.repeat(200), 'account')).toHaveLength(200);
  });

  it('accepts a name exactly when it has no unsafe character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), (name) => {
        const ok = thrown(() => nameValidate(name, 'account')) === undefined;
        if (name.trim().length > 0) expect(ok).toBe(unsafeCharFind(name.trim()) === undefined);
      }),
    );
  });
});

describe('fileNamesCheck', () => {
  it('refuses the whole file, naming the item by position and the code point, not the name', () => {
    const err = thrown(() =>
      fileNamesCheck('b.json', [
        { item: 'identity 1', name: 'Main' },
        { item: 'account 2', name: 'Hi\u001b[2J' },
      ]),
    );
    expect(err).toBeInstanceOf(UnsafeNameError);
    expect((err as BaseError).shortMessage).toBe(
      'b.json: the name of account 2 holds a control or invisible formatting character (U+001B) that could change what a terminal shows, so nothing from the file was imported.',
    );
    expect(
      thrown(() =>
        fileNamesCheck(undefined, [
          { item: 'x', name: 'fine' },
          { item: 'y', name: null },
        ]),
      ),
    ).toBeUndefined();
  });
});
