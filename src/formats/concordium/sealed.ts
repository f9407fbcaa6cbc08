import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8 } from '../../crypto/bytes.js';
import { AEAD_NONCE, aeadOpen, aeadSeal } from '../../crypto/aead.js';
import { systemRandom, type RandomSource } from '../../crypto/random.js';
import type { ScryptParams } from '../../crypto/scrypt.js';
import { sealedSecretDeriveKey, sealedSecretKdfNew, type SealedSecret } from '../identity-seal.js';
import { isObject, type JsonObject } from '../json.js';
import type { ConcordiumCollection } from './desktop.js';

/**
 * How keepsake keeps Concordium Desktop Wallet data in a vault (issue 14): each object the wallet
 * exported (an identity with its attributes and randomness, an account, a credential…) is sealed,
 * and only what listing needs stays readable — the item's {@link ConcordiumListing}.
 *
 * A seal is a password the user holds — the password of the file the data came from — and a KDF:
 * key = scrypt(password, salt[32], N=2^17, r=8, p=1)[0..32]; each item is
 * nonce[24] ‖ XChaCha20-Poly1305(key, nonce, JSON text, aad = "keepsake concordium item v1\n<collection>\n<key>"),
 * so a sealed item cannot be moved to another row unnoticed.
 */
export type ConcordiumSealKdf = SealedSecret['kdf'];
export const CONCORDIUM_SEAL_SCRYPT: ScryptParams = { N: 1 << 17, r: 8, p: 1 };

/** Where keepsake keeps an export's fields it does not know (`rest`), beside the collections. */
export type ConcordiumItemCollection = ConcordiumCollection | 'rest';

/**
 * What keepsake shows of an item without opening it: public facts only. `key` is how the desktop
 * wallet recognises the same item again: an account's address, else a SHA-256 of the wallet's own
 * key (an identity's key is its identity object, which holds the owner's attributes).
 */
export type ConcordiumListing = {
  collection: ConcordiumItemCollection;
  key: string;
  name: string | null;
  /** Identities and accounts: the desktop wallet's status (confirmed, pending, rejected, recovered…). */
  status: string | null;
  /** Identities: the identity provider's name. */
  provider: string | null;
  /** Identities: their row id in the desktop wallet; accounts: their identity's (`identityId`); credentials: their account's address. */
  link: string | null;
  /** Identities: their number within their wallet. */
  number: string | null;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** The identity provider's name; the desktop wallet stores `identityProvider` as a JSON string (older exports: an object). */
function providerName(value: unknown): string | null {
  let ip: unknown = value;
  if (typeof value === 'string') {
    try {
      ip = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const info = isObject(ip) && isObject(ip['ipInfo']) ? ip['ipInfo'] : undefined;
  const description = info && isObject(info['ipDescription']) ? info['ipDescription'] : undefined;
  return description ? text(description['name']) : null;
}

/** The desktop wallet's own key of an item: identity object (or wallet/number), address, credential id, wallet identifier. */
function walletKey(collection: ConcordiumCollection, o: JsonObject): string {
  switch (collection) {
    case 'identities':
      return text(o['identityObject']) ?? `${text(o['walletId']) ?? ''}/${text(o['identityNumber']) ?? text(o['id']) ?? JSON.stringify(o)}`;
    case 'accounts':
      return text(o['address']) ?? JSON.stringify(o);
    case 'credentials':
    case 'externalCredentials':
      return text(o['credId']) ?? JSON.stringify(o);
    case 'wallets':
      return text(o['identifier']) ?? text(o['id']) ?? JSON.stringify(o);
  }
}

/** An account's key is its address (shown); every other key is kept as `sha256:<hex>` of the wallet's key. */
export function concordiumItemKey(collection: ConcordiumItemCollection, o: JsonObject): string {
  if (collection === 'rest') return 'rest';
  const key = walletKey(collection, o);
  return collection === 'accounts' && typeof o['address'] === 'string' ? key : `sha256:${bytesToHex(sha256(utf8(key))).slice(2)}`;
}

/** The public part of one exported object (see {@link ConcordiumListing}). */
export function concordiumListing(collection: ConcordiumItemCollection, o: JsonObject): ConcordiumListing {
  const is = (...c: ConcordiumItemCollection[]) => c.includes(collection);
  return {
    collection,
    key: concordiumItemKey(collection, o),
    name: collection === 'rest' ? null : text(o['name']),
    status: is('identities', 'accounts') ? text(o['status']) : null,
    provider: is('identities') ? providerName(o['identityProvider']) : null,
    link: is('identities')
      ? text(o['id'])
      : is('accounts')
        ? text(o['identityId'])
        : is('credentials', 'externalCredentials')
          ? text(o['accountAddress'])
          : null,
    number: is('identities') ? text(o['identityNumber']) : null,
  };
}

/** A fresh KDF (new salt) for a new seal. */
export function concordiumSealKdfNew(random: RandomSource = systemRandom): ConcordiumSealKdf {
  return sealedSecretKdfNew(random, CONCORDIUM_SEAL_SCRYPT);
}

/** The key a password gives for a seal's KDF (checked against keepsake's scrypt caps first). */
export function concordiumSealKey(password: string, kdf: ConcordiumSealKdf): Promise<Uint8Array> {
  return sealedSecretDeriveKey(password, kdf);
}

const aad = (item: Pick<ConcordiumListing, 'collection' | 'key'>) => utf8(`keepsake concordium item v1\n${item.collection}\n${item.key}`);

/** Seals one object's JSON text for its row: nonce ‖ ciphertext. */
export function concordiumSeal(
  key: Uint8Array,
  item: Pick<ConcordiumListing, 'collection' | 'key'>,
  json: string,
  random: RandomSource = systemRandom,
): Uint8Array {
  const nonce = random(AEAD_NONCE);
  return concatBytes(nonce, aeadSeal(key, nonce, utf8(json), aad(item)));
}

/** Opens a sealed item: its JSON text, or undefined when the key is not the seal's or the bytes were altered or moved. */
export function concordiumUnseal(key: Uint8Array, item: Pick<ConcordiumListing, 'collection' | 'key'>, sealed: Uint8Array): string | undefined {
  if (sealed.length < AEAD_NONCE + 16) return undefined;
  const plain = aeadOpen(key, sealed.subarray(0, AEAD_NONCE), sealed.subarray(AEAD_NONCE), aad(item));
  return plain === undefined ? undefined : new TextDecoder('utf-8', { fatal: false }).decode(plain);
}
