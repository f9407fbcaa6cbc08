import { utf8, wipe } from '../../crypto/bytes.js';
import type { RandomSource } from '../../crypto/random.js';
import { DuplicateAccountError } from '../../errors/vault.js';
import { sealedSecretParse, sealedSecretSeal } from '../../formats/identity-seal.js';
import { accountAddress } from '../../keys/account.js';
import type { KeyPair, KeyType } from '../../keys/types.js';
import { accountByPublicKey, accountInsert, accountReplace } from '../../vault/accounts.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { accountNameNetworkSet, existingKind, nameOrNetworkDiffers, placementOf, rowRecord } from '../duplicate.js';
import { identityResolve, signerQrText } from './common.js';
import { identityUnlock } from './unlock.js';
import { identityDeriveKey, identityDerivePlan, type DeriveOptions } from './derivePlan.js';

/**
 * What `identityDerive` did: `added` a new account; `updated` the name and network of the account
 * already in the vault with that key (`unchanged` when they were already so); `completed` a
 * watch-only account, which is now derived from the identity.
 */
export type DeriveStatus = 'added' | 'updated' | 'unchanged' | 'completed';

export type DeriveResult = {
  address: string;
  path: string;
  network: string | null;
  type: KeyType;
  name: string;
  signerQr: string | null;
  status: DeriveStatus;
  /** The name and network the account had, when it was already in the vault. */
  previous: { name: string; network: string | null } | null;
};

/**
 * Derives an account from an identity and adds it to the vault (see {@link identityDerivePlan} for
 * the paths). A key already in the vault is refused, or with `onDuplicate: 'update'` the existing
 * account takes the network asked for and the name given (it keeps its own name when none is
 * given); its key stays where it is — a stored file stays, an identity account stays derived from
 * its identity — and a watch-only account becomes this identity's account.
 */
export async function identityDerive(vault: Vault, query: string, options: DeriveOptions): Promise<DeriveResult> {
  const row = identityResolve(vault, query);
  const plan = identityDerivePlan(options);
  const { phrase, key } = await identityUnlock(vault, row, options.pin, options);
  let pair: KeyPair | undefined;
  try {
    const derived = await identityDeriveKey(row, plan, phrase);
    pair = derived.pair;
    const { accountId, address } = derived;
    const { type, network, path, password } = plan;
    const sealedPassword = password === undefined ? null : sealPathPassword(key, row.sealed, password, options.random);
    const publicKey = pair.publicKey;
    const place = placementOf(network);
    const result = vaultWrite(vault, (): { name: string; status: DeriveStatus; previous: DeriveResult['previous']; path: string } => {
      const existing = accountByPublicKey(vault, publicKey);
      if (existing === undefined) {
        accountInsert(vault, {
          publicKey,
          accountId,
          type,
          name: derived.name,
          ...place,
          fileJson: null,
          verified: true,
          source: 'identity',
          identityId: row.id,
          path,
          sealedPassword,
        });
        return { name: derived.name, status: 'added', previous: null, path };
      }
      if (options.onDuplicate !== 'update' || existing.type !== type) {
        throw new DuplicateAccountError({ address, name: existing.name, ...(existing.type === type ? { retry: 'derive' as const } : {}) });
      }
      const previous = { name: existing.name, network: existing.network };
      const name = plan.givenName ?? existing.name;
      if (existingKind(existing) === 'watch-only') {
        // It held only the address: now it is this identity's account, with its key.
        accountReplace(vault, {
          ...rowRecord(existing),
          name,
          ...place,
          verified: true,
          source: 'identity',
          identityId: row.id,
          path,
          sealedPassword,
          watchJson: null,
        });
        return { name, status: 'completed', previous, path };
      }
      if (!nameOrNetworkDiffers(existing, name, place)) return { name, status: 'unchanged', previous, path: existing.path ?? path };
      accountNameNetworkSet(vault, existing, name, place);
      return { name, status: 'updated', previous, path: existing.identityId !== null ? (existing.path ?? path) : path };
    });
    const shown = accountAddress(type, accountId, place.ss58Prefix);
    return {
      address: shown,
      path: result.path,
      network: place.network,
      type,
      name: result.name,
      signerQr: signerQrText({ address: shown, type, genesisHash: place.genesisHash, name: result.name }),
      status: result.status,
      previous: result.previous,
    };
  } finally {
    wipe(key);
    if (pair) wipe(pair.secretKey);
  }
}

/** A path's ///password sealed under the identity's PIN key (its bytes wiped after). */
function sealPathPassword(key: Uint8Array, identitySealed: string, password: string, random: RandomSource | undefined): string {
  const plaintext = utf8(password);
  try {
    return JSON.stringify(sealedSecretSeal(key, sealedSecretParse(identitySealed).kdf, plaintext, random));
  } finally {
    wipe(plaintext);
  }
}
