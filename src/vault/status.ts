import { concordiumItemsReadable } from './concordiumItems.js';
import { vaultStatement, type Vault } from './open.js';

/** How many of each thing a vault holds, and its schema version: what `vault status` shows. */
export type VaultCounts = { schemaVersion: number; accounts: number; identities: number; addresses: number; concordium: number; concordiumReadable: number };

export function vaultCounts(vault: Vault): VaultCounts {
  const count = (table: string) => (vaultStatement(vault, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    schemaVersion: vault.db.pragma('user_version', { simple: true }) as number,
    accounts: count('accounts'),
    identities: count('identities'),
    addresses: count('addresses'),
    concordium: count("concordium_items WHERE collection <> 'rest'"),
    // Items imported before seals existed, still readable in a copy of a plain vault (`concordium seal`).
    concordiumReadable: concordiumItemsReadable(vault),
  };
}
