import { describe, expect, it } from 'vitest';
import { lockedOpen, type Locked, type LockedLabel } from './unlock.js';

/** A lock that opens with `password` (revealing `inside` then), recording every password tried on it. */
function lock(name: string, password: string, tries: string[][], inside: () => Locked[] = () => [], tried: string[] = []): Locked & { opened: () => boolean } {
  let opened = false;
  const mine: string[] = [];
  tries.push(mine);
  return {
    label: { file: name, address: null, name },
    tried,
    open: async (pw) => {
      mine.push(pw);
      if (pw !== password) return false;
      opened = true;
      return inside();
    },
    opened: () => opened,
  };
}

describe('lockedOpen', () => {
  it('tries every password on everything still locked, whatever the order, and none twice or already tried', async () => {
    const tries: string[][] = [];
    const a = lock('a', 'pw-a', tries, () => [], ['first']);
    const b = lock('b', 'pw-b', tries, () => [], ['first']);
    await lockedOpen([a, b], { passwords: ['first', 'pw-b', '', 'pw-a', 'pw-b'] });
    expect([a.opened(), b.opened()]).toEqual([true, true]);
    // a: pw-b (wrong), then pw-a; b: pw-b at once. "first" was tried before, "" never is.
    expect(tries).toEqual([['pw-b', 'pw-a'], ['pw-b']]);
  });

  it('an entry revealed by a later password still gets the earlier ones (a batch whose entry has the first line)', async () => {
    const tries: string[][] = [];
    const entry = lock('entry', 'first', tries, () => [], ['batch-pw']);
    const file = lock('batch', 'batch-pw', tries, () => [entry], ['first']);
    await lockedOpen([file], { passwords: ['first', 'batch-pw'] });
    expect([file.opened(), entry.opened()]).toEqual([true, true]);
    // The entry (made first) got "first" once the batch opened; the batch, only what it had not had.
    expect(tries).toEqual([['first'], ['batch-pw']]);
  });

  it('asks for more while something is locked, naming it; an empty answer stops', async () => {
    const tries: string[][] = [];
    const a = lock('a', 'pw-a', tries);
    const b = lock('b', 'pw-b', tries);
    const asked: LockedLabel[][] = [];
    const answers = ['pw-a', 'wrong', ''];
    await lockedOpen([a, b], { passwords: [], ask: async (still) => (asked.push([...still]), answers.shift()) });
    expect(asked.map((l) => l.map((x) => x.name))).toEqual([['a', 'b'], ['b'], ['b']]);
    expect([a.opened(), b.opened()]).toEqual([true, false]);
    expect(answers).toEqual([]);
    // Nothing locked: nothing asked.
    let called = false;
    await lockedOpen([], { passwords: ['x'], ask: async () => ((called = true), 'x') });
    expect(called).toBe(false);
  });
});
