import { InvalidAddressError } from '../errors/address.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { ethereumDecode, ss58Decode } from '../keys/address.js';
import { accountAddress } from '../keys/account.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyType } from '../keys/types.js';
import { vaultAddressTextLooksLike, vaultAddressTextParse } from '../formats/vault-text.js';
import { accountByPublicKey, accountInsert, accountsByAccountId } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView, type AccountView } from './accountView.js';
import { vaultAddressOf } from './addressBook.js';
import { addressNotSecret, addressParse, type ParsedAddress } from './addressParse.js';
import { placementOf, type Placement } from './duplicate.js';
import { nameValidate } from './names.js';
import { networkResolve } from './network.js';

/** What {@link accountWatch} takes: an address or a Polkadot Vault address text, a name, and optionally a network. */
export type WatchInput = { address: string; name: string; network?: string };

/**
 * Adds a watch-only account: an address keepsake shows and lists, without a key (it cannot sign, and
 * has no key to export or back up). `address` is an SS58 or 0x Ethereum address (checksums
 * checked by {@link addressParse}) or a Polkadot Vault address text (`substrate:<ss58>:0x<genesis>`,
 * `ethereum:0x…:0x<genesis>`), whose genesis hash gives the network when keepsake knows it. Stored as
 * restore stores an Apps entry without a key (source `watch-only`): the address's bytes stand in for
 * its key (sr25519 for SS58, as restore and Nova backups do; the 20-byte id for Ethereum). An address
 * already in the vault, with its key or without, is refused and nothing changes. A secret given
 * instead (a `secret:` text, a phrase) is refused without being repeated.
 *
 * @example
 * await accountWatch(vault, { address: '15oF4uVJ…', name: 'Treasury' })
 * (await accountWatch(vault, { address: 'substrate:5GrwvaEF…:0xe143f238…423e', name: 'From Vault' })).network // 'westend'
 */
export async function accountWatch(vault: Vault, input: WatchInput): Promise<AccountView> {
  const text = input.address.trim();
  addressNotSecret(text);
  const fromText = vaultAddressTextLooksLike(text) ? vaultAddressTextParse(text) : undefined;
  // An older Signer's address text ends with the account's name (formats/vault-text.ts): it stands in for a name left empty.
  const name = nameValidate(input.name.trim() === '' && fromText?.name ? fromText.name : input.name, 'account');
  const parsed = fromText === undefined ? addressParse(text, input.network) : vaultAddressOf(text, input.network);
  if (parsed.kind === 'concordium')
    throw new InvalidAddressError({
      address: parsed.address,
      network: 'Polkadot or Ethereum',
      reason: 'it is a Concordium one',
      hint: 'Only Polkadot and Ethereum accounts can be watched; keep a Concordium address in the address book instead.',
    });
  const { type, publicKey, accountId } = await keyOf(parsed);
  const place = placeOf(parsed, fromText?.genesisHash);
  const address = accountAddress(type, accountId, place.ss58Prefix);
  return vaultWrite(vault, () => {
    // By account id: an account held with its full key (a 33-byte ecdsa/Ethereum key) has this address too.
    const existing = accountsByAccountId(vault, accountId)[0] ?? accountByPublicKey(vault, publicKey);
    if (existing !== undefined)
      throw new DuplicateAccountError({ address: accountAddress(existing.type, existing.accountId, existing.ss58Prefix), name: existing.name, retry: 'watch' });
    accountInsert(vault, { publicKey, accountId, type, name, ...place, fileJson: null, verified: true, source: 'watch-only', watchJson: null });
    const row = accountByPublicKey(vault, publicKey);
    if (row === undefined) throw new Error(`accountWatch: ${address} was not stored`);
    return accountView(row);
  });
}

/**
 * The key type, key and account id an address gives, as restore reads an Apps entry without a key
 * (wallet/fileAccounts.ts `keyFromAddress`): only the address is known, so its bytes stand in for the
 * key — but a 33-byte SS58 address is an ecdsa key itself, whose account id is its hash.
 */
async function keyOf(parsed: ParsedAddress): Promise<{ type: KeyType; publicKey: Uint8Array; accountId: Uint8Array }> {
  if (parsed.kind === 'ethereum') {
    const id = ethereumDecode(parsed.address);
    return { type: 'ethereum', publicKey: id, accountId: id };
  }
  const bytes = ss58Decode(parsed.address).publicKey;
  if (bytes.length === 33) return { type: 'ecdsa', publicKey: bytes, accountId: (await schemeLoad('ecdsa')).accountId(bytes) };
  return { type: 'sr25519', publicKey: bytes, accountId: bytes };
}

/**
 * Where the account is shown: the network the address (or the Vault text) names. An Ethereum address
 * with no network of its own is shown as restore shows one (generic Substrate placement); the genesis
 * hash of a Vault text for a network keepsake does not know is kept, so the account stays that network's.
 */
function placeOf(parsed: ParsedAddress, genesisHash: string | undefined): Placement {
  const place = placementOf(networkResolve(parsed.network === null || parsed.network === 'ethereum' ? 'substrate' : parsed.network));
  return place.genesisHash === null && genesisHash !== undefined ? { ...place, genesisHash } : place;
}
