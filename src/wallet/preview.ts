import { bytesToHex, wipe } from '../crypto/bytes.js';
import { accountAddress } from '../keys/account.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyType } from '../keys/types.js';
import { accountByPublicKey } from '../vault/accounts.js';
import type { Vault } from '../vault/open.js';
import { accountAddPair, suriForAdd } from './create.js';
import { existingOf, type ExistingAccount } from './duplicate.js';
import { identityDeriveKey, identityDerivePlan, type DeriveOptions } from './identity/derivePlan.js';
import { identityResolve } from './identity/common.js';
import { identityUnlock } from './identity/unlock.js';
import { networkResolve } from './network.js';

/**
 * The account an add or a derive would give, before anything is stored: its address in the network
 * chosen, its public key (for the identicon), the path used, and the account already in the vault
 * with that key, if any. Nothing is written; the phrase and keys are wiped.
 */
export type AccountPreview = {
  address: string;
  publicKey: string;
  type: KeyType;
  network: string | null;
  path: string;
  existing: ExistingAccount | null;
};

/**
 * What "Add account" would add from a phrase or seed (see `accountAdd`: the same path rules,
 * ethereum's `m/44'/60'/0'/0/0` default included). Phrase problems throw the same errors as the add.
 *
 * @example
 * await accountPreview(vault, { suri: phrase, type: 'ethereum' }) // { address: '0xf24F…', path: "/m/44'/60'/0'/0/0", … }
 */
export async function accountPreview(
  vault: Vault,
  options: { suri: string; type?: KeyType; network?: string; path?: string; secretKey?: Uint8Array },
): Promise<AccountPreview> {
  const type = options.type ?? 'sr25519';
  const network = networkResolve(options.network ?? 'substrate');
  const { path } = options.secretKey === undefined ? suriForAdd(options.suri, type, options.path) : { path: '' };
  const pair = await accountAddPair(options, type);
  try {
    const accountId = (await schemeLoad(type)).accountId(pair.publicKey);
    const existing = accountByPublicKey(vault, pair.publicKey);
    return {
      address: accountAddress(type, accountId, network.prefix),
      publicKey: bytesToHex(pair.publicKey),
      type,
      network: network.name,
      path,
      existing: existing === undefined ? null : existingOf(existing),
    };
  } finally {
    wipe(pair.secretKey);
  }
}

/**
 * What "Derive account" would add from an identity: needs its PIN (a wrong one counts, as for the
 * derive itself). Also gives the name the account would get when none is chosen.
 */
export async function identityDerivePreview(vault: Vault, query: string, options: DeriveOptions): Promise<AccountPreview & { name: string }> {
  const row = identityResolve(vault, query);
  const plan = identityDerivePlan(options);
  const { phrase, key } = await identityUnlock(vault, row, options.pin, options);
  wipe(key);
  const { pair, address, name } = await identityDeriveKey(row, plan, phrase);
  try {
    const existing = accountByPublicKey(vault, pair.publicKey);
    return {
      address,
      publicKey: bytesToHex(pair.publicKey),
      type: plan.type,
      network: plan.network?.name ?? null,
      path: plan.path,
      name,
      existing: existing === undefined ? null : existingOf(existing),
    };
  } finally {
    wipe(pair.secretKey);
  }
}
