import { utf8, wipe } from '../../crypto/bytes.js';
import { DuplicateIdentityError } from '../../errors/identity.js';
import { sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal, PIN_SCRYPT } from '../../formats/identity-seal.js';
import { mnemonicGenerate, mnemonicNormalize, mnemonicValidate, type MnemonicLength } from '../../keys/mnemonic.js';
import { identityById, identityByName, identityInsert } from '../../vault/identities.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { nameValidate } from '../names.js';
import { newSecretCheck } from '../secrets.js';
import { identitySummary, type IdentityTuning, type IdentitySummary } from './common.js';

/** "Create identity": a new phrase, sealed under the PIN; `onMnemonic` shows or writes it once, inside the transaction. */
export async function identityCreate(
  vault: Vault,
  options: { name: string; pin: string; words?: MnemonicLength; onMnemonic?: (mnemonic: string) => void } & IdentityTuning,
): Promise<IdentitySummary> {
  const mnemonic = mnemonicGenerate(options.words ?? 24, options.random);
  return identitySave(vault, { ...options, mnemonic });
}

/** "Recover existing identity": a name, the phrase the user kept, and a new PIN. */
export async function identityRecover(vault: Vault, options: { name: string; mnemonic: string; pin: string } & IdentityTuning): Promise<IdentitySummary> {
  mnemonicValidate(options.mnemonic);
  return identitySave(vault, { ...options, mnemonic: mnemonicNormalize(options.mnemonic) });
}

async function identitySave(
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
