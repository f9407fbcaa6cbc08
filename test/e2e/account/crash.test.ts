/**
 * A killed process leaves the vault as before or as after, never between (DESIGN.md
 * "Non-negotiables"; issue 3 "How it is checked"): `restore` of 30 files is SIGKILLed at moments
 * spread over its run, and each time the vault must open and hold none or all of the accounts.
 * An export killed mid-way must leave no half-written output and no `*.tmp` beside it.
 */
import { readdir, stat } from 'node:fs/promises';
import type { KeyringPair } from '@polkadot/keyring/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  EXIT,
  expectVaultPrivate,
  okJson,
  readJson,
  restoreFiles,
  sandbox,
  sandboxFrom,
  type Sandbox,
  tempFiles,
  vaultIntegrity,
} from '../../support/cli.js';
import { polkadotJsWrite } from '../../../src/formats/polkadot-js/write.js';
import { SCRYPT_COMPAT } from '../../../src/formats/polkadot-js/kdf.js';
import { pairFromSuri } from '../../../src/keys/fromSuri.js';
import { DEV_PHRASE, hex, labelledPair, oracleBatchOpen, oracleOpen, oracleReady } from '../../support/oracle.js';

const PW = 'crash-Secret-pw-3';
const FILES = 30;
const KILLS = 8;

let pairs: KeyringPair[];
/** The 30 files (N=2^15) and a vault that holds all of them, made once. */
let source: Sandbox & { remove: () => Promise<void> };
let paths: string[];
let fullRunMs = 0;

beforeAll(async () => {
  await oracleReady();
  pairs = Array.from({ length: FILES }, (_, i) => labelledPair(i % 3 === 0 ? 'ed25519' : 'sr25519', `crash-${i}`, { name: `Crash ${i}` }));
  source = await sandbox({ manual: true });
  paths = [];
  // keepsake's own writer (native scrypt) makes the 30 files quickly; the oracle pairs give the expected keys.
  for (const [i, pair] of pairs.entries()) {
    const own = await pairFromSuri(`${DEV_PHRASE}//e2e-vault//crash-${i}`, pair.type as 'ed25519' | 'sr25519');
    expect(hex(own.publicKey)).toBe(hex(pair.publicKey));
    const file = await polkadotJsWrite(own, PW, { meta: { name: `Crash ${i}` }, params: SCRYPT_COMPAT });
    paths.push(await source.write(`${String(i).padStart(2, '0')}.json`, file));
  }
  // A full, undisturbed run: checks that all 30 restore, and measures how long a run takes here.
  const started = Date.now();
  const report = await restoreFiles(source, paths, PW);
  fullRunMs = Date.now() - started;
  expect(report.restored).toHaveLength(FILES);
});

afterAll(async () => {
  await source?.remove();
});

/** Starts `args`, SIGKILLs it after `delayMs` (unless it ended before), and says whether it was killed and how long it ran. */
async function killAfter(box: Sandbox, args: string[], delayMs: number): Promise<{ killed: boolean; result: CliResult; ms: number }> {
  const started = Date.now();
  const { child, done } = box.start(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const result = await done;
  clearTimeout(timer);
  return { killed: result.signal === 'SIGKILL', result, ms: Date.now() - started };
}

describe('crash safety', () => {
  it(`restore of ${FILES} files SIGKILLed at ${KILLS} moments: the vault opens and holds none or all of them`, async () => {
    const outcomes: string[] = [];
    let reran = false;
    // How long a whole run takes; shortened when a run finishes before its kill (the shared machine's load varies).
    let runMs = fullRunMs;
    for (let i = 0; i < KILLS; i++) {
      const box = await sandbox();
      const pw = await box.secret('pw.txt', PW);
      // Kill moments spread over a whole run (start, reading, scrypt), then packed near its end, where the commit is.
      const half = KILLS / 2;
      const fraction = i < half ? (i + Math.random()) / half : 0.85 + ((i - half + Math.random()) / half) * 0.2;
      const delay = Math.round(fraction * runMs);
      const { killed, result, ms } = await killAfter(box, ['restore', ...paths, '--password-file', pw, '--json'], delay);
      if (!killed) {
        expect(result.code, result.stderr).toBe(EXIT.ok);
        runMs = Math.min(runMs, ms);
      }
      const accounts = await box.list(); // the vault opens: `account list --json` exits 0
      outcomes.push(`${delay}ms:${killed ? 'killed' : 'finished'}:${accounts.length}`);
      expect([0, FILES], `after a kill at ${delay} ms the vault holds ${accounts.length} accounts`).toContain(accounts.length);
      if (!killed) expect(accounts).toHaveLength(FILES);
      if (accounts.length === FILES) expect(accounts.map((a) => a.publicKey).sort()).toEqual(pairs.map((p) => hex(p.publicKey)).sort());
      if ((await stat(box.vault).catch(() => undefined)) !== undefined) {
        expect(vaultIntegrity(box.vault)).toBe('ok');
        expectVaultPrivate(box.vault);
      }
      // The vault is not left locked by a process killed late in its run: the same restore completes afterwards (checked once, to save time).
      if (!reran && ((killed && i >= half) || i === KILLS - 1)) {
        reran = true;
        const again = await restoreFiles(box, paths, PW);
        expect(again.restored.length + again.skipped.length).toBe(FILES);
        expect(await box.list()).toHaveLength(FILES);
      }
    }
    if (process.env['E2E_VAULT_VERBOSE']) console.log(outcomes.join(' '));
    // Runs must really have been interrupted, or the test proves nothing.
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(3);
  });

  it('an export killed mid-way leaves no *.tmp and no partial file beside the output', async () => {
    // One reference run of each export, to spread the kill moments over its length.
    const measure = async (args: (box: Sandbox, out: string) => string[]) => {
      const box = await sandboxFrom(source);
      const started = Date.now();
      okJson(await box.run(args(box, box.path('out.json'))));
      return Date.now() - started;
    };
    const exportOne = (pw: string) => (_box: Sandbox, out: string) => ['account', 'export', pairs[1]!.address, '--out', out, '--password-file', pw, '--json'];
    const exportAll = (pw: string) => (_box: Sandbox, out: string) => ['account', 'export-all', '--out', out, '--password-file', pw, '--json'];

    const cases = [
      { name: 'export', args: exportOne, check: async (out: string) => oracleOpen(await readJson(out), PW) },
      { name: 'export-all', args: exportAll, check: async (out: string) => expect(oracleBatchOpen(await readJson(out), PW)).toHaveLength(FILES) },
    ];
    const before = await source.list();
    const outcomes: string[] = [];
    for (const c of cases) {
      const pwFile = await source.secret(`pw-${c.name}.txt`, PW);
      let runMs = await measure(c.args(pwFile));
      for (let i = 0; i < 4; i++) {
        const box = await sandboxFrom(source);
        const out = box.path('out.json');
        const delay = Math.round(((i + Math.random()) / 4) * runMs * 1.1);
        const { killed, result, ms } = await killAfter(box, c.args(pwFile)(box, out), delay);
        outcomes.push(`${c.name}@${delay}ms:${killed ? 'killed' : 'finished'}`);
        if (!killed) {
          expect(result.code, result.stderr).toBe(EXIT.ok);
          runMs = Math.min(runMs, ms);
        }
        // SIGKILL cannot be caught: a kill between writing the temporary file and renaming it leaves that
        // hidden file (mode 0600); the next write beside the same output removes it. A finished run leaves none.
        const left = await tempFiles(box.dir);
        if (!killed) expect(left, `${c.name} finished and left a temporary file`).toEqual([]);
        for (const t of left) expect((await stat(box.path(t))).mode & 0o777, t).toBe(0o600);
        // The output is either absent or whole.
        if ((await readdir(box.dir)).includes('out.json')) await c.check(out);
        else expect(killed).toBe(true);
        expect(await box.list()).toEqual(before);
        if (left.length > 0) {
          okJson(await box.run(c.args(pwFile)(box, box.path('out.json')).concat('--force')));
          expect(await tempFiles(box.dir), `the next ${c.name} removes what the killed one left`).toEqual([]);
        }
      }
    }
    if (process.env['E2E_VAULT_VERBOSE']) console.log(outcomes.join(' '));
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(3);
  });
});
