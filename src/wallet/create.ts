import { wipe } from '../crypto/bytes.js';
import type { RandomSource } from '../crypto/random.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT } from '../formats/polkadot-js/kdf.js';
import { accountAddress } from '../keys/account.js';
import { mnemonicGenerate, type MnemonicLength } from '../keys/mnemonic.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { schemeLoad } from '../keys/scheme.js';
import { suriParse } from '../keys/suri.js';
import type { KeyType } from '../keys/types.js';
import { accountByPublicKey, accountInsert } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView, type AccountView } from './accountView.js';
import { nameValidate } from './names.js';
import { networkResolve } from './network.js';
import { newSecretCheck } from './secrets.js';

export type AddAccountOptions = {
  name: string;
  /** Mnemonic or 0x seed, with an optional derivation path and ///password. */
  suri: string;
  type?: KeyType;
  network?: string;
  password: string;
  kdf?: 'default' | 'compat';
  /** Receives the backup file inside the vault transaction; if it throws, nothing is saved. */
  onBackup?: (json: string) => void;
};

export const ETHEREUM_DEFAULT_PATH = "/m/44'/60'/0'/0/0";

/**
 * "Add account" from an existing mnemonic or seed under any name and password; the new account's
 * Polkadot{.js} file (locked with that password) is stored and handed to `onBackup`.
 */
export async function accountAdd(vault: Vault, options: AddAccountOptions): Promise<{ account: AccountView; json: string }> {
  const name = nameValidate(options.name, 'account');
  newSecretCheck(options.password, 'account password');
  const type = options.type ?? 'sr25519';
  const network = networkResolve(options.network ?? 'substrate');
  const pair = await pairFromSuri(options.suri, type);
  try {
    const scheme = await schemeLoad(type);
    const accountId = scheme.accountId(pair.publicKey);
    const address = accountAddress(type, accountId, network.prefix);
    const existing = accountByPublicKey(vault, pair.publicKey);
    if (existing) throw new DuplicateAccountError({ address, name: existing.name });
    const meta = { name, ...(network.genesisHash ? { genesisHash: network.genesisHash } : {}), whenCreated: Date.now() };
    const json = JSON.stringify(
      await polkadotJsWrite(pair, options.password, { meta, prefix: network.prefix, params: options.kdf === 'compat' ? SCRYPT_COMPAT : SCRYPT_DEFAULT }),
    );
    const account = {
      publicKey: pair.publicKey,
      accountId,
      type,
      name,
      network: network.name,
      ss58Prefix: network.prefix,
      genesisHash: network.genesisHash,
      fileJson: json,
      verified: true,
      source: 'add',
      // The derivation path (never its ///password), so the account can be found again from its phrase.
      path: suriParse(options.suri).path,
    };
    const row = vaultWrite(vault, () => {
      const again = accountByPublicKey(vault, pair.publicKey);
      if (again) throw new DuplicateAccountError({ address, name: again.name });
      accountInsert(vault, account);
      options.onBackup?.(json);
      return accountByPublicKey(vault, pair.publicKey)!;
    });
    return { account: accountView(row), json };
  } finally {
    wipe(pair.secretKey);
  }
}

export type CreateAccountOptions = Omit<AddAccountOptions, 'suri'> & {
  words?: MnemonicLength;
  /** Derivation path appended to the new phrase (`//hard/soft`, or a BIP-44 path for ethereum). */
  path?: string;
  random?: RandomSource;
  /** Receives the new phrase inside the vault transaction (to show or write it once); if it throws, nothing is saved. */
  onMnemonic?: (mnemonic: string) => void;
};

/**
 * "Create account": a new mnemonic (shown once by the caller), the account derived from it, and its
 * backup file. The mnemonic is returned only so the caller can show or write it once; it is never stored.
 */
export async function accountCreate(vault: Vault, options: CreateAccountOptions): Promise<{ account: AccountView; json: string; mnemonic: string }> {
  const mnemonic = mnemonicGenerate(options.words ?? 12, options.random);
  const path = options.path ?? (options.type === 'ethereum' ? ETHEREUM_DEFAULT_PATH : '');
  const { words: _w, path: _p, random: _r, onMnemonic, onBackup, ...rest } = options;
  const result = await accountAdd(vault, {
    ...rest,
    suri: mnemonic + path,
    onBackup: (json) => {
      onMnemonic?.(mnemonic);
      onBackup?.(json);
    },
  });
  return { ...result, mnemonic };
}
