import { bytesToHex, wipe } from '../../crypto/bytes.js';
import type { RandomSource } from '../../crypto/random.js';
import type { ScryptParams } from '../../crypto/scrypt.js';
import { accountAddress } from '../../keys/account.js';
import { schemeLoad } from '../../keys/scheme.js';
import type { KeyPair } from '../../keys/types.js';
import type { JsonObject } from '../json.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from './encrypt.js';
import { pkcs8Encode } from './pkcs8.js';

export type PolkadotJsWriteOptions = {
  meta?: JsonObject;
  /** SS58 prefix for the `address` field (sr25519/ed25519); 42 by default, as Polkadot{.js}. */
  prefix?: number;
  params?: ScryptParams;
  random?: RandomSource;
};

/**
 * A Polkadot{.js} single-account file (`KeyringPair$Json`, version 3) for a key pair, byte-compatible
 * with `keyring.toJson(address, password)`: field order, pkcs8 layout and address form included.
 *
 * @example
 * const json = await polkadotJsWrite(pair, 'password', { meta: { name: 'Savings' } })
 */
export async function polkadotJsWrite(pair: KeyPair, password: string, options: PolkadotJsWriteOptions = {}): Promise<JsonObject> {
  const scheme = await schemeLoad(pair.type);
  const pkcs8 = pkcs8Encode(pair.secretKey, pair.publicKey);
  const encoded = await polkadotJsEncrypt(pkcs8, password, {
    ...(options.params ? { params: options.params } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  wipe(pkcs8);
  // Polkadot{.js} writes the compressed public key in hex for secp256k1 types: their address cannot give it back.
  const address =
    pair.type === 'ecdsa' || pair.type === 'ethereum'
      ? bytesToHex(pair.publicKey)
      : accountAddress(pair.type, scheme.accountId(pair.publicKey), options.prefix ?? 42);
  return { encoded, encoding: polkadotJsEncoding(['pkcs8', pair.type]), address, meta: options.meta ?? {} };
}
