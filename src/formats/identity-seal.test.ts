import { scryptSync } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../crypto/random.js';
import { CorruptFileError } from '../errors/file.js';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import {
  sealedSecretOpen,
  PIN_SCRYPT,
  sealedSecretFingerprint,
  sealedSecretParse,
  sealedSecretKdfNew,
  sealedSecretDeriveKey,
  sealedSecretSeal,
  type SealedSecret,
} from './identity-seal.js';

/** Cheap parameters for tests; the format does not depend on them. */
const CHEAP = { N: 1 << 10, r: 8, p: 1 };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** A deterministic random source: 0, 1, 2, … (mod 256) across calls. */
function counting(): RandomSource {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

async function seal(pin: string, text: string, random: RandomSource = counting()): Promise<SealedSecret> {
  const kdf = sealedSecretKdfNew(random, CHEAP);
  return sealedSecretSeal(await sealedSecretDeriveKey(pin, kdf), kdf, enc(text), random);
}

describe('identity seal: the format (known answer, recomputed from its description)', () => {
  it('key = scrypt(PIN, salt, N, r, p, 64)[0..32]; box = XChaCha20-Poly1305(key, nonce, phrase, "keepsake sealed secret v1")', async () => {
    const pin = '123456';
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    const sealed = await seal(pin, phrase);
    // The counting source gave the salt (32 bytes) first, then the nonce (24 bytes).
    const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
    const nonce = Uint8Array.from({ length: 24 }, (_, i) => 32 + i);
    expect(sealed).toMatchObject({
      v: 1,
      kdf: { name: 'scrypt', ...CHEAP, salt: Buffer.from(salt).toString('base64') },
      nonce: Buffer.from(nonce).toString('base64'),
    });

    const key = scryptSync(pin, salt, 64, { ...CHEAP, maxmem: 64 * 1024 * 1024 }).subarray(0, 32);
    const expected = xchacha20poly1305(key, nonce, enc('keepsake sealed secret v1')).encrypt(enc(phrase));
    expect(sealed.ciphertext).toBe(Buffer.from(expected).toString('base64'));
    // Phrase length + 16-byte Poly1305 tag.
    expect(Buffer.from(sealed.ciphertext, 'base64').length).toBe(phrase.length + 16);
  });

  it('is byte for byte reproducible with an injected random source', async () => {
    expect(JSON.stringify(await seal('pin-pin', 'text'))).toBe(JSON.stringify(await seal('pin-pin', 'text')));
  });

  it('by default uses a new 32-byte salt and scrypt N=2^18, r=8, p=1 (a PIN is short, so the KDF is expensive)', () => {
    expect(PIN_SCRYPT).toEqual({ N: 1 << 18, r: 8, p: 1 });
    const a = sealedSecretKdfNew();
    const b = sealedSecretKdfNew();
    expect(a).toMatchObject({ name: 'scrypt', N: 1 << 18, r: 8, p: 1 });
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(32);
    expect(a.salt).not.toBe(b.salt);
  });
});

describe('identity seal: opening', () => {
  it('round-trips any text under any PIN; another PIN does not open it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 6, maxLength: 20 }),
        fc.string({ minLength: 6, maxLength: 20 }),
        fc.string({ maxLength: 300 }),
        async (pin, other, text) => {
          fc.pre(pin !== other);
          const sealed = sealedSecretParse(JSON.stringify(await seal(pin, text, (n) => new Uint8Array(n).map(() => (Math.random() * 256) | 0))));
          const opened = sealedSecretOpen(await sealedSecretDeriveKey(pin, sealed.kdf), sealed);
          expect(opened && dec(opened)).toBe(text);
          expect(sealedSecretOpen(await sealedSecretDeriveKey(other, sealed.kdf), sealed)).toBeUndefined();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses (undefined, never garbage) a box whose ciphertext, tag, nonce or salt was changed', async () => {
    const sealed = await seal('123456', 'the phrase');
    const key = await sealedSecretDeriveKey('123456', sealed.kdf);
    expect(dec(sealedSecretOpen(key, sealed)!)).toBe('the phrase');
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[at] = bytes[at]! ^ 1;
      return bytes.toString('base64');
    };
    const body = Buffer.from(sealed.ciphertext, 'base64').length;
    for (const at of [0, body - 17, body - 1]) expect(sealedSecretOpen(key, { ...sealed, ciphertext: flip(sealed.ciphertext, at) })).toBeUndefined();
    expect(sealedSecretOpen(key, { ...sealed, nonce: flip(sealed.nonce, 3) })).toBeUndefined();
    const otherSalt = { ...sealed.kdf, salt: flip(sealed.kdf.salt, 0) };
    expect(sealedSecretOpen(await sealedSecretDeriveKey('123456', otherSalt), sealed)).toBeUndefined();
    // A box sealed without the associated data does not open either.
    const bare = xchacha20poly1305(key, Buffer.from(sealed.nonce, 'base64')).encrypt(enc('the phrase'));
    expect(sealedSecretOpen(key, { ...sealed, ciphertext: Buffer.from(bare).toString('base64') })).toBeUndefined();
  });

  it('says a damaged nonce or ciphertext encoding is corrupt', async () => {
    const sealed = await seal('123456', 'x');
    const key = await sealedSecretDeriveKey('123456', sealed.kdf);
    expect(() => sealedSecretOpen(key, { ...sealed, nonce: Buffer.alloc(12).toString('base64') })).toThrow(CorruptFileError);
    expect(() => sealedSecretOpen(key, { ...sealed, nonce: '!!not base64!!' })).toThrow(CorruptFileError);
    expect(() => sealedSecretOpen(key, { ...sealed, ciphertext: '%%%' })).toThrow(CorruptFileError);
  });
});

describe('identity seal: untrusted KDF parameters are capped before deriving', () => {
  const salt = Buffer.alloc(32, 7).toString('base64');
  it.each([
    ['N over 2^20', { N: 1 << 21, r: 8, p: 1 }],
    ['N = 2^30', { N: 2 ** 30, r: 8, p: 1 }],
    ['r over 16', { N: 1 << 10, r: 17, p: 1 }],
    ['p over 4', { N: 1 << 10, r: 8, p: 5 }],
    ['N·r·p over 2^22 though each is within its cap (a tampered seal asking for a minute of work)', { N: 1 << 20, r: 8, p: 2 }],
  ])('%s → KdfParamsTooLargeError', async (_, params) => {
    await expect(sealedSecretDeriveKey('123456', { name: 'scrypt', ...params, salt })).rejects.toThrow(KdfParamsTooLargeError);
  });

  it.each([
    ['N not a power of two', { N: 1000, r: 8, p: 1 }],
    ['N below 2', { N: 1, r: 8, p: 1 }],
    ['r below 1', { N: 1 << 10, r: -1, p: 1 }],
    ['N at or over 2^(16·r), which scrypt refuses', { N: 1 << 16, r: 1, p: 1 }],
  ])('%s (within the caps, but no scrypt accepts it) → CorruptFileError, not a RangeError', async (_, params) => {
    await expect(sealedSecretDeriveKey('123456', { name: 'scrypt', ...params, salt })).rejects.toThrow(CorruptFileError);
  });

  it('refuses a salt shorter than 16 bytes or not base64', async () => {
    await expect(sealedSecretDeriveKey('123456', { name: 'scrypt', ...CHEAP, salt: Buffer.alloc(8).toString('base64') })).rejects.toThrow(CorruptFileError);
    await expect(sealedSecretDeriveKey('123456', { name: 'scrypt', ...CHEAP, salt: '***' })).rejects.toThrow(CorruptFileError);
  });
});

describe('identity seal: sealedSecretParse', () => {
  it('reads back what was written', async () => {
    const sealed = await seal('123456', 'x');
    expect(sealedSecretParse(JSON.stringify(sealed))).toEqual(sealed);
  });

  it.each([
    ['not JSON', 'sealed'],
    ['an array', '[]'],
    ['another version', (s: SealedSecret) => ({ ...s, v: 2 })],
    ['another KDF', (s: SealedSecret) => ({ ...s, kdf: { ...s.kdf, name: 'pbkdf2' } })],
    ['N as a string', (s: SealedSecret) => ({ ...s, kdf: { ...s.kdf, N: '1024' } })],
    ['no salt', (s: SealedSecret) => ({ ...s, kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 } })],
    ['no nonce', (s: SealedSecret) => ({ v: 1, kdf: s.kdf, ciphertext: s.ciphertext })],
    ['no ciphertext', (s: SealedSecret) => ({ v: 1, kdf: s.kdf, nonce: s.nonce })],
  ] as const)('refuses %s', async (_, change) => {
    const sealed = await seal('123456', 'x');
    const text = typeof change === 'string' ? change : JSON.stringify(change(sealed));
    expect(() => sealedSecretParse(text)).toThrow(/damaged|not a JSON|format/i);
  });
});

describe('identity seal: sealedSecretFingerprint (what makes two sealed secrets the same one)', () => {
  it('is the same for the same box however its JSON is written (key order, base64 without padding), and differs for another box', async () => {
    const sealed = await seal('123456', 'a phrase');
    const reordered = sealedSecretParse(
      JSON.stringify({ ciphertext: sealed.ciphertext, nonce: sealed.nonce, kdf: { salt: sealed.kdf.salt, p: 1, r: 8, N: CHEAP.N, name: 'scrypt' }, v: 1 }),
    );
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(sealed));
    expect(sealedSecretFingerprint(reordered)).toBe(sealedSecretFingerprint(sealed));
    // A 32-byte salt is written with one "=" of padding.
    const unpadded = { ...sealed, kdf: { ...sealed.kdf, salt: sealed.kdf.salt.replace(/=+$/, '') } };
    expect(unpadded.kdf.salt).not.toBe(sealed.kdf.salt);
    expect(sealedSecretFingerprint(unpadded)).toBe(sealedSecretFingerprint(sealed));
    // The same phrase and PIN sealed again (new salt and nonce) is another box.
    const other = await seal('123456', 'a phrase', (length) => new Uint8Array(length).fill(9));
    expect(sealedSecretFingerprint(other)).not.toBe(sealedSecretFingerprint(sealed));
  });

  it('is undefined when a part is not base64', async () => {
    const sealed = await seal('123456', 'a phrase');
    for (const broken of [
      { ...sealed, nonce: '!!' },
      { ...sealed, ciphertext: 'a' },
      { ...sealed, kdf: { ...sealed.kdf, salt: '#' } },
    ])
      expect(sealedSecretFingerprint(broken)).toBeUndefined();
  });
});
