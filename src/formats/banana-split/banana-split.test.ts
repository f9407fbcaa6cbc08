/**
 * Banana Split shards: the published vectors (test/vectors/banana-split.json), round trips against
 * secrets.js-grempe called directly both ways, an independent decoder (node:crypto scrypt, @noble
 * secretbox, secrets.js) opening keepsake's shards, and every refusal.
 */
import { scryptSync } from 'node:crypto';
import { createHash } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import fc from 'fast-check';
import secrets from 'secrets.js-grempe';
import { describe, expect, it } from 'vitest';
import {
  NotShardError,
  ShardDamagedError,
  ShardDuplicateError,
  ShardPassphraseWrongError,
  ShardSetsMixedError,
  ShardsTooFewError,
  ShardsTooManyError,
  ShardCountError,
} from '../../errors/bananaSplit.js';
import { InvalidInputError } from '../../errors/usage.js';
import { bananaSplitDecodeIndependent } from '../../../test/support/bananaSplit.js';
import { loadVectors } from '../../../test/support/vectors.js';
import { bananaSplitCombine } from './combine.js';
import { bananaSplitPassphrase, bananaSplitPassphraseNormalize } from './passphrase.js';
import { bananaSplitShardParse } from './shard.js';
import { bananaSplitShards, bananaSplitThreshold } from './split.js';

const VECTORS = loadVectors('banana-split');

/** Every k-subset of `items` (the vectors have few shards). */
function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, k - 1).map((s) => [head, ...s]), ...subsets(rest, k)];
}

/** A deterministic random source (xorshift32). */
function seeded(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) & 0xff;
    });
}

/** The test's own Banana Split decoder (test/support/bananaSplit.ts): sharing nothing with src/ but secrets.js. */
const independentDecode = bananaSplitDecodeIndependent;

/** v1 shard texts written by the test from secrets.js's own shares of a ciphertext it seals itself. */
function independentEncode(secret: string, title: string, passphrase: string, shares: number, nonce: Uint8Array): string[] {
  const salt = createHash('sha512').update(title, 'utf8').digest();
  const key = scryptSync(Buffer.from(passphrase, 'utf8'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const sealed = xsalsa20poly1305(key, nonce).encrypt(Buffer.from(secret, 'utf8'));
  const r = Math.floor(shares / 2) + 1;
  secrets.init(8, 'nodeCryptoRandomBytes');
  return secrets
    .share(Buffer.from(sealed).toString('hex'), shares, r)
    .map((s) => JSON.stringify({ v: 1, t: title, r, d: s[0] + Buffer.from(s.slice(1), 'hex').toString('base64'), n: Buffer.from(nonce).toString('base64') }));
}

describe('bananaSplitCombine: the published vectors', () => {
  for (const set of VECTORS.sets) {
    it(`${set.name}: every ${'required'} shards recover the secret`, async () => {
      const required = bananaSplitShardParse(set.shards[0]!).required;
      const groups = subsets(set.shards, required);
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        expect(await bananaSplitCombine(group, set.passphrase)).toBe(set.secret);
        expect(await bananaSplitCombine([...group].reverse(), set.passphrase)).toBe(set.secret);
      }
    });
  }

  it('reads v0 (hex) and v1 (base64) shards into the same fields', () => {
    const v0 = bananaSplitShardParse(VECTORS.sets[0]!.shards[0]!);
    const v1 = bananaSplitShardParse(VECTORS.sets[1]!.shards[0]!);
    expect([v0.version, v0.title, v0.required, v0.nonce.length]).toEqual([0, 'Very secret info', 2, 24]);
    expect([v1.version, v1.title, v1.required, v1.nonce.length]).toEqual([1, 'Pssst', 2, 24]);
    expect(v0.id).toBe(3);
  });

  it('a typed passphrase with spaces for the dashes opens the set', async () => {
    const set = VECTORS.sets[2]!;
    const typed = `  ${set.passphrase.split('-').join('   ')} `;
    expect(await bananaSplitCombine(set.shards, bananaSplitPassphraseNormalize(typed))).toBe(set.secret);
  });
});

describe('bananaSplitShards', () => {
  it('writes v1 texts in key order v,t,r,d,n with threshold floor(n/2)+1, non-ASCII escaped as Banana Split writes it', async () => {
    const shards = await bananaSplitShards('a secret', { title: 'Tëst ☃', shares: 4, passphrase: 'a-b-c-d', random: seeded(7) });
    expect(shards).toHaveLength(4);
    for (const text of shards) {
      expect(Object.keys(JSON.parse(text) as object)).toEqual(['v', 't', 'r', 'd', 'n']);
      expect(text).toMatch(/^\{"v":1,"t":"T\\u00ebst \\u2603","r":3,"d":"8[A-Za-z0-9+/]+=*","n":"[A-Za-z0-9+/]{32}"\}$/);
      expect(bananaSplitShardParse(text).title).toBe('Tëst ☃');
    }
    expect([3, 4, 5, 6, 255].map(bananaSplitThreshold)).toEqual([2, 3, 3, 4, 128]);
  });

  it('works whatever bytes the random source gives first (secrets.js refuses an RNG whose test output is 0)', async () => {
    const seededRest = seeded(9);
    let given = 0;
    // The nonce (24 bytes) and the next bytes are zeros; a real source does that for one byte once in 256 splits.
    const random = (n: number) => (given++ < 3 ? new Uint8Array(n) : seededRest(n));
    const shards = await bananaSplitShards('s', { title: 'T', shares: 3, passphrase: 'a-b-c-d', random });
    expect(await bananaSplitCombine(shards.slice(1), 'a-b-c-d')).toBe('s');
  });

  it('is deterministic for an injected random source, and different for another', async () => {
    const options = { title: 'T', shares: 3, passphrase: 'a-b-c-d' };
    const a = await bananaSplitShards('s', { ...options, random: seeded(1) });
    expect(await bananaSplitShards('s', { ...options, random: seeded(1) })).toEqual(a);
    expect(await bananaSplitShards('s', { ...options, random: seeded(2) })).not.toEqual(a);
  });

  it('round trip for N in 3..255: keepsake → the independent decoder, the test encoder → keepsake, keepsake → keepsake', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 255 }),
        fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1 }),
        async (shares, secret, title, seed) => {
          const passphrase = bananaSplitPassphrase(seeded(seed));
          const random = seeded(seed + 1);
          const made = await bananaSplitShards(secret, { title, shares, passphrase, random });
          expect(made).toHaveLength(shares);
          const r = bananaSplitThreshold(shares);
          // any r of them: take a shifted window so not always the first ones
          const start = seed % (shares - r + 1);
          const pick = made.slice(start, start + r);
          expect(independentDecode(pick, passphrase)).toBe(secret);
          expect(await bananaSplitCombine(pick.reverse(), passphrase)).toBe(secret);
          const foreign = independentEncode(secret, title, passphrase, shares, random(24));
          expect(await bananaSplitCombine(foreign.slice(-r), passphrase)).toBe(secret);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('refuses 2 or 256 shards, an empty or too long title or secret', async () => {
    const ok = { title: 'T', shares: 3, passphrase: 'a-b-c-d' };
    await expect(bananaSplitShards('s', { ...ok, shares: 2 })).rejects.toBeInstanceOf(ShardCountError);
    await expect(bananaSplitShards('s', { ...ok, shares: 256 })).rejects.toBeInstanceOf(ShardCountError);
    await expect(bananaSplitShards('s', { ...ok, shares: 3.5 })).rejects.toBeInstanceOf(ShardCountError);
    await expect(bananaSplitShards('s', { ...ok, title: '' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bananaSplitShards('s', { ...ok, title: 'x'.repeat(257) })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bananaSplitShards('', ok)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bananaSplitShards('x'.repeat(1025), ok)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await bananaSplitShards('x'.repeat(1024), ok)).toHaveLength(3);
    // the largest secret in bytes (1024 characters of 3 UTF-8 bytes) is within what a shard may hold
    const widest = '€'.repeat(1024);
    expect(await bananaSplitCombine((await bananaSplitShards(widest, ok)).slice(1), ok.passphrase)).toBe(widest);
  });
});

describe('bananaSplitPassphrase', () => {
  it('is four BIP-39 English words joined by "-", drawn from the random source', () => {
    const p = bananaSplitPassphrase(seeded(3));
    const words = p.split('-');
    expect(words).toHaveLength(4);
    for (const w of words) expect(wordlist).toContain(w);
    expect(bananaSplitPassphrase(seeded(3))).toBe(p);
    // 0x0000 → the first word, 0xffff → the last (11 bits of each 16-bit number)
    expect(bananaSplitPassphrase((n) => new Uint8Array(n))).toBe('abandon-abandon-abandon-abandon');
    expect(bananaSplitPassphrase((n) => new Uint8Array(n).fill(0xff))).toBe('zoo-zoo-zoo-zoo');
    expect(() => mnemonicToEntropy(p, wordlist)).toThrow(); // four words are not a phrase: no mix-up with one
  });
});

describe('bananaSplitCombine: refusals', () => {
  const v1 = VECTORS.sets[1]!;
  const rustA = VECTORS.sets[2]!;
  const edit = (text: string, change: (o: Record<string, unknown>) => void): string => {
    const o = JSON.parse(text) as Record<string, unknown>;
    change(o);
    return JSON.stringify(o);
  };

  it('not a shard: not JSON, not an object, fields missing, another version, over 16 KiB', async () => {
    for (const text of ['hello', '[1,2]', '{"t":"x","r":2,"d":"8AA=="}', edit(v1.shards[0]!, (o) => (o.v = 2)), ' '.repeat(16 * 1024 + 1)]) {
      await expect(bananaSplitCombine([text, v1.shards[1]!], v1.passphrase)).rejects.toBeInstanceOf(NotShardError);
    }
    const err = await bananaSplitCombine(['{}'], 'x').catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'This text is not a Banana Split shard (it lacks the title, threshold, data or nonce of a shard); give the text or QR image of a shard.',
    );
  });

  it('too few shards: "1 of 2 needed"', async () => {
    const err = await bananaSplitCombine([v1.shards[0]!], v1.passphrase).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShardsTooFewError);
    expect((err as Error).message).toBe('"Pssst" needs 2 shards to recover and only 1 was given (1 of 2 needed); add 1 more shard of the set.');
    await expect(bananaSplitCombine([], v1.passphrase)).rejects.toBeInstanceOf(ShardsTooFewError);
  });

  it('more than 255 shards are refused before any is read', async () => {
    await expect(
      bananaSplitCombine(
        Array.from({ length: 256 }, () => 'x'),
        'p',
      ),
    ).rejects.toBeInstanceOf(ShardsTooManyError);
  });

  it('shards of different sets: title, nonce, threshold, version', async () => {
    const cases: [string, string][] = [
      ['title', edit(v1.shards[1]!, (o) => (o.t = 'Other'))],
      ['nonce', rustA.shards[1]!.replace(/"t":"[^"]*","r":2/, '"t":"Pssst","r":2')],
      ['required', edit(v1.shards[1]!, (o) => (o.r = 3))],
      ['version', VECTORS.sets[0]!.shards[1]!.replace('"t":"Very secret info"', '"t":"Pssst"')],
    ];
    for (const [what, other] of cases) {
      const err = await bananaSplitCombine([v1.shards[0]!, other], v1.passphrase).catch((e: unknown) => e);
      expect(err, what).toBeInstanceOf(ShardSetsMixedError);
    }
  });

  it('the same shard twice', async () => {
    const err = await bananaSplitCombine([v1.shards[0]!, v1.shards[0]!], v1.passphrase).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShardDuplicateError);
    expect((err as Error).message).toMatch(/^Shard number \d+ of the set was given twice/);
  });

  it('a wrong passphrase is a wrong secret (exit 3), and names no secret', async () => {
    const err = await bananaSplitCombine(rustA.shards, 'blighted-comprised-bucktooth-disjoint').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShardPassphraseWrongError);
    expect((err as ShardPassphraseWrongError).kind).toBe('wrong-secret');
    expect((err as Error).message).not.toContain('blighted');
    expect((err as Error).message).not.toContain('bottom');
  });

  it('damaged data: bad base64 or hex, short nonce, no shard number, another bit size, lengths that differ', async () => {
    const v0 = VECTORS.sets[0]!;
    const damaged = [
      edit(v1.shards[1]!, (o) => (o.d = '8!!!!')),
      edit(v1.shards[1]!, (o) => (o.n = 'AAAA')),
      edit(v1.shards[1]!, (o) => (o.d = '8AA==')),
      edit(v1.shards[1]!, (o) => (o.d = '9' + (o.d as string).slice(1))),
      edit(v1.shards[1]!, (o) => (o.d = (o.d as string).slice(0, -8) + '=')),
      edit(v1.shards[1]!, (o) => (o.r = 0)),
      edit(v1.shards[1]!, (o) => (o.d = '8' + Buffer.alloc(4098, 7).toString('base64'))),
    ];
    for (const text of damaged) await expect(bananaSplitCombine([v1.shards[0]!, text], v1.passphrase), text).rejects.toBeInstanceOf(ShardDamagedError);
    await expect(bananaSplitCombine([v0.shards[0]!, edit(v0.shards[1]!, (o) => (o.d = '80zz'))], v0.passphrase)).rejects.toBeInstanceOf(ShardDamagedError);
  });

  it('a flipped byte in a shard fails as a wrong passphrase or damage, never as a different secret', async () => {
    const o = JSON.parse(v1.shards[1]!) as { d: string };
    const bytes = Buffer.from(o.d.slice(1), 'base64');
    for (const i of [1, 5, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[i]! ^= 0x01;
      const text = JSON.stringify({ ...JSON.parse(v1.shards[1]!), d: '8' + copy.toString('base64') });
      const err = await bananaSplitCombine([v1.shards[0]!, text], v1.passphrase).catch((e: unknown) => e);
      expect([ShardPassphraseWrongError, ShardDamagedError].some((c) => err instanceof c)).toBe(true);
    }
  });
});
