import type { Vault } from '../vault/open.js';
import { type Io, readSecret } from './io.js';
import { line } from './printable.js';

/**
 * What every command receives: its terminal streams and the global options. `vaultPasswordFile` is
 * --vault-password-file, else $KEEPSAKE_VAULT_PASSWORD_FILE.
 */
export type Context = { io: Io; vaultFile: string | undefined; vaultPasswordFile?: string | undefined };

/**
 * How a command uses the vault: `add` (it adds accounts, identities or addresses) creates the vault
 * on first use; `existing` (it reads, changes or removes what is there) needs one, so a mistyped
 * `--vault` is "no vault at PATH" rather than a new empty vault that looks as if everything were gone.
 */
export type VaultMode = 'existing' | 'add';

/** The vault password once read in a run: a command that opens the vault twice asks once. */
const passwords = new WeakMap<Context, string>();

/**
 * Opens the vault named by --vault / $KEEPSAKE_VAULT / the default, runs `fn`, and closes it. Only
 * a command that adds something passes `{ mode: 'add' }`; any other finds an existing vault or fails.
 * A locked vault's password is asked on the terminal (or read from --vault-password-file) on the
 * first open of the run.
 */
export async function withVault<T>(ctx: Context, fn: (vault: Vault) => Promise<T> | T, options: { mode?: VaultMode } = {}): Promise<T> {
  const { vaultOpen, vaultPath, vaultClose } = await import('../vault/open.js');
  const file = vaultPath(ctx.vaultFile);
  const vault = vaultOpen(file, { create: options.mode === 'add', password: await vaultPasswordOf(ctx, file) });
  try {
    const before = await itemsCount(vault);
    const result = await fn(vault);
    if (before !== undefined && ((await itemsCount(vault)) ?? 0) > before) added.add(ctx);
    return result;
  } finally {
    vaultClose(vault);
  }
}

/** The runs whose command added an account or identity (see {@link unbackedAfter}). */
const added = new WeakSet<Context>();

/**
 * After a command that added an account or identity (every command that adds opens the vault here):
 * how many have no backup yet, read once the command is done — after the backup file it may have
 * written (`account add --backup`) is recorded. Undefined when nothing was added, or the vault cannot
 * be read now: this is advice, and never fails a command.
 */
export async function unbackedAfter(ctx: Context): Promise<{ accounts: number; identities: number } | undefined> {
  if (!added.has(ctx)) return undefined;
  added.delete(ctx);
  try {
    const { backupMissingCount } = await import('../wallet/backupHealth.js');
    return await withVault(ctx, (vault) => backupMissingCount(vault));
  } catch {
    return undefined;
  }
}

/** Accounts and identities in the vault; undefined when it cannot be read (the note is advice: it never fails a command). */
async function itemsCount(vault: Vault): Promise<number | undefined> {
  try {
    const [{ accountsCount }, { identitiesCount }] = await Promise.all([import('../vault/accounts.js'), import('../vault/identities.js')]);
    return accountsCount(vault) + identitiesCount(vault);
  } catch {
    return undefined;
  }
}

/** The password of the vault at `file` when it is locked (asked once a run), else undefined. */
export async function vaultPasswordOf(ctx: Context, file: string): Promise<string | undefined> {
  const { vaultEncrypted } = await import('../vault/cipher.js');
  if (!vaultEncrypted(file)) return undefined;
  let password = passwords.get(ctx);
  if (password === undefined) {
    password = await readSecret(ctx.io, {
      file: ctx.vaultPasswordFile,
      flag: '--vault-password-file',
      prompt: line`Vault password (${file}): `,
      what: 'vault password',
    });
    passwords.set(ctx, password);
  }
  return password;
}

export type Runner = (f: (ctx: Context) => Promise<number>) => Promise<void>;
