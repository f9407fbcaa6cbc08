/**
 * AXIA.js (issue 17): the AXIA fork of Polkadot-JS writes the same account file under AXIA names;
 * `@axia-js/keyring` 0.1.2 (the keyring of the AXIA.js apps and extension) is the peer, with fresh
 * random keys. Its files at the AXIA prefixes (0 AXIA, 2 AXIALunar, 42 AlphaNet/BetaNet) restore with
 * the very address AXIA shows, the file keepsake keeps opens in AXIA's keyring, and a file keepsake
 * writes opens there too.
 *
 * What network name they show: AXIA.js's own tables give its networks the genesis hashes of
 * Polkadot's (@axia-js/networks 0.1.0 `defaults.js` knownGenesis: axia = Polkadot's, axialunar =
 * Kusama's; github:AXIA-JS/apps packages/apps-config/src/api/constants.ts: ALPHANET_GENESIS =
 * Westend's, BETANET_GENESIS = Rococo's) and the same prefixes, so nothing in an AXIA file tells it from a
 * Polkadot{.js} one. keepsake does not guess: it shows the registry's network for the prefix or genesis hash, and
 * the AXIA names stay ones the user can pick for the same address (networkInfer lists them as sharing it).
 * So the user says which: `restore --network axia` (or `alphanet`…) stores every account of the files under
 * that network, with the address AXIA shows, and the restore that had to pick says which others share the format.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring as AxiaKeyring, type KeyringPair as AxiaPair } from '@axia-js/keyring';
import { cryptoWaitReady as axiaReady, mnemonicGenerate as axiaMnemonic } from '@axia-js/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '../../src/cli/testIo.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { networkInfer } from '../../src/networks/infer.js';
import { accountsAll } from '../../src/vault/accounts.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';
import { fileAccountsOpen } from '../../src/wallet/fileAccounts.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import type { AccountView } from '../../src/wallet/accountView.js';

const PASSWORD = `axia-${Math.random().toString(36).slice(2)}`;
/** AXIA.js's genesis hashes (see above): AXIA's is Polkadot's, AlphaNet's is Westend's. */
const AXIA_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const ALPHANET_GENESIS = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';

type Case = { what: string; type: AxiaPair['type']; pair: AxiaPair; json: string; prefix: number; network: string; axiaName: string };
let cases: Case[];
let dir: string;

beforeAll(async () => {
  await axiaReady();
  const make = (
    what: string,
    type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum',
    prefix: number,
    meta: Record<string, unknown>,
    network: string,
    axiaName: string,
  ): Case => {
    const suri = type === 'ethereum' ? `${axiaMnemonic(12)}/m/44'/60'/0'/0/0` : axiaMnemonic(12);
    const pair = new AxiaKeyring({ type, ss58Format: prefix }).addFromUri(suri, { name: what, ...meta }, type);
    return { what, type, pair, json: JSON.stringify(pair.toJson(PASSWORD)), prefix, network, axiaName };
  };
  cases = [
    make('AXIA sr25519', 'sr25519', 0, { genesisHash: AXIA_GENESIS }, 'polkadot', 'axia'),
    make('AXIA ed25519, no genesis', 'ed25519', 0, {}, 'polkadot', 'axia'),
    make('AXIALunar sr25519', 'sr25519', 2, {}, 'kusama', 'axialunar'),
    make('AlphaNet ecdsa', 'ecdsa', 42, { genesisHash: ALPHANET_GENESIS }, 'westend', 'alphanet'),
    make('AXIA EVM', 'ethereum', 42, {}, 'substrate', 'betanet'),
  ];
  dir = mkdtempSync(join(tmpdir(), 'keepsake-axia-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AXIA.js account files', () => {
  it('inspect shows the address AXIA shows', async () => {
    for (const c of cases) {
      const report = await inspectFile(c.json);
      expect(report.format, c.what).toBe('polkadot-js');
      expect(report.accounts[0]!.address, c.what).toBe(c.pair.address);
    }
  });

  it('inspect names the networks that share the address format ("Polkadot Relay Chain (also AXIA)"), in its report and its text', async () => {
    for (const c of cases.filter((x) => x.type === 'sr25519' || x.type === 'ed25519')) {
      const report = await inspectFile(c.json);
      const network = report.accounts[0]!.network!;
      expect(network.name, c.what).toBe(c.network);
      expect(
        network.also.map((n) => n.name),
        c.what,
      ).toContain(c.axiaName);
      expect(report.notes, c.what).toContainEqual(expect.stringMatching(/nothing in the file tells them apart: restoring puts its accounts under/));
    }
    const box = cliSandbox();
    try {
      const r = await box.run(['inspect', box.file('axia.json', cases[0]!.json)]);
      expect(r.stdout).toContain(`${cases[0]!.pair.address}  sr25519  "AXIA sr25519"  Polkadot Relay Chain (also AXIA)\n`);
    } finally {
      box.remove();
    }
  });

  it('restore keeps the AXIA address and prefix; the network shown shares it with the AXIA one; AXIA opens the kept file', async () => {
    const vault = vaultOpen(join(dir, 'axia.sqlite'));
    try {
      const report = await restoreFiles(
        vault,
        cases.map((c, i) => ({ file: `axia-${i}.json`, text: c.json })),
        PASSWORD,
      );
      expect(report.failed).toEqual([]);
      expect(report.restored.map((r) => r.address)).toEqual(cases.map((c) => c.pair.address));
      const rows = accountsAll(vault);
      for (const c of cases) {
        const row = rows.find((r) => r.name === c.what)!;
        expect(row, c.what).toBeDefined();
        expect(row.verified, c.what).toBe(true);
        if (c.pair.type !== 'ethereum') {
          expect(row.ss58Prefix, c.what).toBe(c.prefix);
          expect(
            networkInfer(row.ss58Prefix).sharing.map((n) => n.name),
            c.what,
          ).toContain(c.axiaName);
        }
        expect(row.network, c.what).toBe(c.network);
        const opened = new AxiaKeyring({ type: c.pair.type, ss58Format: c.prefix }).addFromJson(JSON.parse(row.fileJson!));
        opened.decodePkcs8(PASSWORD);
        expect(opened.address, c.what).toBe(c.pair.address);
      }
    } finally {
      vaultClose(vault);
    }
  });

  it('a file keepsake writes at an AXIA prefix (scrypt N=2^15, as `--kdf compat` writes) opens in AXIA’s keyring, with the same key', async () => {
    for (const c of cases) {
      const { entries } = await fileAccountsOpen(c.json, PASSWORD, { keepKeys: true });
      const pair = entries[0]!.account!.pair!;
      const written = await polkadotJsWrite(pair, 'new-axia-password', { meta: { name: c.what }, prefix: c.prefix, params: SCRYPT_COMPAT });
      // keepsake's default (N=2^17, 2025) is beyond what AXIA's 2021 util-crypto accepts, as for every wallet of before mid-2025.
      const strong = await polkadotJsWrite(pair, 'new-axia-password', { meta: { name: c.what }, prefix: c.prefix });
      pair.secretKey.fill(0);
      expect(() => new AxiaKeyring({ type: c.pair.type }).addFromJson(JSON.parse(JSON.stringify(strong))).decodePkcs8('new-axia-password')).toThrow(/scrypt/);
      const opened = new AxiaKeyring({ type: c.pair.type, ss58Format: c.prefix }).addFromJson(JSON.parse(JSON.stringify(written)));
      opened.decodePkcs8('new-axia-password');
      expect(opened.address, c.what).toBe(c.pair.address);
      expect(Buffer.from(opened.publicKey).equals(Buffer.from(c.pair.publicKey)), c.what).toBe(true);
    }
  });
});

describe('AXIA.js account files restored under the AXIA network the user names', () => {
  /** `keepsake restore FILES --network NET`, then `account list --json`, in a fresh vault. */
  async function restoredUnder(network: string, chosen: readonly Case[]) {
    const box = cliSandbox();
    try {
      const files = chosen.map((c, i) => box.file(`axia-${i}.json`, c.json));
      const report = await box.json<{ restored: { address: string; network: string }[]; notes: { message: string }[] }>([
        'restore',
        ...files,
        '--network',
        network,
        '--password-file',
        box.file('pw.txt', PASSWORD),
      ]);
      const list = await box.json<AccountView[]>(['account', 'list']);
      const vault = vaultOpen(box.path('vault.sqlite'));
      let rows;
      try {
        rows = accountsAll(vault);
      } finally {
        vaultClose(vault);
      }
      return { report, list, rows };
    } finally {
      box.remove();
    }
  }

  it('--network axia: every account of AXIA prefix-0 files is listed under axia, with the address AXIA shows, and its kept file opens in AXIA’s keyring', async () => {
    const axia = cases.filter((c) => c.prefix === 0);
    const { report, list, rows } = await restoredUnder('axia', axia);
    expect(report.restored.map((r) => r.network)).toEqual(axia.map(() => 'axia'));
    // The same address format as the files: nothing to say about another one.
    expect(report.notes).toEqual([]);
    for (const c of axia) {
      const listed = list.find((a) => a.name === c.what)!;
      expect(listed, c.what).toMatchObject({ network: 'axia', address: c.pair.address });
      const row = rows.find((r) => r.name === c.what)!;
      const opened = new AxiaKeyring({ type: c.pair.type, ss58Format: 0 }).addFromJson(JSON.parse(row.fileJson!));
      opened.decodePkcs8(PASSWORD);
      expect(opened.address, c.what).toBe(c.pair.address);
    }
  });

  it('--network alphanet: AlphaNet files (prefix 42) are listed under alphanet at their AXIA address; a file at another format is moved to 42, and that is said', async () => {
    const alphanet = cases.filter((c) => c.axiaName === 'alphanet');
    const axialunar = cases.find((c) => c.axiaName === 'axialunar')!;
    const { report, list, rows } = await restoredUnder('alphanet', [...alphanet, axialunar]);
    expect(new Set(list.map((a) => a.network))).toEqual(new Set(['alphanet']));
    for (const c of alphanet)
      expect(
        list.find((a) => a.name === c.what),
        c.what,
      ).toMatchObject({ network: 'alphanet', address: c.pair.address });
    // The AXIALunar key (prefix 2) now shows its AlphaNet address: the same key, which AXIA's keyring gives at 42.
    const lunar = list.find((a) => a.name === axialunar.what)!;
    expect(lunar.address).toBe(new AxiaKeyring().encodeAddress(axialunar.pair.publicKey, 42));
    expect(report.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/AXIA AlphaNet uses another address format \(prefix 42\) than the files showed \(prefix 2\)/),
    ]);
    const row = rows.find((r) => r.name === axialunar.what)!;
    const opened = new AxiaKeyring({ type: 'sr25519', ss58Format: 2 }).addFromJson(JSON.parse(row.fileJson!));
    opened.decodePkcs8(PASSWORD);
    expect(Buffer.from(opened.publicKey).equals(Buffer.from(axialunar.pair.publicKey))).toBe(true);
  });

  it('without a network: the restore says the format is shared and names the AXIA networks to pick', async () => {
    const box = cliSandbox();
    try {
      const r = await box.run(['restore', box.file('axia.json', cases[0]!.json), '--password-file', box.file('pw.txt', PASSWORD)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^note: Polkadot Relay Chain shares its address format \(prefix 0\) with AXIA, and nothing in a file tells them apart: 1 account was restored under Polkadot Relay Chain\. To show them under AXIA, restore with --network axia, or run `keepsake account network ADDRESS axia` for an account already restored\.$/m,
      );
      // And the account already restored moves under AXIA, at the same address.
      const moved = await box.json<{ network: string; address: string }>(['account', 'network', cases[0]!.pair.address, 'axia']);
      expect(moved).toMatchObject({ network: 'axia', address: cases[0]!.pair.address });
    } finally {
      box.remove();
    }
  });
});
