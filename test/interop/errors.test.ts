/**
 * Failures agree with Polkadot{.js} where it has an opinion, and say more where it has none:
 * a wrong password is refused by both (keepsake: WrongPasswordError, without the password in any
 * message); an edited `address` is accepted by Polkadot{.js} (it never checks) and refused by keepsake
 * (AddressMismatchError), unless the edit only changes the network prefix of the same key.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { encodeAddress } from '@polkadot/util-crypto';
import { BaseError } from '../../src/errors/base.js';
import { AddressMismatchError } from '../../src/errors/key.js';
import { WrongPasswordError } from '../../src/errors/password.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../../src/formats/polkadot-js/open.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { accountAddress } from '../../src/keys/account.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { schemeLoad } from '../../src/keys/scheme.js';
import { verifyFile } from '../../src/wallet/verify.js';
import {
  KEY_TYPES,
  parseSingle,
  asFile,
  distinctPasswordArb,
  expectNoSecret,
  hex,
  keyringFor,
  passwordArb,
  prefixArb,
  runs,
  samePolkadotPassword,
  suriArb,
  type KeyType,
} from './oracle.js';
import { rejection } from '../support/rejection.js';

/** Everything an error can show: message, message with hints, stack, and its JSON form. */
function shownBy(err: unknown): string[] {
  if (!(err instanceof BaseError)) return [String(err)];
  return [err.message, err.fullMessage, err.stack ?? '', JSON.stringify(err), ...err.hints];
}

const typeArb = fc.constantFrom(...KEY_TYPES);
const typedSuriArb = typeArb.chain((type) => suriArb(type).map(({ suri }) => ({ type, suri })));

describe('a wrong password', () => {
  it('keepsake file, N=2^15: Polkadot{.js} refuses it, keepsake throws WrongPasswordError without the password', async () => {
    await fc.assert(
      fc.asyncProperty(typedSuriArb, distinctPasswordArb, distinctPasswordArb, async ({ type, suri }, password, wrong) => {
        fc.pre(!samePolkadotPassword(password, wrong));
        const pair = await pairFromSuri(suri, type);
        const json = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, password, { params: SCRYPT_COMPAT }));

        expect(() => keyringFor(type).addFromJson(json).decodePkcs8(wrong)).toThrow();

        const err = await rejection(polkadotJsOpen(parseSingle(json), wrong));
        expect(err).toBeInstanceOf(WrongPasswordError);
        expectNoSecret(shownBy(err), password, wrong);

        const viaVerify = await rejection(verifyFile(JSON.stringify(json), wrong));
        expect(viaVerify).toBeInstanceOf(WrongPasswordError);
        expectNoSecret(shownBy(viaVerify), password, wrong);
      }),
      { numRuns: runs(6) },
    );
  });

  it('Polkadot{.js} file from pair.toJson (N=2^17): WrongPasswordError naming the account, not the password', async () => {
    await fc.assert(
      fc.asyncProperty(typedSuriArb, distinctPasswordArb, distinctPasswordArb, async ({ type, suri }, password, wrong) => {
        fc.pre(!samePolkadotPassword(password, wrong));
        const pair = keyringFor(type).addFromUri(suri, { name: 'mine' }, type);
        const json = asFile<KeyringPair$Json>(pair.toJson(password));
        const err = await rejection(polkadotJsOpen(parseSingle(json), wrong));
        expect(err).toBeInstanceOf(WrongPasswordError);
        // Named by its address: an ecdsa or ethereum file's `address` field is the public key (issue 12 #15; was json.address).
        expect((err as WrongPasswordError).subject).toBe(type === 'ecdsa' || type === 'ethereum' ? pair.address : json.address);
        expectNoSecret(shownBy(err), password, wrong);
      }),
      { numRuns: runs(2) },
    );
  });

  it('a one-character change of a non-ASCII password is a wrong password for both', async () => {
    const password = 'Grüße, 世界 🌍';
    const pair = await pairFromSuri('//keepsake', 'sr25519');
    const json = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, password, { params: SCRYPT_COMPAT }));
    for (const wrong of ['Grüsse, 世界 🌍', 'Grüße, 世界 🌎', 'Grüße, 世界 🌍 ', password.normalize('NFD')]) {
      expect(() => keyringFor('sr25519').addFromJson(json).decodePkcs8(wrong)).toThrow();
      await expect(polkadotJsOpen(parseSingle(json), wrong)).rejects.toBeInstanceOf(WrongPasswordError);
    }
    // And the right one opens in both.
    keyringFor('sr25519').addFromJson(json).decodePkcs8(password);
    expect(hex((await polkadotJsOpen(parseSingle(json), password)).publicKey)).toBe(hex(pair.publicKey));
  });
});

describe('an edited address field', () => {
  it("another account's address: Polkadot{.js} silently opens a different account, keepsake throws AddressMismatchError", async () => {
    await fc.assert(
      fc.asyncProperty(
        typeArb.chain((type) => fc.record({ type: fc.constant(type), a: suriArb(type), b: suriArb(type) })),
        passwordArb,
        async ({ type, a, b }, password) => {
          const pairA = await pairFromSuri(a.suri, type);
          const pairB = await pairFromSuri(b.suri, type);
          fc.pre(hex(pairA.publicKey) !== hex(pairB.publicKey));
          const fileA = asFile<KeyringPair$Json>(await polkadotJsWrite(pairA, password, { params: SCRYPT_COMPAT }));
          const fileB = asFile<KeyringPair$Json>(await polkadotJsWrite(pairB, password, { params: SCRYPT_COMPAT, random: (n) => new Uint8Array(n) }));
          const edited: KeyringPair$Json = { ...fileA, address: fileB.address };

          // Polkadot{.js}: shows B's address, then (after the password) quietly becomes A.
          const scheme = await schemeLoad(type);
          const addressA = accountAddress(type, scheme.accountId(pairA.publicKey));
          const addressB = accountAddress(type, scheme.accountId(pairB.publicKey));
          const imported = keyringFor(type).addFromJson(edited);
          expect(imported.address).toBe(addressB);
          imported.decodePkcs8(password);
          expect(imported.address).toBe(addressA);

          // keepsake: refuses, naming both.
          const err = await rejection(polkadotJsOpen(parseSingle(edited), password));
          expect(err).toBeInstanceOf(AddressMismatchError);
          // The address the file claims, as its owner knows it (issue 12 #15: an ecdsa/ethereum `address` field is a public key; was fileB.address).
          expect((err as AddressMismatchError).expected).toBe(addressB);
          expect((err as AddressMismatchError).actual).toBe(addressA);
          expectNoSecret(shownBy(err), password);

          const report = await verifyFile(JSON.stringify(edited), password);
          expect(report.ok).toBe(false);
          expect(report.accounts).toHaveLength(1);
          expect(report.accounts[0]).toMatchObject({ ok: false, error: { name: 'AddressMismatchError' } });
        },
      ),
      { numRuns: runs(6) },
    );
  });

  it('the same key under another network prefix is the same account: it opens, in that network format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('sr25519' as const, 'ed25519' as const).chain((type: KeyType) => fc.record({ type: fc.constant(type), s: suriArb(type) })),
        passwordArb,
        prefixArb,
        async ({ type, s }, password, prefix) => {
          const pair = await pairFromSuri(s.suri, type);
          const file = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, password, { params: SCRYPT_COMPAT }));
          const moved = { ...file, address: encodeAddress(pair.publicKey, prefix) };
          const opened = await polkadotJsOpen(parseSingle(moved), password);
          expect(opened.prefix).toBe(prefix);
          expect(opened.address).toBe(moved.address);
          expect(keyringFor(type, prefix).addFromJson(moved).address).toBe(moved.address);
        },
      ),
      { numRuns: runs(4) },
    );
  });
});
