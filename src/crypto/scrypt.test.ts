/**
 * The shared scrypt caps (issue 11: a 457-byte keystore asked for 1.1 GB; p=2^22 gave "this is a bug")
 * and the process-wide memory budget. The budget tests count bytes in flight as node:crypto sees
 * them (its `scrypt` is observed, not replaced) and never look at the clock.
 */
import { thrown } from '../../test/support/rejection.js';
import { describe, expect, it, vi } from 'vitest';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import {
  KEEPSAKE_SCRYPT_CAPS,
  scrypt,
  ScryptBudget,
  scryptCheck,
  SCRYPT_LIMITS,
  SCRYPT_MAX_BLOCKS,
  SCRYPT_MAX_MEMORY,
  SCRYPT_MEMORY_BUDGET,
  scryptMemory,
  type ScryptCaps,
  type ScryptParams,
} from './scrypt.js';

// Every call node:crypto's scrypt runs, with the bytes it holds until its callback.
const node = vi.hoisted(() => ({ active: 0, peak: 0, calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const observed = (
    password: unknown,
    salt: unknown,
    keylen: number,
    options: { N: number; r: number; p: number },
    callback: (err: Error | null, key: Buffer) => void,
  ) => {
    const bytes = 128 * options.r * (options.N + options.p + 2);
    node.calls++;
    node.active += bytes;
    node.peak = Math.max(node.peak, node.active);
    (actual.scrypt as (...a: unknown[]) => void)(password, salt, keylen, options, (err: Error | null, key: Buffer) => {
      node.active -= bytes;
      callback(err, key);
    });
  };
  return { ...actual, scrypt: observed, default: { ...actual, scrypt: observed } };
});

const KEYSTORE: ScryptCaps = { N: SCRYPT_LIMITS.N, r: SCRYPT_LIMITS.r, cost: 1 << 23, memory: SCRYPT_MAX_MEMORY };

describe('scryptCheck: one check for every reader', () => {
  it.each([
    ['n=2^20, r=8 (1 GiB table)', { N: 1 << 20, r: 8, p: 1 }, /N=2\^20, r=8, p=1.*128·N·r ≤ 256 MiB/],
    ['n=2^19, r=16 (1 GiB table)', { N: 1 << 19, r: 16, p: 1 }, /N=2\^19, r=16, p=1.*128·N·r ≤ 256 MiB/],
    ['n=2, r=1, p=2^22 (512 MiB of blocks)', { N: 2, r: 1, p: 1 << 22 }, /N=2\^1, r=1, p=4194304.*128·r·p ≤ 2 MiB/],
    ['n=2^21', { N: 1 << 21, r: 8, p: 1 }, /N=2\^21.*N ≤ 2\^20/],
    ['N·r·p over 2^23', { N: 1 << 18, r: 8, p: 5 }, /N·r·p ≤ 2\^23/],
  ])('refuses %s with KdfParamsTooLargeError naming the parameters and the limit', (_, params, message) => {
    const err = thrown(() => scryptCheck(params, KEYSTORE));
    expect(err).toBeInstanceOf(KdfParamsTooLargeError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/bug/i);
  });

  it.each([
    ['geth standard (n=2^18, r=8, p=1): exactly 256 MiB', { N: 1 << 18, r: 8, p: 1 }],
    ['geth light (n=2^12, r=8, p=6)', { N: 1 << 12, r: 8, p: 6 }],
    ['N·r·p = 2^23 (n=2^18, r=8, p=4)', { N: 1 << 18, r: 8, p: 4 }],
  ])('accepts %s', (_, params) => {
    expect(() => scryptCheck(params, KEYSTORE)).not.toThrow();
  });

  it('always checks the blocks, whatever caps a reader passes', () => {
    const r = 16;
    const p = SCRYPT_MAX_BLOCKS / (128 * r);
    expect(() => scryptCheck({ N: 2, r, p }, { N: 1 << 20, r: 16 })).not.toThrow();
    expect(() => scryptCheck({ N: 2, r, p: p + 1 }, { N: 1 << 20, r: 16 })).toThrow(KdfParamsTooLargeError);
  });

  it("keeps keepsake's own formats to N·r·p ≤ 2^22 and a 256 MiB table", () => {
    expect(() => scryptCheck({ N: 1 << 18, r: 8, p: 1 }, KEEPSAKE_SCRYPT_CAPS)).not.toThrow();
    expect(() => scryptCheck({ N: 1 << 19, r: 8, p: 1 }, KEEPSAKE_SCRYPT_CAPS)).toThrow(/128·N·r ≤ 256 MiB/);
    expect(() => scryptCheck({ N: 1 << 20, r: 8, p: 2 }, KEEPSAKE_SCRYPT_CAPS)).toThrow(/N·r·p ≤ 2\^22/);
  });

  it('counts memory as node:crypto allocates it', () => {
    expect(scryptMemory({ N: 1 << 18, r: 8, p: 1 })).toBe(256 * 2 ** 20 + 3 * 1024);
    expect(scryptMemory({ N: 2, r: 1, p: 1 << 22 })).toBe(128 * ((1 << 22) + 4));
  });
});

describe('scrypt: refuses rather than failing inside node:crypto', () => {
  it('a table over 256 MiB or blocks over 2 MiB is a KdfParamsTooLargeError, and node never runs', async () => {
    const before = node.calls;
    await expect(scrypt(new Uint8Array(1), new Uint8Array(8), { N: 1 << 20, r: 8, p: 1 }, 32)).rejects.toThrow(KdfParamsTooLargeError);
    await expect(scrypt(new Uint8Array(1), new Uint8Array(8), { N: 2, r: 1, p: 1 << 22 }, 32)).rejects.toThrow(KdfParamsTooLargeError);
    expect(node.calls).toBe(before);
  });
});

describe('the memory budget', () => {
  it('holds two derivations of the largest size a file may ask for', () => {
    const largest = scryptMemory({ N: SCRYPT_MAX_MEMORY / (128 * 8), r: 8, p: SCRYPT_MAX_BLOCKS / (128 * 8) - 2 });
    expect(2 * largest).toBeLessThanOrEqual(SCRYPT_MEMORY_BUDGET);
    expect(3 * largest).toBeGreaterThan(SCRYPT_MEMORY_BUDGET);
    // Four Polkadot{.js} files at N=2^17 run together.
    expect(4 * scryptMemory({ N: 1 << 17, r: 8, p: 1 })).toBeLessThanOrEqual(SCRYPT_MEMORY_BUDGET);
  });

  it('scrypt calls never hold more than the budget in node:crypto at once', async () => {
    const params: ScryptParams[] = [
      { N: 1 << 10, r: 8, p: 1 },
      { N: 1 << 12, r: 8, p: 1 },
      { N: 1 << 11, r: 4, p: 2 },
      { N: 1 << 12, r: 8, p: 1 },
      { N: 1 << 9, r: 8, p: 3 },
    ];
    const each = params.map(scryptMemory);
    // Room for the largest job and a little more: never all of them at once.
    const budget = new ScryptBudget(Math.max(...each) + (1024 * 1024) / 4);
    expect(each.reduce((a, b) => a + b, 0)).toBeGreaterThan(budget.limit);
    node.active = 0;
    node.peak = 0;
    const jobs = Array.from({ length: 24 }, (_, i) => scrypt(new Uint8Array([i]), new Uint8Array(16), params[i % params.length]!, 32, budget));
    const keys = await Promise.all(jobs);
    expect(keys).toHaveLength(24);
    expect(node.peak).toBeGreaterThan(0);
    expect(node.peak).toBeLessThanOrEqual(budget.limit);
    expect(budget.inFlight).toBe(0);
  });

  it('the same calls without a shared budget would have exceeded it (the test can fail)', async () => {
    const params = { N: 1 << 12, r: 8, p: 1 };
    node.active = 0;
    node.peak = 0;
    await Promise.all(Array.from({ length: 4 }, (_, i) => scrypt(new Uint8Array([i]), new Uint8Array(16), params, 32, new ScryptBudget(SCRYPT_MEMORY_BUDGET))));
    expect(node.peak).toBeGreaterThan(scryptMemory(params));
  });
});

describe('ScryptBudget', () => {
  /** Jobs the test finishes by hand: what runs, and the bytes they hold, counted here. */
  function harness(limit: number) {
    const budget = new ScryptBudget(limit);
    const running = new Map<string, { bytes: number; finish: () => void }>();
    let held = 0;
    let peak = 0;
    const order: string[] = [];
    const start = (name: string, bytes: number) =>
      budget.run(
        bytes,
        () =>
          new Promise<void>((finish) => {
            order.push(name);
            held += bytes;
            peak = Math.max(peak, held);
            running.set(name, {
              bytes,
              finish: () => {
                held -= bytes;
                running.delete(name);
                finish();
              },
            });
          }),
      );
    const settle = () => new Promise((r) => setTimeout(r, 0));
    return { budget, running, order, start, settle, held: () => held, peak: () => peak };
  }

  it('starts jobs while they fit, in the order they asked, and never holds more than the limit', async () => {
    const h = harness(100);
    const done = [h.start('a', 40), h.start('b', 40), h.start('c', 40), h.start('d', 10), h.start('e', 60)];
    await h.settle();
    // c does not fit beside a and b; d would, but waits its turn behind c.
    expect([...h.running.keys()]).toEqual(['a', 'b']);
    h.running.get('a')!.finish();
    await h.settle();
    expect([...h.running.keys()]).toEqual(['b', 'c', 'd']);
    h.running.get('b')!.finish();
    h.running.get('c')!.finish();
    await h.settle();
    expect([...h.running.keys()]).toEqual(['d', 'e']);
    h.running.get('d')!.finish();
    h.running.get('e')!.finish();
    await Promise.all(done);
    expect(h.order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(h.peak()).toBeLessThanOrEqual(100);
    expect(h.budget.peak).toBe(h.peak());
    expect(h.budget.inFlight).toBe(0);
  });

  it('runs a job larger than the whole limit alone', async () => {
    const h = harness(100);
    const done = [h.start('small', 30), h.start('huge', 250), h.start('after', 30)];
    await h.settle();
    expect([...h.running.keys()]).toEqual(['small']);
    h.running.get('small')!.finish();
    await h.settle();
    expect([...h.running.keys()]).toEqual(['huge']);
    h.running.get('huge')!.finish();
    await h.settle();
    expect([...h.running.keys()]).toEqual(['after']);
    h.running.get('after')!.finish();
    await Promise.all(done);
  });

  it('frees its bytes when a job fails', async () => {
    const budget = new ScryptBudget(100);
    await expect(budget.run(80, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(budget.inFlight).toBe(0);
    await expect(budget.run(80, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
