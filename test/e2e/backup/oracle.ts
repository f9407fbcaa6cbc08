/**
 * Polkadot{.js} account files made and opened by the oracle (`@polkadot/keyring` +
 * `@polkadot/util-crypto`), never by keepsake. `pair.toJson` always uses scrypt N=2^17, which the
 * oracle's JavaScript scrypt takes seconds for on a loaded 2-core machine; `oracleFile` builds the
 * same file (keyring `pair/encode.ts` + `pair/toJson.ts`) with N=2^15 — what wallets from before
 * mid-2025 write — and tests ask keepsake for `--kdf compat` files so the oracle opens them quickly.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { jsonEncryptFormat, naclEncrypt, scryptEncode, scryptToU8a } from '@polkadot/util-crypto';

export type OracleKeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';

const COMPAT = { N: 1 << 15, p: 1, r: 8 };

/** A Polkadot{.js} single-account file, as `pair.toJson(password)` writes it but with N=2^15. */
export function oracleFile(pair: KeyringPair, password: string): KeyringPair$Json {
  const pkcs8 = pair.encodePkcs8();
  const { password: key, salt } = scryptEncode(password, undefined, COMPAT);
  const { encrypted, nonce } = naclEncrypt(pkcs8, key.subarray(0, 32));
  const encoded = u8aConcat(scryptToU8a(salt, COMPAT), nonce, encrypted);
  const address = pair.type === 'ecdsa' || pair.type === 'ethereum' ? u8aToHex(pair.publicKey) : pair.address;
  return JSON.parse(JSON.stringify({ ...jsonEncryptFormat(encoded, ['pkcs8', pair.type], true), address, meta: pair.meta })) as KeyringPair$Json;
}

/** Opens a single-account file with `@polkadot/keyring` (throws on a wrong password) and returns the pair. */
export function oracleOpen(file: KeyringPair$Json, password: string, ss58Format = 42): KeyringPair {
  const type = (Array.isArray(file.encoding.content) ? file.encoding.content[1] : 'ed25519') as OracleKeyType;
  const pair = new Keyring({ type, ss58Format }).addFromJson(file);
  pair.decodePkcs8(password);
  return pair;
}
