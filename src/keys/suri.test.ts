import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidSuriError, PathTooLongError, SuriTooLongError } from '../errors/suri.js';
import { DEV_PHRASE, SURI_MAX_BYTES, suriParse } from './suri.js';

const PHRASE = 'seed sock milk update focus rotate barely fade car face mechanic mercy';
const SEED = '0x' + 'ab'.repeat(32);

describe('suriParse', () => {
  it('takes a bare phrase as the root key', () => {
    expect(suriParse(PHRASE)).toEqual({ phrase: PHRASE, path: '', password: undefined });
  });

  it('takes a 0x hex seed', () => {
    expect(suriParse(SEED)).toEqual({ phrase: SEED, path: '', password: undefined });
    expect(suriParse(`${SEED}//polkadot`)).toEqual({ phrase: SEED, path: '//polkadot', password: undefined });
  });

  it('keeps hard and soft junctions as written', () => {
    expect(suriParse(`${PHRASE}//hard`).path).toBe('//hard');
    expect(suriParse(`${PHRASE}/soft`).path).toBe('/soft');
    expect(suriParse(`${PHRASE}//foo/bar//42/69`)).toEqual({ phrase: PHRASE, path: '//foo/bar//42/69', password: undefined });
  });

  it('splits off ///password, which may itself contain slashes', () => {
    expect(suriParse(`${PHRASE}///password`)).toEqual({ phrase: PHRASE, path: '', password: 'password' });
    expect(suriParse(`${PHRASE}//foo/bar///pass/word`)).toEqual({ phrase: PHRASE, path: '//foo/bar', password: 'pass/word' });
    expect(suriParse(`${PHRASE}//a///b///c`)).toEqual({ phrase: PHRASE, path: '//a', password: 'b///c' });
    expect(suriParse(`${PHRASE}///`).password).toBe('');
  });

  it('reads //Alice alone as the development phrase + //Alice', () => {
    expect(suriParse('//Alice')).toEqual({ phrase: DEV_PHRASE, path: '//Alice', password: undefined });
    expect(suriParse('//Alice//stash')).toEqual({ phrase: DEV_PHRASE, path: '//Alice//stash', password: undefined });
    expect(suriParse('//Alice///secret')).toEqual({ phrase: DEV_PHRASE, path: '//Alice', password: 'secret' });
  });

  it('collapses whitespace around and between words', () => {
    expect(suriParse(`  ${PHRASE.split(' ').join('   ')}  //x`)).toEqual({ phrase: PHRASE, path: '//x', password: undefined });
    expect(suriParse(`${PHRASE.replaceAll(' ', '\t')}`).phrase).toBe(PHRASE);
  });

  it('normalises to NFC, so composed and decomposed accents are the same phrase', () => {
    const composed = 'caf\u00e9 ol\u00e9';
    const decomposed = 'cafe\u0301 ole\u0301';
    expect(suriParse(decomposed).phrase).toBe(composed);
    expect(suriParse(composed)).toEqual(suriParse(decomposed));
  });

  it('accepts a short raw string seed', () => {
    expect(suriParse('Alice')).toEqual({ phrase: 'Alice', path: '', password: undefined });
  });

  it('refuses an empty phrase, a path with no phrase, and punctuation in the phrase', () => {
    for (const bad of ['', '   ', '/foo', '/foo//bar', 'foo!bar', 'foo-bar//x', 'word, word']) {
      expect(() => suriParse(bad), JSON.stringify(bad)).toThrow(InvalidSuriError);
    }
  });

  it('never puts the password in an error message', () => {
    try {
      suriParse('not a phrase!///hunter2');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidSuriError);
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('round-trips phrase + path + password', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const junction = fc.tuple(fc.boolean(), fc.stringMatching(/^[A-Za-z0-9]{1,6}$/)).map(([hard, t]) => (hard ? '//' : '/') + t);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 24 }),
        fc.array(junction, { maxLength: 5 }),
        // Whitespace at the ends of a password is left out here: whether it is kept is pinned elsewhere.
        fc.option(
          fc.string({ maxLength: 12 }).filter((p) => p.normalize('NFC') === p && p.trim() === p),
          { nil: undefined },
        ),
        (words, junctions, password) => {
          const phrase = words.join(' ');
          const path = junctions.join('');
          const suri = phrase + path + (password === undefined ? '' : `///${password}`);
          const parsed = suriParse(suri);
          expect(parsed.phrase).toBe(phrase);
          expect(parsed.path).toBe(path);
          // A password is everything after the first ///.
          if (password !== undefined) expect(parsed.password).toBe(password);
          else expect(parsed.password).toBeUndefined();
        },
      ),
    );
  });
});

describe('suriParse: limits (security review #11)', () => {
  it('refuses a secret over 2048 bytes before parsing it, and a path over its limits', () => {
    expect(() => suriParse(`${PHRASE}${'//a'.repeat(10_000)}`)).toThrow(SuriTooLongError);
    expect(() => suriParse(`${PHRASE}///${'p'.repeat(SURI_MAX_BYTES)}`)).toThrow(SuriTooLongError);
    expect(() => suriParse(`${PHRASE}${'//a'.repeat(65)}`)).toThrow(PathTooLongError);
    expect(suriParse(`${PHRASE}${'//a'.repeat(64)}`).path).toBe('//a'.repeat(64));
    const atLimit = `${PHRASE}///${'p'.repeat(SURI_MAX_BYTES - PHRASE.length - 3)}`;
    expect(suriParse(atLimit).password).toHaveLength(SURI_MAX_BYTES - PHRASE.length - 3);
    expect(() => suriParse(atLimit + 'p')).toThrow(SuriTooLongError);
  });
});
