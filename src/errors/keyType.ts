import { BaseError } from './base.js';

/**
 * What a person calls an account of a key type keepsake does not keep, from the type a file records
 * (`encoding.content[1]`). SubWallet's keyring names its types in @subwallet/keyring `types.d.ts`
 * (github:Koniverse/SubWallet-Extension uses it): `ton`/`ton-native`, `cardano`, `bitcoin-44|84|86`,
 * `bittest-44|84|86`, `ed25519-tw`. Anything else is named as written, if it is a plain word.
 */
export function keyTypeLabel(type: string): string {
  if (type === 'ton' || type === 'ton-native') return 'TON';
  if (type === 'cardano') return 'Cardano';
  if (type.startsWith('bitcoin-')) return 'Bitcoin';
  if (type.startsWith('bittest-')) return 'Bitcoin testnet';
  if (type === 'ed25519-tw') return 'ed25519 (Trust Wallet)';
  return /^[A-Za-z0-9_-]{1,40}$/.test(type) ? `"${type}"` : 'unknown-type';
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/**
 * One entry of a file holds a key of a type keepsake does not keep (a SubWallet export's TON, Cardano
 * or Bitcoin account): reported on its own, it never fails the rest of the file.
 */
export class UnsupportedKeyTypeError extends BaseError {
  override readonly name = 'UnsupportedKeyTypeError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  readonly keyType: string;
  /** `action`: what was not done with it (restore and verify: restored; convert: converted). */
  constructor({ where, keyType, action = 'restored' }: { where?: string | undefined; keyType: string; action?: string }) {
    const label = keyTypeLabel(String(keyType));
    // Worded so that "keepsake" is never followed by a word: the browser shows it too, and speaks no command.
    super(
      `${withArticle(label).replace(/^a/, 'A')} account${where === undefined ? '' : ` (${where})`} was not ${action}: only Polkadot and Ethereum keys are kept in keepsake.`,
    );
    this.keyType = String(keyType);
  }
}

/** Every entry of a file is of a key type keepsake does not keep: there is nothing in it to restore. */
export class NoSupportedAccountsError extends BaseError {
  override readonly name = 'NoSupportedAccountsError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, labels }: { file?: string | undefined; labels: string }) {
    super(`${file ?? 'The file'} holds only ${labels} accounts, and only Polkadot and Ethereum keys are kept in keepsake: nothing in it was restored.`);
  }
}
