import { utf8, wipe } from '../../crypto/bytes.js';
import { DuplicateIdentityError } from '../../errors/identity.js';
import { sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal, PIN_SCRYPT } from '../../formats/identity-seal.js';
import { identityById, identityByName, identityInsert } from '../../vault/identities.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { nameValidate } from '../names.js';
import { newSecretCheck } from '../secrets.js';
import { identitySummary, type IdentityTuning, type IdentitySummary } from './common.js';

/**
 * A phrase (already checked and normalised by the caller) sealed under a new PIN as a new identity:
 * what "Create identity", "Recover existing identity" and recovery from shards share.
 * `onMnemonic` shows or writes the phrase once, inside the transaction.
 */
export async function identitySave(
  vault: Vault,
  options: { name: string; pin: string; mnemonic: string; onMnemonic?: (mnemonic: string) => void } & IdentityTuning,
): Promise<IdentitySummary> {
  const name = nameValidate(options.name, 'identity');
  newSecretCheck(options.pin, 'PIN');
  if (identityByName(vault, name)) throw new DuplicateIdentityError({ name });
  const kdf = sealedSecretKdfNew(options.random, options.pinKdf ?? PIN_SCRYPT);
  const key = await sealedSecretDeriveKey(options.pin, kdf);
  const plaintext = utf8(options.mnemonic);
  let sealed: string;
  try {
    sealed = JSON.stringify(sealedSecretSeal(key, kdf, plaintext, options.random));
  } finally {
    wipe(key, plaintext);
  }
  const id = vaultWrite(vault, () => {
    if (identityByName(vault, name)) throw new DuplicateIdentityError({ name });
    const id = identityInsert(vault, name, sealed, (options.now ?? Date.now)());
    options.onMnemonic?.(options.mnemonic);
    return id;
  });
  return identitySummary(vault, identityById(vault, id)!);
}
