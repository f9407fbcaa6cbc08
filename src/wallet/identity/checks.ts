import { ethereumDecode, ss58Decode } from '../../keys/address.js';
import { mnemonicValidate } from '../../keys/mnemonic.js';
import type { Vault } from '../../vault/open.js';
import { type DeriveOptions, identityDerivePlan } from './derivePlan.js';
import { identityResolve } from './common.js';
import { nameValidate } from '../names.js';

/*
 * What the identity use cases refuse before a PIN is asked for, as functions of their own: the CLI
 * calls them before it prompts, the server's routes before a PIN try is counted. The use cases
 * (identityRecover, identityDerive, identityFind) make the same checks again, so a caller that skips
 * these is refused all the same — only later.
 */

/**
 * "Recover existing identity": the phrase (BIP-39 words and checksum; an error names a wrong word by
 * its position, never the word) and the name, in the order `identityRecover` checks them.
 *
 * @example
 * identityRecoverCheck({ name: 'Phone', mnemonic }) // then ask for the new PIN
 */
export function identityRecoverCheck(options: { name: string; mnemonic: string }): void {
  mnemonicValidate(options.mnemonic);
  nameValidate(options.name, 'identity');
}

/**
 * A derive (or its preview): the identity is there, and the path, network, key type and name are
 * valid. Throws IdentityNotFoundError, InvalidPathError, UsageError (an unknown network), InvalidNameError.
 *
 * @example
 * identityDeriveCheck(vault, 'Phone', { network: 'polkadot' }) // then ask for the PIN
 */
export function identityDeriveCheck(vault: Vault, query: string, options: Omit<DeriveOptions, 'pin'>): void {
  identityResolve(vault, query);
  identityDerivePlan(options);
}

/**
 * `identity find`: the address is one (an SS58 checksum, or 0x and 20 bytes for Ethereum), so a
 * typo is said before the PIN is asked for and ten thousand candidates are tried.
 *
 * @example
 * identityFindCheck('0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac')
 */
export function identityFindCheck(address: string): void {
  if (address.startsWith('0x')) ethereumDecode(address);
  else ss58Decode(address);
}
