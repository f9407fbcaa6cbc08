import type { RandomSource } from '../../crypto/random.js';
import type { ScryptParams } from '../../crypto/scrypt.js';
import { IdentityNotFoundError } from '../../errors/identity.js';
import type { KeyType } from '../../keys/types.js';
import { accountsOfIdentity, type AccountRow } from '../../vault/accounts.js';
import { identityById, identityByName, type IdentityRow } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { accountView } from '../accountView.js';

/** Options tests may change: the clock and the PIN KDF cost. Real callers leave them alone. */
export type IdentityTuning = { now?: () => number; pinKdf?: ScryptParams; random?: RandomSource };

export type IdentityAccount = { address: string; name: string; path: string; network: string | null; type: KeyType; signerQr: string | null };
export type IdentitySummary = { id: number; name: string; createdAt: number; accounts: IdentityAccount[] };

/** Signer's address-export text: `substrate:<address>:<genesis hash>:<name>` (or `ethereum:<address>@1`). */
export function signerQrText(account: { address: string; type: KeyType; genesisHash: string | null; name: string }): string | null {
  if (account.type === 'ethereum') return `ethereum:${account.address}@1`;
  return account.genesisHash === null ? null : `substrate:${account.address}:${account.genesisHash}:${account.name}`;
}

/** An identity as the use cases report it: its row and the accounts derived from it. */
export function identitySummary(vault: Vault, row: IdentityRow): IdentitySummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    accounts: accountsOfIdentity(vault, row.id).map((a) => identityAccount(a)),
  };
}

function identityAccount(row: AccountRow): IdentityAccount {
  const view = accountView(row);
  return {
    address: view.address,
    name: row.name,
    path: row.path ?? '',
    network: row.network,
    type: row.type,
    signerQr: signerQrText({ address: view.address, type: row.type, genesisHash: row.genesisHash, name: row.name }),
  };
}

/** The identity `query` names: its id (digits) or its exact name. */
export function identityResolve(vault: Vault, query: string): IdentityRow {
  const byName = identityByName(vault, query);
  if (byName) return byName;
  const byId = /^\d+$/.test(query) ? identityById(vault, Number(query)) : undefined;
  if (byId) return byId;
  throw new IdentityNotFoundError({ query });
}
