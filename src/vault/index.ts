/**
 * `keepsake/vault`: opening and closing the vault — the entry that loads the native SQLite driver
 * (on the first open). The use cases that work on the vault are in `keepsake` (src/index.ts).
 * `index.test.ts` beside this file pins the export list.
 *
 * @example
 * import { vaultOpen, vaultClose, vaultPath } from 'keepsake/vault'
 * import { accountList } from 'keepsake'
 * const vault = vaultOpen(vaultPath())
 * try { accountList(vault) } finally { vaultClose(vault) }
 */
export { vaultOpen, vaultClose, vaultPath, type Vault } from './open.js';
