import type { Vault } from '../vault/open.js';
import type { Io } from './io.js';

/** What every command receives: its terminal streams and the global options. */
export type Context = { io: Io; vaultFile: string | undefined };

/** Opens the vault named by --vault / $KEEPSAKE_VAULT / the default, runs `fn`, and closes it. */
export async function withVault<T>(ctx: Context, fn: (vault: Vault) => Promise<T> | T): Promise<T> {
  const { vaultOpen, vaultPath, vaultClose } = await import('../vault/open.js');
  const vault = vaultOpen(vaultPath(ctx.vaultFile));
  try {
    return await fn(vault);
  } finally {
    vaultClose(vault);
  }
}

export type Runner = (f: (ctx: Context) => Promise<number>) => Promise<void>;
