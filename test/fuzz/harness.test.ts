/**
 * The fuzz harness itself: a check that would pass no matter what proves nothing, so this shows
 * that `FuzzStats.probe` flags each kind of failure the readers are fuzzed for.
 */
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../src/errors/file.js';
import { WrongPasswordError } from '../../src/errors/password.js';
import { kdfRecordPbkdf2, kdfRecordScrypt } from './kdf-log.js';
import { FuzzStats } from './outcome.js';

const input = { label: 'test', text: '{}' };

describe('fuzz harness', () => {
  it('accepts a result and keepsake errors', async () => {
    const s = new FuzzStats();
    await s.probe('t', input, () => 42, []);
    await s.probe(
      't',
      input,
      () => {
        throw new CorruptFileError({ reason: 'cut short' });
      },
      [],
    );
    await s.probe('t', input, async () => Promise.reject(new WrongPasswordError({ subject: 'x' })), []);
    expect(s.failures('t')).toEqual([]);
  });

  it('flags a foreign error (sync or async), with where it came from', async () => {
    const s = new FuzzStats();
    await s.probe('t', input, () => (null as unknown as { x: number }).x, []);
    await s.probe(
      't',
      input,
      async () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      [],
    );
    await s.probe(
      't',
      input,
      () => {
        throw 'a string';
      },
      [],
    );
    const f = s.failures('t');
    expect(f).toHaveLength(3);
    expect(f.join('\n')).toMatch(/foreign-error TypeError/);
    expect(f.join('\n')).toMatch(/foreign-error RangeError/);
  });

  it('flags a secret in a message, in a thrown error or in an error a result reports', async () => {
    const s = new FuzzStats();
    const secret = 'correct horse battery staple';
    await s.probe(
      't',
      input,
      () => {
        throw new CorruptFileError({ reason: `the password ${secret} is wrong` });
      },
      [secret],
    );
    await s.probe('t2', input, () => ({ entries: [{ error: { name: 'X', message: `key ${secret}` } }] }), [secret]);
    await s.probe('t3', input, () => ({ entries: [{ error: new TypeError('boom') }] }), []);
    expect(s.failures('t').join('\n')).toMatch(/secret-in-message/);
    expect(s.failures('t2').join('\n')).toMatch(/secret-in-message/);
    expect(s.failures('t3').join('\n')).toMatch(/foreign-error-in-result TypeError/);
  });

  it('flags a call that does not end in time', async () => {
    const s = new FuzzStats();
    await s.probe('t', input, () => new Promise(() => {}), [], 50);
    expect(s.failures('t').join('\n')).toMatch(/hang/);
  });

  it('flags a derivation over the caps (recorded by the node:crypto observer)', async () => {
    const s = new FuzzStats();
    await s.probe('ok', input, () => kdfRecordScrypt({ N: 2 ** 20, r: 16, p: 4 }), []);
    await s.probe('t', input, () => kdfRecordScrypt({ N: 2 ** 21, r: 8, p: 1 }), []);
    await s.probe('t2', input, () => kdfRecordPbkdf2(10_000_001), []);
    expect(s.failures('ok')).toEqual([]);
    expect(s.failures('t').join('\n')).toMatch(/kdf-over-cap scrypt N=2097152/);
    expect(s.failures('t2').join('\n')).toMatch(/kdf-over-cap pbkdf2/);
  });
});
