import { mnemonicGenerate, type MnemonicLength } from '../keys/mnemonic.js';

/**
 * A new recovery phrase for the browser's "create" flows: shown once, saved only after the user has
 * re-entered words from it (then through `identityRecover` or `accountAdd`). Nothing is stored here.
 */
export function phraseGenerate(words: MnemonicLength): { mnemonic: string } {
  return { mnemonic: mnemonicGenerate(words) };
}
