import { bytesEqual } from '../../crypto/bytes.js';
import { CorruptFileError, FormatNotSupportedError } from '../../errors/file.js';
import { CONCORDIUM_COLLECTIONS, concordiumDesktopOpen, type ConcordiumExport } from '../../formats/concordium/desktop.js';
import { formatDetect, FORMAT_LABELS } from '../../formats/detect.js';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupPayloadParse, type BackupPayload } from '../../formats/keepsake-backup.js';
import { fileAddressDecode, type FileAddress } from '../../formats/polkadot-js/address.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../../formats/polkadot-js/parse.js';
import type { KeyType } from '../../keys/types.js';
import { accountAddress } from '../../keys/account.js';
import { addressParse } from '../addressParse.js';
import { fileNamesCheck } from '../names.js';
import { keyAccountId } from '../storedKey.js';

export type { BackupPayload };

/** A whole-wallet file decrypted and checked as far as it can be without a vault, a PIN or an account password. */
export type BackupContents =
  | { format: 'keepsake-backup'; payload: BackupPayload }
  | { format: 'concordium-desktop' | 'concordium-mobile'; data: ConcordiumExport }
  /** A Nova Wallet cloud backup as keepsake holds it (wallet/novaBackup.ts), and what in it could not come in. */
  | { format: 'nova-backup'; payload: BackupPayload; notes: string[] };

/**
 * Decrypts a keepsake backup or a Concordium Desktop Wallet export and checks everything in it that
 * needs neither the vault nor another secret: every field, every sealed identity, every account's key
 * against its address and key file (accountKeysCheck), every name. Reads and writes no vault.
 * A wrong password → WrongPasswordError / UnableToDecryptError; damage → CorruptFileError.
 */
export async function backupOpen(text: string, password: string, options: { file?: string | undefined } = {}): Promise<BackupContents> {
  const detected = formatDetect(text, options.file);
  switch (detected.format) {
    case 'keepsake-backup': {
      const payload = await keepsakeBackupOpen(keepsakeBackupParse(detected.json, options.file), password, options);
      const checked = keepsakeBackupPayloadParse(payload, options.file, addressParse);
      fileNamesCheck(options.file, [
        ...checked.identities.map((x, i) => ({ item: `identity ${i + 1}`, name: x.name })),
        ...checked.accounts.map((x, i) => ({ item: `account ${i + 1}`, name: x.name })),
        ...checked.addresses.map((x, i) => ({ item: `address-book entry ${i + 1}`, name: x.name })),
        ...checked.concordium.items.map((x, i) => ({ item: `Concordium item ${i + 1}`, name: x.name })),
      ]);
      await accountKeysCheck(checked, options.file);
      return { format: detected.format, payload: checked };
    }
    case 'concordium-desktop':
    case 'concordium-mobile': {
      const data = await concordiumDesktopOpen(detected.json, password, options);
      // Items named as the file's own lists name them (entry 3 of "addressBook").
      fileNamesCheck(
        options.file,
        [...CONCORDIUM_COLLECTIONS, 'addressBook' as const].flatMap((c) => data[c].map((o, i) => ({ item: `entry ${i + 1} of "${c}"`, name: o['name'] }))),
      );
      return { format: detected.format, data };
    }
    case 'nova-backup': {
      const { novaBackupContents } = await import('../novaBackup.js');
      const { payload, notes } = await novaBackupContents(detected.json, password, options);
      return { format: detected.format, payload, notes };
    }
    default:
      throw new FormatNotSupportedError({ file: options.file, label: FORMAT_LABELS[detected.format], wanted: 'wallet' });
  }
}

/**
 * The checks an import can make without any password or PIN, before anything is written (security
 * review #7): every account's id follows from its public key for its key type, and a stored key file
 * names that account and key type. A mismatch refuses the whole backup, naming the account. (An
 * identity account's path is checked against its key when its PIN is first given: identityAccountPair.)
 */
async function accountKeysCheck(p: BackupPayload, file: string | undefined): Promise<void> {
  for (const a of p.accounts) {
    const address = accountAddress(a.type, a.accountId, a.ss58Prefix);
    const refuse = (why: string) =>
      new CorruptFileError({
        file,
        reason: `the account ${JSON.stringify(a.name.slice(0, 60))} (${address}) ${why}; it would put another account under that address, so nothing was imported`,
      });
    if (a.fileJson !== null && a.identity !== null) throw refuse('has both a key file and an identity');
    if (!(await keyGivesAccountId(a.type, a.publicKey, a.accountId, a.identity === null))) throw refuse('has a public key that does not give its address');
    if (a.fileJson === null) continue;
    const stored = polkadotJsParse(JSON.parse(a.fileJson)) as PolkadotJsSingle;
    if (stored.keyType !== undefined && stored.keyType !== a.type) throw refuse(`has a key file for a ${stored.keyType} key, not ${a.type}`);
    let claimed: FileAddress;
    try {
      claimed = fileAddressDecode(stored.address);
    } catch {
      throw refuse('has a key file whose address cannot be read');
    }
    // As polkadotJsOpen matches a file's key to its address: an SS58 address encodes the account id
    // (or, in older ecdsa/ethereum files, the key), a 20-byte one the Ethereum account id.
    const names = claimed.ethereum
      ? a.type === 'ethereum' && bytesEqual(claimed.bytes, a.accountId)
      : bytesEqual(claimed.bytes, a.accountId) || bytesEqual(claimed.bytes, a.publicKey);
    if (!names) throw refuse(`has the key file of ${stored.address.slice(0, 70)}`);
  }
}

/**
 * Whether `publicKey` gives `accountId` under the key type. An account kept without its key (watch-
 * only, or a batch entry restored locked under its own password) may record its account id in place
 * of the key, as keyFromAddress does when the address is all there is.
 */
async function keyGivesAccountId(type: KeyType, publicKey: Uint8Array, accountId: Uint8Array, mayBeAddressOnly: boolean): Promise<boolean> {
  const keyLength = type === 'ecdsa' || type === 'ethereum' ? 33 : 32;
  if (publicKey.length !== keyLength) {
    const idLength = type === 'ethereum' ? 20 : 32;
    return mayBeAddressOnly && publicKey.length === idLength && bytesEqual(publicKey, accountId);
  }
  const given = await keyAccountId(type, publicKey);
  return given !== undefined && bytesEqual(given, accountId);
}
