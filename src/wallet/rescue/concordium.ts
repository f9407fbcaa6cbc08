import { basename } from 'node:path';
import type { Vault } from '../../vault/open.js';
import { backupContentsImport, type ImportReport } from '../backup/import.js';

/**
 * Imports the Concordium Desktop Wallet's own database (issue 15), read from a copy with the
 * wallet's password, exactly as its export file would be imported: the same duplicate rules and
 * words, the data sealed under that password.
 */
export async function rescueConcordiumImport(vault: Vault, file: string, password: string): Promise<ImportReport> {
  const { concordiumDesktopDbRead } = await import('../../vault/concordiumDesktopDb.js');
  const data = await concordiumDesktopDbRead(file, password);
  return backupContentsImport(vault, { format: 'concordium-desktop', data }, password, {
    file,
    source: `the Concordium Desktop Wallet database ${basename(file).slice(0, 80)}`,
  });
}
