import { describe, expect, it } from 'vitest';
import { StoredKeyMismatchError } from '../errors/keyMismatch.js';
import { accountAddress } from '../keys/account.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyPair } from '../keys/types.js';
import type { AccountRow } from '../vault/accounts.js';
import { keyAccountId, storedKeyCheck } from './storedKey.js';

const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

/** A vault row as the vault reads it, for the key and account id given. */
function row(type: KeyPair['type'], publicKey: Uint8Array, accountId: Uint8Array): AccountRow {
  const rest = { name: 'Savings', network: 'polkadot', ss58Prefix: 0, genesisHash: null, fileJson: null, hasFile: true, verified: true, source: 'restore' };
  const none = { identityId: null, identityName: null, path: null, sealedPassword: null, watchJson: null, address: null };
  return { id: 1, publicKey, accountId, type, ...rest, ...none, createdAt: 0, updatedAt: 0 };
}

describe("storedKeyCheck: the key opened or derived must be the row's", () => {
  it("accepts the row's own key; refuses another key, another key type, or a row whose account id was changed", async () => {
    const own = await pairFromSuri(`${PHRASE}//savings`, 'sr25519');
    const other = await pairFromSuri(`${PHRASE}//other`, 'sr25519');
    await storedKeyCheck(row('sr25519', own.publicKey, own.publicKey), own);
    for (const [what, r, key] of [
      ['another key', row('sr25519', own.publicKey, own.publicKey), other],
      ['another key type (same bytes)', row('ed25519', own.publicKey, own.publicKey), own],
      ['an account id edited to another account', row('sr25519', own.publicKey, other.publicKey), own],
      ['a public key edited to another key', row('sr25519', other.publicKey, own.publicKey), own],
    ] as const) {
      const message = `The key stored for ${accountAddress(r.type, r.accountId, 0)} does not belong to it: nothing was exported. The vault may have been altered; restore this account from a backup.`;
      await expect(storedKeyCheck(r, key), what).rejects.toSatisfy((err) => err instanceof StoredKeyMismatchError && err.fullMessage === message);
    }
  });

  it('a row kept without its key (an ecdsa batch entry restored under its own password records the account id) is checked by account id', async () => {
    const own = await pairFromSuri(`${PHRASE}//ecdsa`, 'ecdsa');
    const other = await pairFromSuri(`${PHRASE}//other`, 'ecdsa');
    const id = (await schemeLoad('ecdsa')).accountId(own.publicKey);
    await storedKeyCheck(row('ecdsa', id, id), own);
    await expect(storedKeyCheck(row('ecdsa', id, id), other)).rejects.toBeInstanceOf(StoredKeyMismatchError);
  });

  it('keyAccountId: the account id, or undefined for bytes that are not a key of the type', async () => {
    const eth = await pairFromSuri(`${PHRASE}/m/44'/60'/0'/0/0`, 'ethereum');
    expect(await keyAccountId('ethereum', eth.publicKey)).toHaveLength(20);
    expect(await keyAccountId('ethereum', new Uint8Array(33).fill(0xff))).toBeUndefined();
  });
});
