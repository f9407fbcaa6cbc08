import { statSync } from 'node:fs';
import { VaultLockStateError, VaultNotFoundError, type WrongVaultPasswordError } from '../errors/vault.js';
import { vaultEncrypted } from '../vault/cipher.js';
import { vaultClose, vaultOpen, vaultWrite, type Vault } from '../vault/open.js';
import { settingGet, settingSet } from '../vault/settings.js';
import { vaultRekey } from '../vault/rekey.js';
import { type VaultCounts, vaultCounts } from '../vault/status.js';
import { newSecretCheck } from './secrets.js';

/**
 * The vault password: one more layer over the whole vault file (SQLCipher 4), so a copy of it shows
 * no name, address or address-book entry. Account files stay locked with their own passwords and
 * identities sealed under their PINs inside it: the vault password replaces neither.
 */

/** What a password change is about to do, checked before any password is asked: the vault exists and is (not) locked. */
export function vaultPasswordPrecheck(file: string, action: 'lock' | 'change' | 'remove'): void {
  vaultExisting(file);
  const locked = vaultEncrypted(file);
  if (action === 'lock' ? locked : !locked) throw new VaultLockStateError({ file, locked });
}

/** Refuses a wrong current vault password ({@link WrongVaultPasswordError}) before a new one is asked. */
export function vaultPasswordCheck(file: string, password: string): void {
  vaultClose(vaultOpen(file, { create: false, password }));
}

/** `vault lock`: sets a password on a vault that has none, encrypting the file in place (see vaultRekey). */
export function vaultPasswordSet(file: string, password: string): void {
  vaultPasswordSetCheck(file, password);
  vaultRekey(file, { from: '', to: password });
}

/** What setting `password` on the vault would refuse, checked before anything is closed or asked: a vault with one, a short one. */
export function vaultPasswordSetCheck(file: string, password: string): void {
  vaultPasswordPrecheck(file, 'lock');
  newSecretCheck(password, 'vault password');
}

/**
 * What changing (with `next`) or removing the vault password would refuse, checked before the
 * vault is let go of: a vault without one, a wrong `current` (WrongVaultPasswordError), a short `next`.
 */
export function vaultPasswordChangeCheck(file: string, current: string, next?: string): void {
  vaultPasswordPrecheck(file, next === undefined ? 'remove' : 'change');
  if (next !== undefined) newSecretCheck(next, 'vault password');
  vaultPasswordCheck(file, current);
}

/** `vault change-password`: the vault opens with `current`, and afterwards with `next` only. */
export function vaultPasswordChange(file: string, current: string, next: string): void {
  vaultPasswordPrecheck(file, 'change');
  newSecretCheck(next, 'vault password');
  vaultRekey(file, { from: current, to: next });
}

/** `vault unlock`: removes the password; the file is plain SQLite again. */
export function vaultPasswordRemove(file: string, current: string): void {
  vaultPasswordPrecheck(file, 'remove');
  vaultRekey(file, { from: current, to: '' });
}

/** What `vault status` shows: always the file's path, size and whether it is locked; its contents when it opened. */
export type VaultStatus = { file: string; size: number; locked: boolean } & (({ opened: true } & VaultCounts) | { opened: false });

/**
 * The vault's status. A locked vault is opened (and counted) only with its `password`; without
 * one, what can be seen from outside is reported.
 */
export function vaultStatus(file: string, password?: string): VaultStatus {
  vaultExisting(file);
  const outside = { file, size: statSync(file).size, locked: vaultEncrypted(file) };
  if (outside.locked && password === undefined) return { ...outside, opened: false };
  const vault = vaultOpen(file, { create: false, password });
  try {
    return { ...outside, opened: true, ...vaultCounts(vault) };
  } finally {
    vaultClose(vault);
  }
}

/** The setting that records "Not now" to the browser wallet's offer of a vault password. */
const OFFER_DECLINED = 'browser.vaultPasswordOffer';

/** Whether the browser wallet still offers a vault password (it is offered until one is set or the offer declined). */
export function vaultPasswordOffered(vault: Vault): boolean {
  return !vault.encrypted && settingGet(vault, OFFER_DECLINED) !== 'declined';
}

/** "Not now": the browser wallet stops offering a vault password (`keepsake vault lock` sets one any time). */
export function vaultPasswordOfferDecline(vault: Vault): void {
  vaultWrite(vault, () => settingSet(vault, OFFER_DECLINED, 'declined'));
}

function vaultExisting(file: string): void {
  try {
    if (statSync(file).isFile()) return;
  } catch {
    // Reported below as no vault there.
  }
  throw new VaultNotFoundError({ file });
}
