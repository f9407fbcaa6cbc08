/**
 * `restore --network NAME` and `account network ADDRESS NAME` end to end (issue 17, AXIA): networks that
 * share an address format (0 Polkadot and AXIA; 42 generic Substrate, Westend and the AXIA test networks)
 * cannot be told apart from a file, so the user names one; a restore that had to pick says so; an
 * unknown name is a usage error that leaves the vault as it was.
 */
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXIT,
  expectListShape,
  expectRefused,
  okJson,
  type RestoreJson,
  restoreFiles,
  sandbox,
  sandboxFrom,
  type Template,
  template,
} from '../../support/cli.js';
import { labelledPair, oracleFile, oracleReady } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';

const S = testSecrets('restore-network', ['pw']);
const KUSAMA_GENESIS = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';

let pair: KeyringPair;
let generic: KeyringPair$Json;
/** A vault holding one account restored as the file said (generic Substrate, prefix 42). */
let seeded: Template;

beforeAll(async () => {
  await oracleReady();
  pair = labelledPair('sr25519', 'restore-network', { name: 'Stash' });
  generic = oracleFile(pair, S.pw);
  seeded = await template(async (box) => {
    const report = await restoreFiles(
      box,
      [await box.write('other.json', oracleFile(labelledPair('ed25519', 'restore-network-2', { name: 'Other' }), S.pw))],
      S.pw,
    );
    expect(report.restored).toHaveLength(1);
  });
  return () => seeded.remove();
});

describe('restore --network', () => {
  it('an unknown name: exit 2, the close names said, nothing read or changed', async () => {
    const box = await sandboxFrom(seeded);
    const file = await box.write('stash.json', generic);
    const pw = await box.secret('pw.txt', S.pw);
    expectRefused(await box.run(['restore', file, '--password-file', pw, '--network', 'alphanett']), EXIT.usage, {
      match: /^Unknown network "alphanett"\. Did you mean alphanet\b/,
      secrets: S.all,
    });
    expectRefused(await box.run(['restore', file, '--password-file', pw, '--network', 'no-such-chain-at-all', '--json']), EXIT.usage, {
      json: true,
      name: 'UnknownNetworkError',
      match: /^Unknown network "no-such-chain-at-all"\. Use a name from the SS58 registry/,
    });
    expect(await box.list()).toEqual(seeded.accounts);
  });

  it('without it, a network that shares its address format is said in one line, with how to choose', async () => {
    const box = await sandbox();
    const r = await box.run(['restore', await box.write('stash.json', generic), '--password-file', await box.secret('pw.txt', S.pw)]);
    expect(r.code).toBe(EXIT.ok);
    const notes = r.stdout.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes).toEqual([
      'note: Substrate shares its address format (prefix 42) with Westend Testnet, AXIA AlphaNet, AXIA BetaNet, and nothing in a file tells them apart: 1 account was restored under Substrate. To show them under another (westend, alphanet, betanet), restore with --network NAME, or run `keepsake account network ADDRESS NAME` for an account already restored.',
    ]);
    const json = okJson<RestoreJson & { notes: { message: string; next: unknown }[] }>(
      await box.run([
        'restore',
        await box.write('kusama.json', oracleFile(labelledPair('ed25519', 'on-kusama'), S.pw, undefined, { genesisHash: KUSAMA_GENESIS })),
        '--password-file',
        await box.secret('pw.txt', S.pw),
        '--json',
      ]),
    );
    expect(json.notes).toEqual([
      {
        message: expect.stringMatching(/^Kusama Relay Chain shares its address format \(prefix 2\) with AXIALunar/),
        next: { do: 'pick-network', networks: [{ name: 'axialunar', label: 'AXIALunar' }] },
      },
    ]);
  });

  it('with it, every account is listed under that network, at its address format (another format than the file’s is said)', async () => {
    const box = await sandbox();
    const r = await box.run(['restore', await box.write('stash.json', generic), '--password-file', await box.secret('pw.txt', S.pw), '--network', 'kusama']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(
      /^note: Kusama Relay Chain uses another address format \(prefix 2\) than the files showed \(prefix 42\): the same keys have other addresses there\.$/m,
    );
    expect(r.stdout).not.toMatch(/shares its address format/);
    const accounts = await box.list();
    expectListShape(accounts);
    expect(accounts).toEqual([expect.objectContaining({ name: 'Stash', network: 'kusama', genesisHash: KUSAMA_GENESIS, publicKey: expect.any(String) })]);
    // Kusama addresses (prefix 2) start with a capital letter other than 5; the key is the file's.
    expect(accounts[0]!.address).toMatch(/^[C-HJ]/);
    expect((await box.list(['--network', 'substrate']))[0]!.address).toBe(pair.address);
  });
});

describe('account network', () => {
  it('moves an account under another network, its key unchanged; an unknown name or account is refused, the vault unchanged', async () => {
    const box = await sandboxFrom(seeded);
    const [other] = seeded.accounts;
    expectRefused(await box.run(['account', 'network', other!.address, 'axa']), EXIT.usage, { match: /^Unknown network "axa"\. Did you mean axia/ });
    expectRefused(await box.run(['account', 'network', 'nobody-by-this-name', 'axia']), EXIT.failed);
    expect(await box.list()).toEqual(seeded.accounts);
    const r = await box.run(['account', 'network', other!.address, 'alphanet']);
    expect(r.code).toBe(EXIT.ok);
    // AlphaNet has the generic format (42): the same address, under another name.
    expect(r.stdout).toBe(`"Other" is now under alphanet (it was under substrate): ${other!.address}\n`);
    expect(await box.list()).toEqual([{ ...other, network: 'alphanet' }]);
    const moved = await box.json<{ network: string; address: string; previous: { network: string; address: string } }>(['account', 'network', 'Other', 'axia']);
    expect(moved).toMatchObject({ network: 'axia', previous: { network: 'alphanet', address: other!.address } });
    expect(moved.address).toMatch(/^1/);
  });
});
