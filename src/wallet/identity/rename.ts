import { DuplicateIdentityError } from '../../errors/identity.js';
import { identityById, identityByName, identityNameSet } from '../../vault/identities.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { nameValidate } from '../names.js';
import { identitySummary, identityResolve, type IdentitySummary } from './common.js';

/**
 * Renames an identity. Its accounts keep their own names (a default name such as "Phone Polkadot
 * Relay Chain" is only a starting point, and the user may have changed it since).
 *
 * @example
 * identityRename(vault, 'Phone', 'Old phone')
 */
export function identityRename(vault: Vault, query: string, name: string): IdentitySummary {
  const newName = nameValidate(name, 'identity');
  const id = vaultWrite(vault, () => {
    const row = identityResolve(vault, query);
    const taken = identityByName(vault, newName);
    if (taken !== undefined && taken.id !== row.id) throw new DuplicateIdentityError({ name: newName });
    identityNameSet(vault, row.id, newName);
    return row.id;
  });
  return identitySummary(vault, identityById(vault, id)!);
}
