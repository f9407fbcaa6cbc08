/**
 * Shared pieces of the interop tests: fast-check arbitraries for secret URIs, paths and passwords,
 * and small helpers that use Polkadot{.js} (`@polkadot/keyring`, `@polkadot/util-crypto`) as the
 * oracle. Only tests import this file; `src/` never imports the oracle.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types';
import { u8aConcat, u8aEq, u8aToHex, u8aToU8a } from '@polkadot/util';
import { cryptoWaitReady, jsonEncryptFormat, mnemonicGenerate as utilMnemonicGenerate, naclEncrypt, scryptEncode, scryptToU8a } from '@polkadot/util-crypto';
import { mnemonicGenerate } from '../../src/keys/mnemonic.js';
import { DEV_PHRASE } from '../../src/keys/suri.js';
import { KEY_TYPES, type KeyType } from '../../src/keys/types.js';
import type { ScryptParams } from '../../src/crypto/scrypt.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../../src/formats/polkadot-js/parse.js';

export { KEY_TYPES, type KeyType };
export { oracleToJson } from '../support/oracle.js';

// The oracle's keyring needs util-crypto's WASM: a test file that imports the oracle finds it ready.
await cryptoWaitReady();

/** keepsake's reading of a Polkadot{.js} file that must be a single account (not a batch). */
export function parseSingle(json: unknown): PolkadotJsSingle {
  const parsed = polkadotJsParse(json);
  if (parsed.kind !== 'single') throw new Error(`expected a single-account file, got ${parsed.kind}`);
  return parsed;
}

/** pkcs8 framing, written out from DESIGN.md rather than taken from keepsake's own constants. */
export const PKCS8_HEADER = Uint8Array.from([0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
export const PKCS8_DIVIDER = Uint8Array.from([0xa1, 0x23, 0x03, 0x21, 0x00]);

/** Length of the secret part of pkcs8 for each key type (DESIGN.md "Formats"). */
export const SECRET_LENGTH: Record<KeyType, number> = { sr25519: 64, ed25519: 64, ecdsa: 32, ethereum: 32 };

export function hex(bytes: Uint8Array): string {
  return u8aToHex(bytes);
}

/** The secret bytes an unlocked keyring pair holds, read from its own plaintext pkcs8 encoding. */
export function keyringSecret(pair: KeyringPair): Uint8Array {
  const pkcs8 = pair.encodePkcs8();
  const length = SECRET_LENGTH[pair.type as KeyType];
  if (!u8aEq(pkcs8.subarray(0, PKCS8_HEADER.length), PKCS8_HEADER)) throw new Error('keyring pkcs8 header is not the documented one');
  return pkcs8.slice(PKCS8_HEADER.length, PKCS8_HEADER.length + length);
}

/** Whether two passwords unlock the same Polkadot{.js} file: it hex-decodes `0x…` passwords (`u8aToU8a`). */
export function samePolkadotPassword(a: string, b: string): boolean {
  return u8aEq(u8aToU8a(a), u8aToU8a(b));
}

/** A JSON object as a file would carry it (a text round trip drops anything JSON cannot hold). */
export function asFile<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function keyringFor(type: KeyType, ss58Format = 42): Keyring {
  return new Keyring({ type, ss58Format });
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/**
 * A BIP-39 phrase of 12 or 24 words: from keepsake's generator (entropy drawn by fast-check, so a
 * failure replays from its seed) or from util-crypto's `mnemonicGenerate` (its own randomness; the
 * phrase is printed in the counterexample).
 */
export const mnemonicArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ words: fc.constantFrom(12 as const, 24 as const), entropy: fc.uint8Array({ minLength: 32, maxLength: 32 }) })
    .map(({ words, entropy }) => mnemonicGenerate(words, (n) => entropy.slice(0, n))),
  fc.constantFrom(12 as const, 24 as const).map((words) => utilMnemonicGenerate(words)),
);

/** Text of one junction: numbers (u64 and up to 2^256), names, hex (also > 32 bytes → hashed), and any Unicode. */
export const junctionTextArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: 0, max: 1000 }).map(String),
    fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }).map(String),
    fc.constantFrom('polkadot', 'kusama', 'westend', 'Alice', 'stash', 'hard', 'soft'),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,40}$/),
    fc.uint8Array({ maxLength: 40 }).map((b) => u8aToHex(b)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  )
  .filter((text) => text.length > 0 && !text.includes('/'));

export type Junction = { hard: boolean; text: string };

/** A Substrate derivation path: hard junctions, and soft ones too for sr25519. */
export function substratePathArb(type: KeyType, maxLength = 4): fc.Arbitrary<Junction[]> {
  const hard = type === 'sr25519' ? fc.boolean() : fc.constant(true);
  return fc.array(fc.record({ hard, text: junctionTextArb }), { maxLength });
}

export function pathText(junctions: readonly Junction[]): string {
  return junctions.map((j) => (j.hard ? '//' : '/') + j.text).join('');
}

/** A BIP-44 style path as Polkadot{.js} writes it in a SURI: `/m/44'/60'/0'/0/N`, or any BIP-32 path, or none. */
export const ethereumPathArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ account: fc.integer({ min: 0, max: 20 }), change: fc.constantFrom(0, 1), index: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
    .map(({ account, change, index }) => `/m/44'/60'/${account}'/${change}/${index}`),
  fc
    .array(fc.record({ index: fc.integer({ min: 0, max: 2 ** 31 - 1 }), hard: fc.boolean() }), { maxLength: 5 })
    .map((parts) => '/m' + parts.map((p) => `/${p.index}${p.hard ? "'" : ''}`).join('')),
  fc.constant(''),
);

const LINE_TERMINATORS = /[\n\r\u2028\u2029]/u;

/**
 * The `///password` of a SURI (any Unicode, spaces at either end included). Without line
 * terminators: Polkadot{.js}'s SURI pattern ends with `(.*)`, which does not match them.
 */
export const suriPasswordArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ maxLength: 16 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 16 }),
    fc.constantFrom('secret', 'pässwört ', ' leading space', '密码', '🔑🦊', 'a///b', '0x1234'),
  )
  .filter((p) => !LINE_TERMINATORS.test(p));

/** A 32-byte seed written as 0x hex. */
export const hexSeedArb: fc.Arbitrary<string> = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => u8aToHex(b));

/** A single-word raw seed (≤ 32 ASCII characters), space-padded to 32 bytes by both implementations. */
export const rawSeedArb: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/).filter((s) => !s.startsWith('0x'));

export type SuriCase = {
  suri: string;
  /** The last junction is soft: Polkadot{.js} then draws the sr25519 nonce half at random. */
  lastSoft: boolean;
  /** The secret has a ///password (only with mnemonics, and never for ethereum). */
  hasPassword: boolean;
};

/** Secret URIs Polkadot{.js} accepts and keepsake must derive identically (no deliberate refusals). */
export function suriArb(type: KeyType): fc.Arbitrary<SuriCase> {
  if (type === 'ethereum') {
    return fc
      .oneof(
        { weight: 4, arbitrary: fc.record({ phrase: mnemonicArb, path: ethereumPathArb }) },
        { weight: 1, arbitrary: fc.record({ phrase: rawSeedArb, path: ethereumPathArb }) },
        { weight: 1, arbitrary: fc.record({ phrase: hexSeedArb, path: fc.constant('') }) },
      )
      .map(({ phrase, path }) => ({ suri: phrase + path, lastSoft: false, hasPassword: false }));
  }
  const secret = fc.oneof(
    { weight: 4, arbitrary: fc.record({ phrase: mnemonicArb, password: fc.option(suriPasswordArb, { nil: undefined }) }) },
    { weight: 1, arbitrary: fc.record({ phrase: hexSeedArb, password: fc.constant(undefined) }) },
    { weight: 1, arbitrary: fc.record({ phrase: rawSeedArb, password: fc.constant(undefined) }) },
    { weight: 1, arbitrary: fc.record({ phrase: fc.constant(''), password: fc.option(suriPasswordArb, { nil: undefined }) }) },
  );
  return fc.record({ secret, junctions: substratePathArb(type) }).map(({ secret: { phrase, password }, junctions }) => {
    const path = pathText(junctions);
    // An empty phrase stands for the dev phrase: `//x` alone when the path starts hard, else written out.
    const head = phrase === '' && !path.startsWith('//') ? DEV_PHRASE : phrase;
    return {
      suri: head + path + (password === undefined ? '' : `///${password}`),
      lastSoft: junctions.length > 0 && !junctions[junctions.length - 1]!.hard,
      hasPassword: password !== undefined,
    };
  });
}

/**
 * A file password: any Unicode (accents, CJK, emoji, combining marks, astral code points), and
 * `0x…` hex strings, which Polkadot{.js} turns into the bytes they spell before scrypt.
 */
export const passwordArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  fc.record({ bytes: fc.uint8Array({ maxLength: 16 }), upper: fc.boolean() }).map(({ bytes, upper }) => {
    const h = u8aToHex(bytes);
    return upper ? '0x' + h.slice(2).toUpperCase() : h;
  }),
  fc.constantFrom('correct horse battery staple', 'pässwörd', 'contraseña', '密码是秘密', 'パスワード', '🔑🦊🚀', 'e\u0301', ' ', '0xdeadbeef'),
);

/** SS58 network prefixes: the common ones and any allowed (0..16383 except 46, 47). */
export const prefixArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 2, 42),
  fc.integer({ min: 0, max: 16383 }).filter((p) => p !== 46 && p !== 47),
);

/**
 * fast-check runs for a property, scaled by `KEEPSAKE_INTEROP_SCALE` (default 1) for a deeper search
 * than the default suite can afford, e.g. `KEEPSAKE_INTEROP_SCALE=20 npx vitest run test/interop`.
 */
export function runs(n: number): number {
  const scale = Number(process.env['KEEPSAKE_INTEROP_SCALE'] ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * No password shows in what an error tells a person or a log. Passwords shorter than 6 characters are
 * skipped: a one-letter or blank password is inside every sentence.
 */
export function expectNoSecret(shown: readonly (string | null | undefined)[], ...secrets: string[]): void {
  for (const secret of secrets) {
    if (secret.trim().length < 6) continue;
    for (const text of shown) expect(text ?? '').not.toContain(secret);
  }
}

/** Passwords long and unusual enough that finding one in a message cannot be a coincidence. */
export const distinctPasswordArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 8, maxLength: 16 }),
    fc.string({ unit: 'binary', minLength: 8, maxLength: 16 }),
    fc.string({ minLength: 8, maxLength: 16 }),
  )
  .filter((p) => p.trim().length >= 6);
