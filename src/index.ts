/**
 * keepsake as a library (`keepsake`): the pure core (keys, file formats) and the wallet use cases on a vault.
 * Importing it loads neither Fastify nor the native SQLite driver: a vault is opened with `keepsake/vault`
 * (src/vault/index.ts) and the browser wallet's server is `keepsake/server` (src/server/index.ts).
 * The use cases take that `Vault`; they write through it without loading the driver themselves.
 * These three are the only barrels (package.json "exports"); each `index.test.ts` pins its export
 * list so API changes show in review, and test/repo/entries.test.ts checks what each one loads.
 */
export { BaseError, type ErrorField, type ErrorKind } from './errors/base.js';
export type { NextStep, ErrorReport } from './errors/next.js';
export * from './errors/file.js';
export * from './errors/password.js';
export * from './errors/kdf.js';
export * from './errors/key.js';
export * from './errors/address.js';
export * from './errors/mnemonic.js';
export * from './errors/name.js';
export * from './errors/suri.js';
export * from './errors/usage.js';
export * from './errors/vault.js';

export { KEY_TYPES, isKeyType, type KeyType, type KeyPair } from './keys/types.js';
export { mnemonicGenerate, mnemonicValidate, mnemonicToMiniSecret, mnemonicToBip39Seed, MNEMONIC_LENGTHS } from './keys/mnemonic.js';
export { suriParse, DEV_PHRASE, type Suri } from './keys/suri.js';
export { junctionsParse, junctionChainCode, type Junction } from './keys/junction.js';
export { pairFromSuri } from './keys/fromSuri.js';
export { schemeLoad } from './keys/scheme.js';
export { ss58Encode, ss58Decode, ethereumChecksum, ethereumDecode } from './keys/address.js';
export { accountAddress } from './keys/account.js';

export { formatDetect, FORMAT_LABELS, type FormatName, type Detected } from './formats/detect.js';
export { polkadotJsParse, type PolkadotJsSingle, type PolkadotJsBatch } from './formats/polkadot-js/parse.js';
export { polkadotJsOpen, type OpenedAccount } from './formats/polkadot-js/open.js';
export { polkadotJsWrite } from './formats/polkadot-js/write.js';
export { polkadotJsBatchOpen } from './formats/polkadot-js/batch.js';
export { SCRYPT_DEFAULT, SCRYPT_COMPAT } from './formats/polkadot-js/kdf.js';

export { networkList, networkByName, networkByPrefix, networkByGenesis, type Network } from './networks/networks.js';

export type { Vault } from './vault/open.js';
export { inspectFile, type InspectReport } from './wallet/inspect.js';
export { verifyFile, type VerifyReport } from './wallet/verify.js';
export { restoreFiles, type RestoreReport, type RestoreInput } from './wallet/restore.js';
export { accountList, accountFind, accountRenameByQuery, accountRemoveByQuery, accountNetworkSet } from './wallet/accounts.js';
export { accountCreate, accountAdd } from './wallet/create.js';
export { accountExport, accountExportAll } from './wallet/export.js';
export type { AccountView } from './wallet/accountView.js';
export * from './errors/identity.js';
export * from './errors/concordium.js';
export { identityCreate, identityRecover } from './wallet/identity/create.js';
export { identityList } from './wallet/identity/list.js';
export { identityShowPhrase } from './wallet/identity/showPhrase.js';
export { identityDerive } from './wallet/identity/derive.js';
export { identityFind } from './wallet/identity/find.js';
export { identityScan } from './wallet/identity/scan.js';
export { signerQrText } from './wallet/identity/common.js';
export { addressAdd, addressList, addressRemove } from './wallet/addressBook.js';
export { accountWatch, type WatchInput } from './wallet/watch.js';
export { backupExport } from './wallet/backup/export.js';
export { backupImport, type ImportReport } from './wallet/backup/import.js';
export { backupRecordVerified, backupRecordWritten, backupStatus, type BackupStatusReport, type BackupState } from './wallet/backupHealth.js';
export { backupOverview, type BackupFileView, type BackupOverview } from './wallet/backupFiles.js';
export { backupVerifyAgain } from './wallet/backupVerifyAgain.js';
export * from './errors/backupHealth.js';
export { concordiumList, concordiumRemove } from './wallet/concordium.js';
export { convertFile, CONVERT_TARGETS, type ConvertTarget } from './wallet/convert.js';
export { ethereumKeystoreParse, ethereumKeystoreDecrypt, ethereumKeystoreWrite } from './formats/ethereum-keystore.js';
export { concordiumDesktopOpen, concordiumDesktopWrite } from './formats/concordium/desktop.js';
