import { identitiesAll } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { identitySummary, identityResolve, type IdentitySummary } from './common.js';

/** Every identity with the accounts derived from it. */
export function identityList(vault: Vault): IdentitySummary[] {
  return identitiesAll(vault).map((row) => identitySummary(vault, row));
}

/** The identity `query` names, with the accounts derived from it (what removing it would take along). */
export function identityShow(vault: Vault, query: string): IdentitySummary {
  return identitySummary(vault, identityResolve(vault, query));
}
