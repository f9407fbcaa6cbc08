import { VaultSessionLockedError } from '../errors/vault.js';
import { vaultEncrypted } from '../vault/cipher.js';
import { vaultClose, vaultOpen, type Vault } from '../vault/open.js';

/** How long the browser wallet stays unlocked without a request: the Polkadot{.js} extension's password cache time. */
export const IDLE_LOCK_MS = 15 * 60_000;

/** What the browser shows of the vault: whether it has a vault password, and whether this session has it open. */
export type VaultState = { file: string; encrypted: boolean; locked: boolean };

/**
 * The browser wallet's hold on the vault. A plain vault is open for the whole run. A locked one
 * (a vault password) starts closed: `unlock` opens it with the password, which then lives only in
 * the SQLite connection's key, in this process's memory; `lock` (the "Lock now" button) or
 * `idleMs` without a request closes it again, and every route that needs the vault is refused
 * ({@link VaultSessionLockedError}) until it is unlocked.
 */
export class VaultSession {
  readonly file: string;
  readonly idleMs: number;
  #vault: Vault | undefined;
  #timer: NodeJS.Timeout | undefined;

  /** `vault`: the vault already open (a plain one); none for a locked vault, which waits for its password. */
  constructor(file: string, options: { vault?: Vault | undefined; idleMs?: number } = {}) {
    this.file = file;
    this.idleMs = options.idleMs ?? IDLE_LOCK_MS;
    this.#vault = options.vault;
    if (this.#vault !== undefined) this.#touch();
  }

  get state(): VaultState {
    return { file: this.file, encrypted: this.#vault?.encrypted ?? vaultEncrypted(this.file), locked: this.#vault === undefined };
  }

  /** The open vault (and a new idle period); refused while the session is locked. */
  vault(): Vault {
    if (this.#vault === undefined) throw new VaultSessionLockedError({ file: this.file });
    this.#touch();
    return this.#vault;
  }

  /** Opens a locked vault with its password (WrongVaultPasswordError, nothing changed, for a wrong one). */
  unlock(password: string): VaultState {
    this.#vault ??= vaultOpen(this.file, { create: false, password });
    this.#touch();
    return this.state;
  }

  /** Closes a locked vault ("Lock now"); a plain vault has nothing to lock and stays open. */
  lock(): VaultState {
    if (this.#vault?.encrypted) {
      vaultClose(this.#vault);
      this.#vault = undefined;
      clearTimeout(this.#timer);
    }
    return this.state;
  }

  /**
   * Runs `change` on the vault file with the session's connection closed (a password change needs
   * the vault to itself), then opens it again: with `after` when the change was made, else with
   * `before` (as it was). `''` is no password.
   */
  reopenAfter(change: () => void, passwords: { before: string; after: string }): VaultState {
    vaultClose(this.vault());
    this.#vault = undefined;
    let changed = false;
    try {
      change();
      changed = true;
    } finally {
      const password = changed ? passwords.after : passwords.before;
      this.#vault = vaultOpen(this.file, { create: false, password: password === '' ? undefined : password });
      this.#touch();
    }
    return this.state;
  }

  /** Closes the vault for good (the server stops). */
  close(): void {
    clearTimeout(this.#timer);
    if (this.#vault !== undefined) vaultClose(this.#vault);
    this.#vault = undefined;
  }

  #touch(): void {
    if (!this.#vault?.encrypted) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.lock(), this.idleMs);
    this.#timer.unref();
  }
}
