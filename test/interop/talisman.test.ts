/**
 * Talisman's account files (issue 17), written as Talisman writes them: `pair.toJson(exportPw)` of a
 * keyring pair (github:TalismanSociety/talisman packages/extension-core/src/domains/accounts/handler.ts
 * `accountExport`), the pair's meta as Talisman stores it (same file `accountCreate`,
 * `accountCreateSuri`, `accountCreateJson`; `AccountType` and `AccountImportSources` in
 * domains/accounts/types.ts): `origin: "TALISMAN"`, with `derivedMnemonicId` + `derivationPath` for an
 * account from a recovery phrase (an EVM one at m/44'/60'/0'/0/N is an `ethereum` file, not a
 * keystore), or `importSource: "pk"` / `"json"`. `@polkadot/keyring` is the peer, with fresh random
 * keys: keepsake names Talisman from the meta, restores each file, and the peer opens what it keeps.
 * (The source at hand has no "Export all"; a list of such files in the extension's batch is read too.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { mnemonicGenerate, randomAsHex } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsAll } from '../../src/vault/accounts.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import { verifyFile } from '../../src/wallet/verify.js';
import { oracleBatch, oracleOpen } from '../support/oracle.js';
import { asFile, keyringFor } from './oracle.js';

const EXPORT_PW = `talisman-${randomAsHex(4)}`;
const TALISMAN_NOTE = /Made by Talisman/;

type Shape = { what: string; pair: KeyringPair; file: KeyringPair$Json };
let shapes: Shape[];
let dir: string;

beforeAll(() => {
  const phrase = mnemonicGenerate(12);
  const mnemonicId = randomAsHex(16).slice(2);
  const whenCreated = Date.now();
  // Each as Talisman's handler adds it (keyring.addUri with this meta), then exported with pair.toJson(exportPw).
  const make = (what: string, type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum', suri: string, meta: Record<string, unknown>): Shape => {
    const pair = keyringFor(type).addFromUri(suri, { ...meta, whenCreated }, type);
    return { what, pair, file: asFile<KeyringPair$Json>(pair.toJson(EXPORT_PW)) };
  };
  shapes = [
    make('a Polkadot account from its recovery phrase', 'sr25519', phrase, {
      name: 'Talisman Polkadot',
      origin: 'TALISMAN',
      derivedMnemonicId: mnemonicId,
      derivationPath: '',
    }),
    make('an EVM account from its recovery phrase (type ethereum)', 'ethereum', `${phrase}/m/44'/60'/0'/0/0`, {
      name: 'Talisman EVM',
      origin: 'TALISMAN',
      derivedMnemonicId: mnemonicId,
      derivationPath: "/m/44'/60'/0'/0/0",
    }),
    make('a derived Polkadot account', 'sr25519', `${phrase}//1`, {
      name: 'Derived',
      origin: 'TALISMAN',
      derivedMnemonicId: mnemonicId,
      derivationPath: '//1',
    }),
    make('an EVM private key import', 'ethereum', randomAsHex(32), { name: 'PK import', origin: 'TALISMAN', importSource: 'pk' }),
    make('an ed25519 account from a secret URI', 'ed25519', `${mnemonicGenerate(12)}//ed`, { name: 'Ed', origin: 'TALISMAN', importSource: 'pk' }),
    make('an ecdsa account from a secret URI', 'ecdsa', mnemonicGenerate(12), { name: 'Ecdsa', origin: 'TALISMAN', importSource: 'pk' }),
    make('a JSON import exported again', 'sr25519', mnemonicGenerate(12), { name: 'From JSON', origin: 'TALISMAN', importSource: 'json' }),
  ];
  dir = mkdtempSync(join(tmpdir(), 'keepsake-talisman-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Talisman account files', () => {
  it('inspect names Talisman from the meta, and not a file without it', async () => {
    for (const { what, file } of shapes) {
      const report = await inspectFile(JSON.stringify(file));
      expect(report.format, what).toBe('polkadot-js');
      expect(report.notes.join(' '), what).toMatch(TALISMAN_NOTE);
      expect(report.accounts[0]!.name).toBe(file.meta['name']);
    }
    const { origin: _origin, ...plainMeta } = shapes[0]!.file.meta;
    expect((await inspectFile(JSON.stringify({ ...shapes[0]!.file, meta: plainMeta }))).notes.join(' ')).not.toMatch(TALISMAN_NOTE);
    // Another wallet's `origin` value is not Talisman's.
    expect((await inspectFile(JSON.stringify({ ...shapes[0]!.file, meta: { ...plainMeta, origin: 'polkadot' } }))).notes.join(' ')).not.toMatch(TALISMAN_NOTE);
  });

  it('each shape restores with its name and type, checked, and the peer opens the file keepsake keeps', async () => {
    const vault = vaultOpen(join(dir, 'each.sqlite'));
    try {
      const report = await restoreFiles(
        vault,
        shapes.map((s, i) => ({ file: `talisman-${i}.json`, text: JSON.stringify(s.file) })),
        EXPORT_PW,
      );
      expect(report.failed).toEqual([]);
      expect(report.restored).toHaveLength(shapes.length);
      const rows = accountsAll(vault);
      for (const { what, pair } of shapes) {
        const row = rows.find((r) => Buffer.from(r.publicKey).equals(Buffer.from(pair.publicKey)));
        expect(row, what).toBeDefined();
        expect(row!.type, what).toBe(pair.type);
        expect(row!.name, what).toBe(pair.meta['name']);
        expect(row!.verified, what).toBe(true);
        const opened = oracleOpen(JSON.parse(row!.fileJson!) as KeyringPair$Json, EXPORT_PW);
        expect(opened.address, what).toBe(pair.address);
        // Talisman's meta stays with the file (origin, mnemonic id, path): Talisman reads it back.
        expect(opened.meta['origin'], what).toBe('TALISMAN');
      }
    } finally {
      vaultClose(vault);
    }
  });

  it('a list of Talisman files in the extension batch is read, and named', async () => {
    const batch = JSON.stringify(oracleBatch([shapes[0]!.file, shapes[1]!.file], EXPORT_PW));
    const inspected = await inspectFile(batch);
    expect(inspected.format).toBe('polkadot-js-batch');
    expect(inspected.notes.join(' ')).toMatch(TALISMAN_NOTE);
    const verified = await verifyFile(batch, EXPORT_PW);
    expect(verified.accounts.map((a) => [a.address, a.check])).toEqual([
      [shapes[0]!.pair.address, 'checked'],
      [shapes[1]!.pair.address, 'checked'],
    ]);
  });
});
