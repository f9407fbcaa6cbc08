/**
 * A SubWallet export through the CLI (issue 17): `inspect`, `verify`, `restore` and `convert` on a
 * file holding a TON account beside Polkadot and Ethereum ones — the TON account is one sentence,
 * the exit is 0, the rest restored and opening with the master password; a file of TON accounts only
 * is one sentence and exit 1; a wrong master password is exit 3. The vault is unchanged when refused.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, expectNoSecrets, expectRefused, type InspectJson, okJson, type RestoreJson, sandbox, type VerifyJson } from '../../support/cli.js';
import { oracleBatchOpen, oracleOpen, oracleReady } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';
import { subWalletExport, subWalletOtherKind, subWalletStored, subWalletUnified } from '../../support/subwallet.js';

const S = testSecrets('subwallet', ['master', 'fresh']);
const TON_SENTENCE = /A TON account \(.*wallet\.json \(entry 2\)\) was not restored: only Polkadot and Ethereum keys are kept in keepsake\./;

let sr: KeyringPair;
let eth: KeyringPair;
let mixed: string;
let tonOnly: string;

beforeAll(async () => {
  await oracleReady();
  const phrase = mnemonicGenerate(12);
  sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(phrase, { name: 'Pair name' }, 'sr25519');
  eth = new Keyring({ type: 'ethereum' }).addFromUri(`${phrase}/m/44'/60'/0'/0/0`, { name: 'EVM pair' }, 'ethereum');
  const ton = subWalletOtherKind(new Keyring({ type: 'ed25519' }).addFromUri(mnemonicGenerate(12)), 'ton', S.master, { name: 'TON' });
  mixed = subWalletExport([subWalletStored(sr, S.master), ton, subWalletStored(eth, S.master)], S.master, subWalletUnified('u1', 'Everyday', [sr, eth]));
  tonOnly = subWalletExport([ton], S.master);
});

describe('SubWallet export on the command line', () => {
  it('inspect names it and lists its entries without a password', async () => {
    const box = await sandbox();
    const file = await box.write('wallet.json', mixed);
    const report = await box.json<InspectJson & { label: string }>(['inspect', file]);
    expect(report.format).toBe('subwallet');
    expect(report.label).toBe('SubWallet export');
    expect(report.accounts.map((a) => a.name)).toEqual(['Everyday', 'TON', 'Everyday']);
  });

  it('verify: the TON account is one sentence, exit 0', async () => {
    const box = await sandbox();
    const file = await box.write('wallet.json', mixed);
    const pw = await box.secret('pw.txt', S.master);
    const r = await box.run(['verify', file, '--password-file', pw]);
    expectNoSecrets(r, S.all);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(TON_SENTENCE);
    expect(r.stdout).toContain('1 account of another kind would be left out');
    const json = okJson<Omit<VerifyJson, 'accounts'> & { accounts: { check: string; error: { name: string; message: string } | null }[] }>(
      await box.run(['verify', file, '--password-file', pw, '--json']),
    );
    expect(json.accounts.map((a) => a.check)).toEqual(['checked', 'unsupported', 'checked']);
    expect(json.accounts[1]!.error?.message).toMatch(TON_SENTENCE);
  });

  it('restore: exit 0, the TON account said in one sentence, the others restored and opening with the master password', async () => {
    const box = await sandbox();
    const file = await box.write('wallet.json', mixed);
    const pw = await box.secret('pw.txt', S.master);
    const text = await box.run(['restore', file, '--password-file', pw]);
    expectNoSecrets(text, S.all);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(new RegExp(`skipped .*${TON_SENTENCE.source}`));
    expect(text.stdout).toContain('2 restored, 1 skipped, 0 failed.');
    const accounts = await box.list();
    expect(accounts.map((a) => [a.address, a.name])).toEqual(
      expect.arrayContaining([
        [sr.address, 'Everyday'],
        [eth.address, 'Everyday'],
      ]),
    );
    expect(accounts).toHaveLength(2);
    // Each account's key exports and opens with the master password (the oracle opens it).
    for (const a of [sr, eth]) {
      const out = box.path(`${a.address}.json`);
      const r = await box.run(['account', 'export', a.address, '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']);
      expect(r.code, r.stderr).toBe(EXIT.ok);
      const pair = oracleOpen((await box.read(`${a.address}.json`)) as KeyringPair$Json, S.master);
      expect(pair.address).toBe(a.address);
    }
    // The JSON report carries the same sentence.
    const again = await sandbox();
    const json = okJson<RestoreJson>(
      await again.run(['restore', await again.write('wallet.json', mixed), '--password-file', await again.secret('pw.txt', S.master), '--json']),
    );
    expect(json.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(TON_SENTENCE) })]);
  });

  it('convert: exit 0, the TON account said on stderr, the others in the new file', async () => {
    const box = await sandbox();
    const file = await box.write('wallet.json', mixed);
    const pw = await box.secret('pw.txt', S.master);
    const fresh = await box.secret('new.txt', S.fresh);
    const out = box.path('out.json');
    const r = await box.run([
      'convert',
      file,
      '--to',
      'polkadot-js-batch',
      '--out',
      out,
      '--password-file',
      pw,
      '--new-password-file',
      fresh,
      '--kdf',
      'compat',
    ]);
    expectNoSecrets(r, S.all);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/A TON account \(.*\) was not converted: only Polkadot and Ethereum keys are kept in keepsake\./);
    const inner = oracleBatchOpen((await box.read('out.json')) as never, S.fresh);
    expect(inner.map((f) => oracleOpen(f, S.fresh).address).sort()).toEqual([sr.address, eth.address].sort());
  });

  it('a file of TON accounts only: one sentence, exit 1, the vault unchanged', async () => {
    const box = await sandbox();
    const file = await box.write('ton.json', tonOnly);
    const pw = await box.secret('pw.txt', S.master);
    expectRefused(await box.run(['restore', file, '--password-file', pw]), EXIT.failed, {
      report: true,
      secrets: S.all,
      match: /holds only TON accounts, and only Polkadot and Ethereum keys are kept in keepsake: nothing in it was restored\./,
    });
    expect(await box.list()).toEqual([]);
    expectRefused(await box.run(['verify', file, '--password-file', pw]), EXIT.failed, { secrets: S.all, match: /holds only TON accounts/ });
  });

  it('a wrong master password: exit 3, the vault unchanged', async () => {
    const box = await sandbox();
    const file = await box.write('wallet.json', mixed);
    const wrong = await box.secret('pw.txt', 'not-the-master-password');
    expectRefused(await box.run(['restore', file, '--password-file', wrong]), EXIT.wrongPassword, { report: true, secrets: S.all });
    expect(await box.list()).toEqual([]);
    expectRefused(await box.run(['verify', file, '--password-file', wrong]), EXIT.wrongPassword, { secrets: S.all });
  });
});
