import { bytesToHex } from '../crypto/bytes.js';
import type { JsonObject } from '../formats/json.js';
import type { KeyType } from '../keys/types.js';

/**
 * Pieces several wallet use cases share. A use case imports these (and the other helper modules:
 * names, secrets, network, storedKey, duplicate, rekey), never another use case's file.
 */

/** The first account of MetaMask, of the Polkadot{.js} extension and of Ledger for Ethereum (BIP-44, coin 60). */
export const ETHEREUM_DEFAULT_PATH = "/m/44'/60'/0'/0/0";

/** An Apps entry without a key: address, meta, and the public key and type when known (as Apps writes external accounts). */
export function watchOnlyEntry(a: { address: string; name: string; genesisHash: string | null; publicKey: Uint8Array; type: KeyType }): JsonObject {
  return {
    address: a.address,
    meta: { name: a.name, ...(a.genesisHash ? { genesisHash: a.genesisHash } : {}), isExternal: true },
    ...(a.publicKey.length === 32 || a.publicKey.length === 33 ? { publicKey: bytesToHex(a.publicKey) } : {}),
    type: a.type,
  };
}
