/**
 * keepsake's `pairFromSuri` derives the account Polkadot{.js} `keyring.createFromUri` derives, for
 * every key type, and refuses (rather than silently differs) where it deliberately departs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { accountAddress } from '../../src/keys/account.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { schemeLoad } from '../../src/keys/scheme.js';
import { DEV_PHRASE } from '../../src/keys/suri.js';
import { MnemonicLengthError } from '../../src/errors/mnemonic.js';
import { InvalidPathError, InvalidSuriError } from '../../src/errors/suri.js';
import {
  KEY_TYPES,
  hex,
  hexSeedArb,
  keyringFor,
  keyringSecret,
  mnemonicArb,
  rawSeedArb,
  suriArb,
  suriPasswordArb,
  substratePathArb,
  pathText,
  ethereumPathArb,
  runs,
} from './oracle.js';

beforeAll(async () => {
  await cryptoWaitReady();
});

describe.each(KEY_TYPES)('%s: pairFromSuri = keyring.createFromUri', (type) => {
  it('same public key, address and secret for random phrases, seeds, paths and ///passwords', async () => {
    const scheme = await schemeLoad(type);
    await fc.assert(
      fc.asyncProperty(suriArb(type), async ({ suri, lastSoft }) => {
        const oracle = keyringFor(type).createFromUri(suri, {}, type);
        const pair = await pairFromSuri(suri, type);
        expect(pair.type).toBe(type);
        expect(hex(pair.publicKey)).toBe(hex(oracle.publicKey));
        expect(accountAddress(type, scheme.accountId(pair.publicKey), 42)).toBe(oracle.address);
        const secret = keyringSecret(oracle);
        if (lastSoft) {
          // Polkadot{.js} draws the nonce half of a soft-derived sr25519 key at random; the scalar must agree.
          expect(hex(pair.secretKey.subarray(0, 32))).toBe(hex(secret.subarray(0, 32)));
        } else {
          expect(hex(pair.secretKey)).toBe(hex(secret));
        }
        // keepsake is deterministic, nonce included: the same SURI always gives the same bytes.
        expect(hex((await pairFromSuri(suri, type)).secretKey)).toBe(hex(pair.secretKey));
      }),
      { numRuns: runs(type === 'sr25519' ? 80 : 50) },
    );
  });
});

describe('known accounts', () => {
  it('//Alice is the well-known development account', async () => {
    const sr = await pairFromSuri('//Alice', 'sr25519');
    expect(accountAddress('sr25519', sr.publicKey, 42)).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    // (ethereum is left out: a hard junction on an ethereum phrase is not a BIP-32 path, see below.)
    for (const type of ['sr25519', 'ed25519', 'ecdsa'] as const) {
      const oracle = keyringFor(type).createFromUri(`${DEV_PHRASE}//Alice`, {}, type);
      expect(hex((await pairFromSuri('//Alice', type)).publicKey)).toBe(hex(oracle.publicKey));
    }
  });

  it("the first MetaMask account of the dev phrase (/m/44'/60'/0'/0/0)", async () => {
    const suri = `${DEV_PHRASE}/m/44'/60'/0'/0/0`;
    const scheme = await schemeLoad('ethereum');
    const pair = await pairFromSuri(suri, 'ethereum');
    const oracle = keyringFor('ethereum').createFromUri(suri, {}, 'ethereum');
    expect(accountAddress('ethereum', scheme.accountId(pair.publicKey))).toBe(oracle.address);
    expect(hex(pair.secretKey)).toBe(hex(keyringSecret(oracle)));
  });
});

describe('deliberate refusals: where Polkadot{.js} silently ignores part of the SURI, keepsake throws', () => {
  it('a ///password with a 0x seed (Polkadot{.js} drops the password)', async () => {
    await fc.assert(
      fc.asyncProperty(hexSeedArb, fc.constantFrom('sr25519' as const, 'ed25519' as const, 'ecdsa' as const), suriPasswordArb, async (seed, type, password) => {
        const oracle = keyringFor(type);
        expect(hex(oracle.createFromUri(`${seed}///${password}`, {}, type).publicKey)).toBe(hex(oracle.createFromUri(seed, {}, type).publicKey));
        await expect(pairFromSuri(`${seed}///${password}`, type)).rejects.toBeInstanceOf(InvalidSuriError);
      }),
      { numRuns: runs(15) },
    );
  });

  it('a ///password with a raw string seed', async () => {
    await fc.assert(
      fc.asyncProperty(rawSeedArb, suriPasswordArb, async (seed, password) => {
        await expect(pairFromSuri(`${seed}///${password}`, 'sr25519')).rejects.toBeInstanceOf(InvalidSuriError);
      }),
      { numRuns: runs(10) },
    );
  });

  it('a ///password on an ethereum phrase (Polkadot{.js} derives as if there were none)', async () => {
    await fc.assert(
      fc.asyncProperty(mnemonicArb, ethereumPathArb, suriPasswordArb, async (phrase, path, password) => {
        const oracle = keyringFor('ethereum');
        expect(oracle.createFromUri(`${phrase}${path}///${password}`, {}, 'ethereum').address).toBe(
          oracle.createFromUri(`${phrase}${path}`, {}, 'ethereum').address,
        );
        await expect(pairFromSuri(`${phrase}${path}///${password}`, 'ethereum')).rejects.toBeInstanceOf(InvalidSuriError);
      }),
      { numRuns: runs(10) },
    );
  });

  it('a path after an ethereum 0x private key (Polkadot{.js} drops the path)', async () => {
    await fc.assert(
      fc.asyncProperty(
        hexSeedArb,
        fc.oneof(
          ethereumPathArb.filter((p) => p !== ''),
          substratePathArb('ecdsa')
            .filter((j) => j.length > 0)
            .map(pathText),
        ),
        async (seed, path) => {
          const oracle = keyringFor('ethereum');
          expect(oracle.createFromUri(seed + path, {}, 'ethereum').address).toBe(oracle.createFromUri(seed, {}, 'ethereum').address);
          await expect(pairFromSuri(seed + path, 'ethereum')).rejects.toBeInstanceOf(InvalidPathError);
        },
      ),
      { numRuns: runs(10) },
    );
  });

  it('several words that are not a recovery phrase (Polkadot{.js} takes them as a raw seed)', async () => {
    const wordsArb = fc
      .array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 2, maxLength: 11 })
      .map((w) => w.join(' '))
      .filter((s) => s.length <= 32);
    await fc.assert(
      fc.asyncProperty(wordsArb, fc.constantFrom(...KEY_TYPES), async (phrase, type) => {
        expect(() => keyringFor(type).createFromUri(phrase, {}, type)).not.toThrow();
        await expect(pairFromSuri(phrase, type)).rejects.toBeInstanceOf(MnemonicLengthError);
      }),
      { numRuns: runs(20) },
    );
  });

  it('soft junctions for ed25519 and ecdsa are refused by both', async () => {
    await fc.assert(
      fc.asyncProperty(mnemonicArb, fc.constantFrom('ed25519' as const, 'ecdsa' as const), fc.stringMatching(/^[a-z0-9]{1,8}$/), async (phrase, type, text) => {
        expect(() => keyringFor(type).createFromUri(`${phrase}/${text}`, {}, type)).toThrow();
        await expect(pairFromSuri(`${phrase}/${text}`, type)).rejects.toBeInstanceOf(InvalidPathError);
      }),
      { numRuns: runs(10) },
    );
  });

  it('a Substrate hard junction on an ethereum phrase is refused by both (ethereum uses BIP-32 paths)', async () => {
    await fc.assert(
      fc.asyncProperty(mnemonicArb, fc.stringMatching(/^[a-z]{1,8}$/), async (phrase, text) => {
        expect(() => keyringFor('ethereum').createFromUri(`${phrase}//${text}`, {}, 'ethereum')).toThrow();
        await expect(pairFromSuri(`${phrase}//${text}`, 'ethereum')).rejects.toBeInstanceOf(InvalidPathError);
      }),
      { numRuns: runs(5) },
    );
  });
});
