import { vaultStatement, type Vault } from './open.js';

/** The `settings` table: one value per key (the Concordium genesis and the export fields keepsake does not read). */

export function settingGet(vault: Vault, key: string): string | undefined {
  return (vaultStatement(vault, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function settingSet(vault: Vault, key: string, value: string): void {
  vaultStatement(vault, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
