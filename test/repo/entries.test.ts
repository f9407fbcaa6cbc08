/**
 * The package's three entries (package.json "exports") load only what they need: `keepsake` neither
 * Fastify nor the native SQLite driver, `keepsake/vault` the driver only when a vault is opened,
 * `keepsake/server` Fastify. Each is imported by its package name in a fresh `node` (so the
 * "exports" map is what resolves it), from the build in dist/ (`npm test` builds it first).
 *
 * What a process loaded is read from the CommonJS module cache: both packages are CommonJS, and
 * importing one from an ES module puts it there. The positive cases (the server entry loads Fastify,
 * opening a vault loads the driver) show that the probe does see them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'keepsake-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Imports argv[1]; with a vault file as argv[2], opens and closes it; prints the packages in the module cache.
const PROBE = `
import { createRequire } from 'node:module';
const entry = await import(process.argv[1]);
if (process.argv[2] !== undefined) entry.vaultClose(entry.vaultOpen(process.argv[2]));
const names = Object.keys(createRequire(import.meta.url).cache).flatMap((path) => {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path);
  return m === null ? [] : [m[1]];
});
process.stdout.write(JSON.stringify([...new Set(names)].sort()));
`;

/** The npm packages a fresh node has loaded (CommonJS ones) after importing `specifier`. */
function packagesLoaded(specifier: string, vaultFile?: string): string[] {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, specifier, ...(vaultFile === undefined ? [] : [vaultFile])], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as string[];
}

it('`keepsake` loads neither Fastify nor the native SQLite driver', () => {
  const loaded = packagesLoaded('keepsake');
  expect(loaded).not.toContain('fastify');
  expect(loaded).not.toContain('better-sqlite3-multiple-ciphers');
});

it('`keepsake/vault` loads the SQLite driver when a vault is opened, not before, and never Fastify', () => {
  const imported = packagesLoaded('keepsake/vault');
  expect(imported).not.toContain('better-sqlite3-multiple-ciphers');
  expect(imported).not.toContain('fastify');
  const opened = packagesLoaded('keepsake/vault', join(dir, 'vault.sqlite'));
  expect(opened).toContain('better-sqlite3-multiple-ciphers');
  expect(opened).not.toContain('fastify');
});

it('`keepsake/server` loads Fastify, and not the SQLite driver', () => {
  const loaded = packagesLoaded('keepsake/server');
  expect(loaded).toContain('fastify');
  expect(loaded).not.toContain('better-sqlite3-multiple-ciphers');
});
