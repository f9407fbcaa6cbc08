import { accountsOfIdentity, accountDelete } from '../../vault/accounts.js';
import { vaultWrite, type Vault, vaultCheckpoint } from '../../vault/open.js';
import { identityDelete } from '../../vault/identities.js';
import { identitySummary, identityResolve, type IdentitySummary } from './common.js';

/**
 * Removes an identity and every account derived from it, in one transaction. Those accounts have no
 * key of their own (each is the phrase plus a path), so without the identity they could neither sign
 * nor be exported: they go with it, and the caller lists them in its confirmation first (see
 * {@link identityShow}). keepsake cannot know whether the user kept the phrase on paper or in a
 * backup file, so the caller must warn and ask. The sealed phrase is zeroed in the vault file
 * (`secure_delete`) and the WAL that still held it is truncated, as for a removed account.
 *
 * @example
 * identityRemove(vault, 'Phone') // → { id: 1, name: 'Phone', accounts: [ …the removed accounts ] }
 */
export function identityRemove(vault: Vault, query: string): IdentitySummary {
  const removed = vaultWrite(vault, () => {
    const row = identityResolve(vault, query);
    const before = identitySummary(vault, row);
    for (const account of accountsOfIdentity(vault, row.id)) accountDelete(vault, account.id);
    identityDelete(vault, row.id);
    return before;
  });
  vaultCheckpoint(vault);
  return removed;
}
