/**
 * Setting the vault password is crash-safe (issue 14): `keepsake vault lock` SIGKILLed at moments
 * spread over its whole run never loses the vault — afterwards it opens either plain or with the new
 * password, and holds every row it held before. And processes on a locked vault work side by side
 * as on a plain one. Runs the real CLI (`node bin/keepsake.js`, the built `dist/`).
 */
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXIT, okJson, sandbox, vaultDump, vaultIntegrity } from '../../support/cli.js';
import { testSecrets } from '../../support/secrets.js';
import { ss58Encode } from '../../../src/keys/address.js';

const S = testSecrets('vault-crash', ['vault']);
/** How many kills; their moments spread over a whole run of `vault lock`. */
const KILLS = 24;
/** Generic-network addresses of fresh random public keys. */
const ADDRESSES = Array.from({ length: 9 }, () => ss58Encode(randomBytes(32), 42));

describe('vault lock killed mid-way', () => {
  it(`SIGKILLed at ${KILLS} moments: the vault opens, plain or locked, with every row`, async () => {
    const template = await sandbox({ manual: true });
    try {
      for (const [i, address] of ADDRESSES.slice(0, 5).entries()) okJson(await template.run(['address', 'add', address, '--name', `Entry ${i}`, '--json']));
      const before = vaultDump(template.vault);
      const outcomes: string[] = [];
      // How long a whole run takes: the median of three (the shared machine's load varies).
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(
          await timed(async () => {
            const box = await sandbox();
            await box.copyVault(template.vault);
            const pw = await box.secret('vault-pw.txt', S.vault);
            expect((await box.run(['--vault', box.vault, 'vault', 'lock', '--password-file', pw])).code).toBe(EXIT.ok);
          }),
        );
      }
      const runMs = runs.sort((a, b) => a - b)[1]!;
      for (let i = 0; i < KILLS; i++) {
        const box = await sandbox();
        await box.copyVault(template.vault);
        const pw = await box.secret('vault-pw.txt', S.vault);
        // Half the kill moments spread over a whole run (start-up, the copy, the KDFs), half packed
        // in its second half, where the copy is re-keyed, compared and swapped in.
        const half = KILLS / 2;
        const fraction = i < half ? (i + Math.random()) / half : 0.5 + ((i - half + Math.random()) / half) * 0.7;
        const delay = Math.round(fraction * runMs);
        const { child, done } = box.start(['--vault', box.vault, 'vault', 'lock', '--password-file', pw]);
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        const result = await done;
        clearTimeout(timer);
        const killed = result.signal === 'SIGKILL';
        if (!killed) expect(result.code, result.stderr).toBe(EXIT.ok);
        const status = okJson<{ locked: boolean }>(await box.run(['--vault-password-file', pw, 'vault', 'status', '--json']));
        outcomes.push(`${delay}ms:${killed ? 'killed' : 'finished'}:${status.locked ? 'locked' : 'plain'}`);
        if (!killed) expect(status.locked).toBe(true);
        expect(vaultDump(box.vault, status.locked ? S.vault : undefined), outcomes.join(' ')).toEqual(before);
        expect((await stat(box.vault)).mode & 0o777).toBe(0o600);
        // A kill leaves at most the copy it was writing; the next lock removes it and succeeds.
        if (!status.locked) {
          expect((await box.run(['vault', 'lock', '--password-file', pw])).code).toBe(EXIT.ok);
          expect(vaultDump(box.vault, S.vault)).toEqual(before);
        }
        expect((await readdir(box.dir)).filter((n) => n.includes('.rekey-'))).toEqual([]);
        expect(vaultIntegrity(box.vault, S.vault)).toBe('ok');
      }
      // Kills did land (the runs were not all over before their moment).
      expect(outcomes.filter((o) => o.includes(':killed:')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(KILLS / 2);
    } finally {
      await template.remove();
    }
  }, 600_000);
});

describe('processes side by side on a locked vault', () => {
  it('8 processes add an entry each at once: every one succeeds or says the vault is busy; the vault holds each that succeeded', async () => {
    const box = await sandbox();
    okJson(await box.run(['address', 'add', ADDRESSES[0]!, '--name', 'First', '--json']));
    const pw = await box.secret('vault-pw.txt', S.vault);
    okJson(await box.run(['vault', 'lock', '--password-file', pw, '--json']));
    const runs = await Promise.all(
      ADDRESSES.slice(1).map(
        (address, i) => box.start(['--vault', box.vault, '--vault-password-file', pw, 'address', 'add', address, '--name', `Parallel ${i}`, '--json']).done,
      ),
    );
    const added = runs.flatMap((r, i) => (r.code === EXIT.ok ? [`Parallel ${i}`] : []));
    for (const r of runs) if (r.code !== EXIT.ok) expect(r.stderr).toMatch(/VaultBusyError/);
    expect(added.length).toBeGreaterThan(0);
    const names = okJson<{ name: string }[]>(await box.run(['--vault-password-file', pw, 'address', 'list', '--json'])).map((a) => a.name);
    expect(names.sort()).toEqual(['First', ...added].sort());
    expect(vaultIntegrity(box.vault, S.vault)).toBe('ok');
  }, 120_000);
});

async function timed(f: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await f();
  return Date.now() - started;
}
