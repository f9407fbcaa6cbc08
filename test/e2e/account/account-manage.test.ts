/**
 * `keepsake account list | rename | remove` end to end (issue 3): the pinned `--json` shape,
 * addresses in another network's format, renaming (also inside the stored file), removing only with
 * confirmation, and refusals that leave the vault unchanged.
 */
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountJson,
  EXIT,
  expectListShape,
  expectRefused,
  expectVaultPrivate,
  okJson,
  readJson,
  type RefusedOptions,
  runAccount,
  sandbox,
  type Sandbox,
} from '../../support/cli.js';
import { oracleReady, VECTORS } from '../../support/oracle.js';

const PW = 'manage-Secret-pw-4';

// //Alice in four formats (vectors/polkadot-js.json) and an Ethereum account, whose address has no SS58 form.
const ALICE = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri.endsWith('//Alice'))!;
const ETH = VECTORS.suri.find((v) => v.type === 'ethereum' && v.suri.startsWith(VECTORS.devPhrase))!;
const BOB = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri.endsWith('//Bob'))!;

beforeAll(async () => {
  await oracleReady();
});

async function add(box: Sandbox, name: string, v: (typeof VECTORS.suri)[number], extra: string[] = []): Promise<AccountJson> {
  const pw = await box.secret('pw.txt', PW);
  const suri = await box.secret(`suri-${name}.txt`, v.suri);
  return okJson<AccountJson>(await runAccount(box, 'add', pw, name, '--type', v.type, '--suri-file', suri, ...extra));
}

/** A fresh vault holding //Alice as "Alice". */
async function withAlice(): Promise<Sandbox> {
  const box = await sandbox();
  await add(box, 'Alice', ALICE);
  return box;
}

/** `account ARGS…` is refused with `code`, and the vault lists what it listed before. */
async function expectRefusedUnchanged(box: Sandbox, args: string[], code: number, options: RefusedOptions = {}): Promise<void> {
  const before = await box.list();
  expectRefused(await box.run(['account', ...args]), code, options);
  expect(await box.list()).toEqual(before);
}

describe('account list', () => {
  // `account list` created the vault here before issue 12 #17; a reading command finds it or says there is none.
  it('an empty vault lists [] and is kept with mode 0600', async () => {
    const box = await sandbox();
    box.init();
    expect(await box.list()).toEqual([]);
    expectVaultPrivate(box.vault);
  });

  it('has the pinned --json shape, addresses in each account’s own network format', async () => {
    const box = await sandbox();
    await add(box, 'Alice', ALICE, ['--network', 'polkadot']);
    await add(box, 'Eth', ETH);
    await add(box, 'Bob', BOB);
    const accounts = await box.list();
    expectListShape(accounts);
    expect(accounts).toEqual([
      expect.objectContaining({ address: ALICE.address0, name: 'Alice', type: 'sr25519', publicKey: ALICE.publicKey, network: 'polkadot', identity: null }),
      expect.objectContaining({ address: ETH.address42, name: 'Eth', type: 'ethereum', publicKey: ETH.publicKey }),
      expect.objectContaining({ address: BOB.address42, name: 'Bob', type: 'sr25519', publicKey: BOB.publicKey, genesisHash: null }),
    ]);
  });

  it('--network kusama shows every SS58 address in the Kusama format (Ethereum addresses stay as they are)', async () => {
    const box = await withAlice();
    await add(box, 'Eth', ETH);
    const kusama = await box.list(['--network', 'kusama']);
    expectListShape(kusama);
    expect(kusama.map((a) => a.address)).toEqual([ALICE.address2, ETH.address42]);
    const polkadot = await box.list(['--network', 'polkadot']);
    expect(polkadot.map((a) => a.address)).toEqual([ALICE.address0, ETH.address42]);
    // The listing format changes nothing stored.
    expect((await box.list()).map((a) => a.address)).toEqual([ALICE.address42, ETH.address42]);
  });

  it('an unknown --network is a usage error', async () => {
    const box = await withAlice();
    const r = await box.run(['account', 'list', '--network', 'atlantis']);
    expectRefused(r, EXIT.usage, { match: /atlantis/ });
    const j = await box.run(['account', 'list', '--network', 'atlantis', '--json']);
    expectRefused(j, EXIT.usage, { json: true });
  });

  it('without --json prints one line per account on stdout', async () => {
    const box = await withAlice();
    await add(box, 'Bob', BOB);
    const r = await box.run(['account', 'list']);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(ALICE.address42);
    expect(lines[1]).toContain(BOB.address42);
  });
});

describe('account rename', () => {
  it('renames by address; the new name is in the list and in the exported file', async () => {
    const box = await withAlice();
    await add(box, 'Bob', BOB);
    const r = await box.run(['account', 'rename', ALICE.address42!, 'Alice (cold)', '--json']);
    expect(okJson<AccountJson>(r)).toMatchObject({ address: ALICE.address42, name: 'Alice (cold)' });
    expect((await box.list()).map((a) => a.name)).toEqual(['Alice (cold)', 'Bob']);
    const pw = await box.secret('pw.txt', PW);
    const out = box.path('alice.json');
    okJson(await box.run(['account', 'export', ALICE.address42!, '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
    expect((await readJson<KeyringPair$Json>(out)).meta.name).toBe('Alice (cold)');
  });

  it('finds the account by its address in another network’s format, by public key, or by name', async () => {
    const box = await withAlice();
    okJson(await box.run(['account', 'rename', ALICE.address2!, 'by kusama address', '--json']));
    okJson(await box.run(['account', 'rename', ALICE.publicKey, 'by public key', '--json']));
    okJson(await box.run(['account', 'rename', 'by public key', 'by name', '--json']));
    expect((await box.list()).map((a) => a.name)).toEqual(['by name']);
  });

  it('an unknown account → exit 1, vault unchanged', async () => {
    const box = await withAlice();
    await expectRefusedUnchanged(box, ['rename', BOB.address42!, 'Nobody'], EXIT.failed);
  });

  it('an empty name → exit 2, vault unchanged', async () => {
    const box = await withAlice();
    await expectRefusedUnchanged(box, ['rename', ALICE.address42!, '   '], EXIT.usage);
  });

  it('a name two accounts share is ambiguous → exit 1, vault unchanged', async () => {
    const box = await sandbox();
    await add(box, 'Twin', ALICE);
    await add(box, 'Twin', BOB);
    await expectRefusedUnchanged(box, ['rename', 'Twin', 'Which one?'], EXIT.failed);
  });

  it('a missing argument is a usage error (exit 2)', async () => {
    const box = await withAlice();
    await expectRefusedUnchanged(box, ['rename', ALICE.address42!], EXIT.usage);
  });
});

describe('account remove', () => {
  it('without --yes and not on a terminal → exit 2 and nothing removed', async () => {
    const box = await withAlice();
    await expectRefusedUnchanged(box, ['remove', ALICE.address42!], EXIT.usage, { match: /--yes/ });
  });

  it('with --yes removes that account only', async () => {
    const box = await withAlice();
    await add(box, 'Bob', BOB);
    const r = await box.run(['account', 'remove', ALICE.address42!, '--yes', '--json']);
    expect(okJson<AccountJson>(r)).toMatchObject({ address: ALICE.address42 });
    expect((await box.list()).map((a) => a.name)).toEqual(['Bob']);
    expectVaultPrivate(box.vault);
  });

  it('an unknown account with --yes → exit 1, vault unchanged', async () => {
    const box = await withAlice();
    await expectRefusedUnchanged(box, ['remove', BOB.address42!, '--yes'], EXIT.failed);
  });

  it('an account removed can be added again', async () => {
    const box = await withAlice();
    okJson(await box.run(['account', 'remove', 'Alice', '--yes', '--json']));
    expect(await box.list()).toEqual([]);
    await add(box, 'Alice again', ALICE);
    expect((await box.list()).map((a) => a.name)).toEqual(['Alice again']);
  });
});
