/**
 * Vaults for library-level tests (src/wallet/**): a test file gets a `freshVault()` that opens a new,
 * empty vault each call, and a cheap PIN KDF for the identities it seals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll } from 'vitest';
import { vaultClose, vaultOpen, type Vault } from '../../src/vault/open.js';

/** A cheap PIN KDF (scrypt N=2^10, an `IdentityTuning.pinKdf`) so an identity costs milliseconds; the format is the same. */
export const FAST_PIN = { N: 1 << 10, r: 8, p: 1 };

/**
 * Registers the hooks of a test file that opens vaults, and gives its `freshVault`: every call opens a
 * new vault in one temporary folder (keepsake-`name`-…); after the file's tests every vault still open is
 * closed and the folder removed. Before them, Polkadot{.js}'s WASM crypto is made ready (these tests read
 * keys back with @polkadot/keyring).
 */
export function vaultsForFile(name: string): () => Vault {
  const dir = mkdtempSync(join(tmpdir(), `keepsake-${name}-`));
  const open: Vault[] = [];
  beforeAll(async () => {
    await cryptoWaitReady();
  });
  afterAll(() => {
    for (const v of open) if (v.db.open) vaultClose(v);
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const vault = vaultOpen(join(dir, `vault-${open.length + 1}.sqlite`));
    open.push(vault);
    return vault;
  };
}

/** Every row of every table (timestamps included): equal dumps mean nothing changed. */
export function vaultDump(vault: Vault): unknown {
  const tables = (
    vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, vault.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
