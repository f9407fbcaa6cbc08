import { bytesEqual, wipe } from '../../crypto/bytes.js';
import { CorruptFileError } from '../../errors/file.js';
import { AddressMismatchError, InvalidKeyError } from '../../errors/key.js';
import { accountAddress } from '../../keys/account.js';
import { schemeLoad, type KeyScheme } from '../../keys/scheme.js';
import type { KeyType } from '../../keys/types.js';
import { fileAddressDecode, fileAddressDisplay, type FileAddress } from './address.js';
import { polkadotJsDecrypt } from './decrypt.js';
import type { PolkadotJsSingle } from './parse.js';
import { PKCS8_LENGTHS, pkcs8Decode, type Pkcs8Parts } from './pkcs8.js';

/** A decrypted account whose key has been checked against the file's address. */
export type OpenedAccount = {
  type: KeyType;
  publicKey: Uint8Array;
  /** In Polkadot{.js} layout (see `KeyPair`). The caller wipes it when done. */
  secretKey: Uint8Array;
  accountId: Uint8Array;
  /** The account's address in the file's network format (EIP-55 for ethereum). */
  address: string;
  /** The SS58 prefix the file used, or 42 when it used a hex key. */
  prefix: number;
  name: string | undefined;
};

const WARM_SEED = new Uint8Array(32).fill(7);

/** Key types to try when a (legacy) file does not record one: Polkadot{.js} guesses; keepsake checks. */
const UNRECORDED: readonly KeyType[] = ['sr25519', 'ed25519', 'ecdsa'];

/**
 * Decrypts a single-account file and proves its key matches its `address` — something
 * Polkadot{.js} never checks, so a mixed-up or edited file would restore a different account there.
 *
 * Throws {@link WrongPasswordError} (password, or altered ciphertext), {@link AddressMismatchError},
 * {@link CorruptFileError}, or a KDF parameter error before any work.
 *
 * @example
 * const account = await polkadotJsOpen(polkadotJsParse(JSON.parse(text)), password)
 */
export async function polkadotJsOpen(
  file: PolkadotJsSingle,
  password: string,
  options: { file?: string | undefined; subject?: string; held?: 'file' | 'vault' } = {},
): Promise<OpenedAccount> {
  const claimed = fileAddressDecode(file.address);
  // Messages name the account by the address its owner knows, not by the public key an ethereum file holds.
  const shown = options.subject ?? (await fileAddressDisplay(file.address, file.keyType));
  const types = file.keyType === undefined ? UNRECORDED : [file.keyType];
  let schemes: KeyScheme[] = [];
  const plaintext = await polkadotJsDecrypt(file, password, {
    subject: shown,
    held: options.held,
    file: options.file,
    plaintextLengths: PKCS8_LENGTHS,
    alongside: async () => {
      schemes = await Promise.all(types.map(schemeLoad));
      // Curve libraries build lookup tables on first use (~20 ms): do it while scrypt runs on another thread.
      for (const scheme of schemes) accountAddress(scheme.type, scheme.accountId(scheme.fromSeed(WARM_SEED).publicKey));
    },
  });
  const parts = pkcs8Decode(plaintext);
  wipe(plaintext);
  if (parts === undefined)
    throw new CorruptFileError({ file: options.file, reason: 'it decrypts, but what it holds is not a key in the Polkadot{.js} layout' });

  try {
    const candidates = schemes.map((scheme) => keyFromParts(scheme, parts, claimed, file.meta['name']));
    const match = candidates.find((c) => c !== undefined && matches(claimed, c));
    for (const c of candidates) if (c !== match && c !== undefined) wipe(c.secretKey);
    if (match !== undefined) return match;
    const first = candidates.find((c) => c !== undefined);
    if (first === undefined) {
      throw new InvalidKeyError({ type: file.keyType ?? 'account', reason: 'its secret and public parts do not belong together' });
    }
    throw new AddressMismatchError({ expected: shown, actual: first.address });
  } finally {
    wipe(parts.secretKey);
  }
}

/** The account the pkcs8 parts hold under one key type, or undefined when they are not a consistent key of that type. */
function keyFromParts(scheme: KeyScheme, parts: Pkcs8Parts, claimed: FileAddress, name: unknown): OpenedAccount | undefined {
  let pair: { publicKey: Uint8Array; secretKey: Uint8Array };
  try {
    if (scheme.secretLengths.includes(parts.secretKey.length)) {
      pair = { secretKey: parts.secretKey.slice(), publicKey: scheme.publicFromSecret(parts.secretKey) };
      // The public half stored beside the secret must be the secret's own (sr25519/ed25519 files).
      if (parts.publicKey.length === pair.publicKey.length && !bytesEqual(parts.publicKey, pair.publicKey)) {
        wipe(pair.secretKey);
        return undefined;
      }
    } else if (parts.secretKey.length === 32) {
      // Generations 1–2 stored the 32-byte seed; the pair is rebuilt from it (as Polkadot{.js} does).
      pair = scheme.fromSeed(parts.secretKey);
    } else {
      return undefined;
    }
  } catch {
    return undefined;
  }
  const accountId = scheme.accountId(pair.publicKey);
  const prefix = claimed.prefix ?? 42;
  return {
    type: scheme.type,
    ...pair,
    accountId,
    prefix,
    address: accountAddress(scheme.type, accountId, prefix),
    name: typeof name === 'string' ? name : undefined,
  };
}

function matches(claimed: FileAddress, account: OpenedAccount): boolean {
  if (claimed.ethereum) return account.type === 'ethereum' && bytesEqual(claimed.bytes, account.accountId);
  return bytesEqual(claimed.bytes, account.accountId) || bytesEqual(claimed.bytes, account.publicKey);
}
