/**
 * "Recover without a backup file" (issue 5, "What to build" 5): `identity scan ID --network NET
 * --count N` lists the first accounts of each common path family — the root key (Polkadot{.js}),
 * `//<network>` (Signer), `//<network>//<n>`, `//<n>`, and the other key types — with the address
 * each gives, marks the ones already in the vault, and changes nothing. Expected addresses come
 * from the oracle (`@polkadot/keyring`) and from `identity derive --path`.
 */
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox, EXIT, expectRefused, okJson, recoverIdentity, runAccount, vaultDump } from '../../support/cli.js';
import { LEGAL_WINNER } from '../../support/secrets.js';

const PIN = 'scan-pin-31';

type ScanEntry = { family: string; path: string; type: 'sr25519' | 'ed25519' | 'ecdsa'; address: string; inVault: boolean };

let t: Sandbox & { remove: () => Promise<void> };
let pinFile: string;
let scan: ScanEntry[];
let scanDumpBefore: unknown;
let scanDumpAfter: unknown;

function oracleAddress(type: ScanEntry['type'], path: string): string {
  return new Keyring({ type, ss58Format: 2 }).addFromUri(`${LEGAL_WINNER}${path}`).address;
}

beforeAll(async () => {
  await cryptoWaitReady();
  t = await sandbox({ manual: true });
  pinFile = await recoverIdentity(t, 'Main', LEGAL_WINNER, PIN);
  // Two accounts the user already has: Signer's //kusama//1 and the Polkadot{.js} root key.
  okJson(await t.run(['identity', 'derive', 'Main', '--network', 'kusama', '--path', '//kusama//1', '--pin-file', pinFile, '--json']));
  okJson(await t.run(['identity', 'derive', 'Main', '--network', 'kusama', '--path', '', '--name', 'Root', '--pin-file', pinFile, '--json']));
  scanDumpBefore = vaultDump(t.vault);
  scan = okJson<ScanEntry[]>(await t.run(['identity', 'scan', 'Main', '--network', 'kusama', '--count', '3', '--pin-file', pinFile, '--json']));
  scanDumpAfter = vaultDump(t.vault);
});

afterAll(async () => {
  await t?.remove();
});

describe('identity scan', () => {
  it('lists root, //kusama, //kusama//0..2 and //0..2 (sr25519), and the other key types', () => {
    const sr = scan.filter((e) => e.type === 'sr25519').map((e) => e.path);
    expect(sr).toEqual(['', '//kusama', '//kusama//0', '//kusama//1', '//kusama//2', '//0', '//1', '//2']);
    for (const type of ['ed25519', 'ecdsa'] as const) {
      const paths = scan.filter((e) => e.type === type).map((e) => e.path);
      expect(paths, type).toContain('');
    }
    for (const e of scan) {
      expect(typeof e.family).toBe('string');
      expect(e.family.length).toBeGreaterThan(0);
    }
    // No entry twice.
    expect(new Set(scan.map((e) => `${e.type}|${e.path}`)).size).toBe(scan.length);
  });

  it('gives, for every entry, the address the oracle derives for that key type and path (Kusama format)', () => {
    for (const e of scan) expect(e.address, `${e.type} ${e.path || '(root)'}`).toBe(oracleAddress(e.type, e.path));
  });

  it('marks exactly the accounts the identity already has, and changes nothing', () => {
    const marked = scan.filter((e) => e.inVault).map((e) => `${e.type}|${e.path}`);
    expect(marked.sort()).toEqual(['sr25519|', 'sr25519|//kusama//1'].sort());
    expect(scanDumpAfter).toEqual(scanDumpBefore);
  });

  it('gives the addresses `identity derive --path` gives', async () => {
    const b = await sandbox();
    await b.copyVault(t.vault);
    const pick = [
      scan.find((e) => e.type === 'sr25519' && e.path === '//kusama//2'),
      scan.find((e) => e.type === 'ed25519'),
      scan.find((e) => e.type === 'ecdsa'),
    ];
    for (const e of pick) {
      expect(e).toBeDefined();
      const d = okJson<{ address: string }>(
        await b.run([
          'identity',
          'derive',
          'Main',
          '--network',
          'kusama',
          '--type',
          e!.type,
          '--path',
          e!.path,
          '--name',
          `picked ${e!.type}`,
          '--pin-file',
          pinFile,
          '--json',
        ]),
      );
      expect(d.address).toBe(e!.address);
    }
  });

  it('marks an account the vault holds from another source (same key, added from the phrase)', async () => {
    const b = await sandbox();
    await b.copyVault(t.vault);
    const suri = await b.secret('suri.txt', `${LEGAL_WINNER}//0`);
    const pw = await b.secret('pw.txt', 'account-pw-1');
    okJson(await runAccount(b, 'add', pw, 'Index zero', '--suri-file', suri, '--network', 'kusama'));
    const again = okJson<ScanEntry[]>(await b.run(['identity', 'scan', 'Main', '--network', 'kusama', '--count', '1', '--pin-file', pinFile, '--json']));
    const zero = again.find((e) => e.type === 'sr25519' && e.path === '//0');
    expect(zero?.address).toBe(oracleAddress('sr25519', '//0'));
    expect(zero?.inVault, 'the //0 account is in the vault (as "Index zero")').toBe(true);
  });

  it('prints one line per entry in text mode, with the in-vault marks', async () => {
    const r = await t.run(['identity', 'scan', 'Main', '--network', 'kusama', '--count', '1', '--pin-file', pinFile]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toContain(oracleAddress('sr25519', '//kusama//0'));
    expect(r.stdout).toMatch(/\[in vault\]/);
    expect(r.stdout + r.stderr).not.toContain(LEGAL_WINNER.split(' ').slice(0, 3).join(' '));
  });

  it('refuses a bad --count or network (exit 2), an unknown identity (exit 1) and a wrong PIN (exit 3)', async () => {
    const before = vaultDump(t.vault);
    for (const count of ['0', '101', 'many']) {
      expectRefused(await t.run(['identity', 'scan', 'Main', '--network', 'kusama', '--count', count, '--pin-file', pinFile]), EXIT.usage, { secrets: [PIN] });
    }
    expectRefused(await t.run(['identity', 'scan', 'Main', '--network', 'no-such-network', '--pin-file', pinFile]), EXIT.usage, { match: /network/ });
    expectRefused(await t.run(['identity', 'scan', 'Nobody', '--network', 'kusama', '--pin-file', pinFile]), EXIT.failed);
    expect(vaultDump(t.vault)).toEqual(before);
    const wrong = await t.secret('wrong.txt', 'scan-pin-32');
    const r = await t.run(['identity', 'scan', 'Main', '--network', 'kusama', '--pin-file', wrong, '--json']);
    expectRefused(r, EXIT.wrongPassword, { longerThan: 20, json: true, secrets: ['scan-pin-32', PIN] });
    expect(r.stdout).toBe('');
  });
});
