import { mnemonicGenerate, mnemonicNormalize, mnemonicValidate, type MnemonicLength } from '../../keys/mnemonic.js';
import type { Vault } from '../../vault/open.js';
import type { IdentityTuning, IdentitySummary } from './common.js';
import { identitySave } from './save.js';

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
