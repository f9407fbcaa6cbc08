import type { Vault } from '../vault/open.js';
import type { Io } from './io.js';

/** What every command receives: its terminal streams and the global options. */
export type Context = { io: Io; vaultFile: string | undefined };

/**
 * How a command uses the vault: `add` (it adds accounts, identities or addresses) creates the vault
 * on first use; `existing` (it reads, changes or removes what is there) needs one, so a mistyped
 * `--vault` is "no vault at PATH" rather than a new empty vault that looks as if everything were gone.
 */
export type VaultMode = 'existing' | 'add';

/**
 * Opens the vault named by --vault / $KEEPSAKE_VAULT / the default, runs `fn`, and closes it. Only
 * a command that adds something passes `{ mode: 'add' }`; any other finds an existing vault or fails.
 */
export async function withVault<T>(ctx: Context, fn: (vault: Vault) => Promise<T> | T, options: { mode?: VaultMode } = {}): Promise<T> {
  const { vaultOpen, vaultPath, vaultClose } = await import('../vault/open.js');
  const vault = vaultOpen(vaultPath(ctx.vaultFile), { create: options.mode === 'add' });
  try {
    return await fn(vault);
  } finally {
    vaultClose(vault);
  }
}

export type Runner = (f: (ctx: Context) => Promise<number>) => Promise<void>;
