/**
 * Issue 12 items 7 and 8, "the address the user expects", through the real CLI (`node bin/keepsake.js`,
 * the built dist/):
 *
 * - 7: `identity find` named the path and key type and suggested a `derive` without `--network`,
 *   which gave the same key in the generic Substrate format — "a different address" again (ux review
 *   §3: typed `16kR…`, got `5Hp8…`). The network is now inferred from the SS58 prefix typed, in the
 *   text and in `--json`, and the printed command, run as printed by a shell, gives exactly the
 *   address typed. Deriving or adding a key already in the vault was a dead end pointing at
 *   `restore --on-duplicate replace`; `--on-duplicate update` (and `relock` for add) changes the
 *   existing account's name and network without losing its key (checked with @polkadot/keyring).
 * - 8: `account add --type ethereum` of a bare phrase gave the BIP-32 master key; MetaMask and the
 *   Polkadot{.js} extension give m/44'/60'/0'/0/0. Known answers: the dev phrase of
 *   test/vectors/polkadot-js.json, whose m/44'/60'/0'/0/0 and /1 are Moonbeam's published development
 *   accounts Alith and Baltathar (moonbeam README, "Prefunded Development Addresses"); the master key
 *   and a Ledger Live path (m/44'/60'/i'/0/0) come from @polkadot/keyring, the oracle.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXIT, expectRefused, okJson, sandbox, type AccountJson, type CliResult, type Sandbox } from '../support/cli.js';
import { DEV_PHRASE } from '../support/vectors.js';
import { spawnedResult } from './spawned.js';

const PIN = '246810';
const PW = 'account-pw-1';
const NEW_PW = 'account-pw-2';
const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
const BALTATHAR = '0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0';

type Found = {
  path: string;
  type: string;
  tried: number;
  network: string | null;
  prefix: number | null;
  existing: { name: string; network: string | null } | null;
};
type Derived = { address: string; path: string; network: string | null; type: string; name: string; status: string };

beforeAll(async () => {
  await cryptoWaitReady();
});

async function identityBox(): Promise<{ box: Sandbox; pin: string }> {
  const box = await sandbox();
  const pin = await box.secret('pin', PIN);
  const phrase = await box.secret('phrase', DEV_PHRASE);
  okJson(await box.run(['identity', 'recover', '--name', 'Old Signer', '--mnemonic-file', phrase, '--pin-file', pin, '--json']));
  return { box, pin };
}

/**
 * Runs a command line exactly as `identity find` printed it, through /bin/sh (so its quoting is what a
 * person pasting it gets), with `keepsake` standing for this CLI on the sandbox's vault, and the PIN
 * file and --json added at the end.
 */
function runPrinted(box: Sandbox, printed: string, pin: string): Promise<CliResult> {
  expect(printed).toMatch(/^keepsake identity derive /);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${q(process.execPath)} ${q(BIN)} --vault ${q(box.vault)} ${printed.slice('keepsake '.length)} --pin-file ${q(pin)} --json`;
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: box.dir, NO_COLOR: '1' };
  delete env['KEEPSAKE_VAULT'];
  return spawnedResult(spawn('/bin/sh', ['-c', command], { cwd: box.dir, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The command after "Add it with:" (or "… instead:") in `identity find`'s text. */
function printedCommand(r: CliResult, lead: RegExp = /Add it with: (.+)$/m): string {
  expect(r.code, r.stderr).toBe(EXIT.ok);
  const m = lead.exec(r.stdout);
  expect(m, `no command in: ${r.stdout}`).not.toBeNull();
  return m![1]!;
}

describe('identity find → the network typed (item 7)', () => {
  it('a Polkadot-format root key: find says --network polkadot (text and --json), and its printed command derives exactly the typed address', async () => {
    const { box, pin } = await identityBox();
    const typed = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(DEV_PHRASE).address;
    expect(typed).toMatch(/^1/);
    const found = okJson<Found>(await box.run(['identity', 'find', 'Old Signer', typed, '--pin-file', pin, '--json']));
    expect(found).toMatchObject({ path: '', type: 'sr25519', network: 'polkadot', prefix: 0, existing: null });
    const text = await box.run(['identity', 'find', 'Old Signer', typed, '--pin-file', pin]);
    expect(text.stdout).toMatch(/network: polkadot/);
    const printed = printedCommand(text);
    expect(printed).toMatch(/--network polkadot/);
    const derived = okJson<Derived>(await runPrinted(box, printed, pin));
    expect(derived.address).toBe(typed);
    expect((await box.list()).map((a) => a.address)).toEqual([typed]);
  });

  it('a Westend address (prefix 42, shared with generic Substrate): the network the path names; a Kusama //kusama//3 one: kusama — each printed command gives the typed address', async () => {
    const { box, pin } = await identityBox();
    for (const [path, prefix, network] of [
      ['//westend//2', 42, 'westend'],
      ['//kusama//3', 2, 'kusama'],
    ] as const) {
      const typed = new Keyring({ type: 'sr25519', ss58Format: prefix }).addFromUri(`${DEV_PHRASE}${path}`).address;
      const r = await box.run(['identity', 'find', 'Old Signer', typed, '--pin-file', pin]);
      const printed = printedCommand(r);
      expect(printed).toContain(`--network ${network}`);
      expect(okJson<Derived>(await runPrinted(box, printed, pin))).toMatchObject({ address: typed, network, path });
    }
  });

  it("the review's dead end: derive without --network, find says it is in the vault and prints the update; derive --network is refused with that way out; --on-duplicate update shows the typed address and keeps the key (export opens in keyring)", async () => {
    const { box, pin } = await identityBox();
    const typed = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(DEV_PHRASE).address;
    const generic = okJson<Derived>(await box.run(['identity', 'derive', 'Old Signer', '--type', 'sr25519', '--path', '', '--pin-file', pin, '--json']));
    expect(generic.address).not.toBe(typed);
    const before = await box.list();

    const found = okJson<Found>(await box.run(['identity', 'find', 'Old Signer', typed, '--pin-file', pin, '--json']));
    expect(found.existing).toMatchObject({ name: 'Old Signer root', network: null });
    const printed = printedCommand(await box.run(['identity', 'find', 'Old Signer', typed, '--pin-file', pin]), /^To show it as polkadot instead: (.+)$/m);
    expect(printed).toMatch(/--on-duplicate update$/);

    const refused = expectRefused(
      await box.run(['identity', 'derive', 'Old Signer', '--path', '', '--network', 'polkadot', '--pin-file', pin, '--json']),
      EXIT.failed,
      { json: true, name: 'DuplicateAccountError' },
    );
    expect(refused).toMatch(/--on-duplicate update/);
    expect(refused).not.toMatch(/restore/);
    expect(await box.list()).toEqual(before);

    const updated = okJson<Derived>(await runPrinted(box, printed, pin));
    expect(updated).toMatchObject({ address: typed, network: 'polkadot', status: 'updated', name: 'Old Signer root' });
    const [account] = await box.list();
    expect(account).toMatchObject({ address: typed, publicKey: before[0]!.publicKey, identity: 'Old Signer', path: '', network: 'polkadot' });

    const pw = await box.secret('pw', NEW_PW);
    const out = box.path('root.json');
    okJson(await box.run(['account', 'export', typed, '--out', out, '--pin-file', pin, '--password-file', pw, '--kdf', 'compat', '--json']));
    expect(keyringOpen(await readFile(out, 'utf8'), NEW_PW)).toBe(before[0]!.publicKey);
  });
});

describe('identity find → ethereum paths, printed so a shell can run them (items 7, 8)', () => {
  it("finds m/44'/60'/0'/0/1 (Baltathar), the BIP-32 master key and a Ledger Live account m/44'/60'/2'/0/0; the printed BIP-44 command (it holds ') derives the typed address", async () => {
    const { box, pin } = await identityBox();
    const master = new Keyring({ type: 'ethereum' }).addFromUri(DEV_PHRASE).address;
    const ledgerLive = new Keyring({ type: 'ethereum' }).addFromUri(`${DEV_PHRASE}/m/44'/60'/2'/0/0`).address;
    for (const [address, path] of [
      [ALITH, "/m/44'/60'/0'/0/0"],
      [master, ''],
      [ledgerLive, "/m/44'/60'/2'/0/0"],
    ] as const) {
      expect(okJson<Found>(await box.run(['identity', 'find', 'Old Signer', address, '--pin-file', pin, '--json'])), address).toMatchObject({
        path,
        type: 'ethereum',
      });
    }
    const printed = printedCommand(await box.run(['identity', 'find', 'Old Signer', BALTATHAR, '--pin-file', pin]));
    // An Ethereum address is the same on every network: none is added.
    expect(printed).not.toMatch(/--network/);
    expect(okJson<Derived>(await runPrinted(box, printed, pin))).toMatchObject({ address: BALTATHAR, path: "/m/44'/60'/0'/0/1", type: 'ethereum' });
  });
});

describe('account add of a key already in the vault (item 7)', () => {
  it('is refused before any password is asked (none is given), naming the way to update it; relock re-locks the file under the new password (keyring opens it with that one only); update keeps the password', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw', PW);
    const newPw = await box.secret('new-pw', NEW_PW);
    const suri = await box.secret('suri', `${DEV_PHRASE}//Bob`);
    const added = okJson<AccountJson>(
      await box.run(['account', 'add', '--name', 'Bob', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']),
    );
    const before = await box.list();

    // No --password-file and no terminal: the duplicate is found first, so no password is ever needed.
    const refused = expectRefused(
      await box.run(['account', 'add', '--name', 'Bob again', '--suri-file', suri, '--network', 'polkadot', '--json']),
      EXIT.failed,
      { json: true, name: 'DuplicateAccountError' },
    );
    expect(refused).toMatch(/already in the vault as "Bob".*--on-duplicate update/);
    expect(refused).not.toMatch(/restore --on-duplicate replace/);
    expect(await box.list()).toEqual(before);

    const onPolkadot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${DEV_PHRASE}//Bob`).address;
    const relocked = okJson<AccountJson & { status: string; previous: unknown }>(
      await box.run([
        'account',
        'add',
        '--name',
        'Bob renewed',
        '--suri-file',
        suri,
        '--network',
        'polkadot',
        '--password-file',
        newPw,
        '--kdf',
        'compat',
        '--on-duplicate',
        'relock',
        '--json',
      ]),
    );
    expect(relocked).toMatchObject({
      address: onPolkadot,
      name: 'Bob renewed',
      network: 'polkadot',
      publicKey: added.publicKey,
      status: 'relocked',
      previous: { name: 'Bob', network: 'substrate' },
    });
    const out = box.path('bob.json');
    okJson(await box.run(['account', 'export', onPolkadot, '--out', out, '--password-file', newPw, '--kdf', 'compat', '--json']));
    const file = await readFile(out, 'utf8');
    expect(keyringOpen(file, NEW_PW)).toBe(added.publicKey);
    expect(() => keyringOpen(file, PW)).toThrow();
    const wrongOld = expectRefused(
      await box.run(['account', 'export', onPolkadot, '--out', box.path('x.json'), '--password-file', pw, '--json']),
      EXIT.wrongPassword,
      { json: true, name: 'WrongPasswordError' },
    );

    // update: name and network only, no password asked; the file keeps the (new) password.
    const updated = okJson<AccountJson & { status: string }>(
      await box.run(['account', 'add', '--name', 'Bob', '--suri-file', suri, '--network', 'kusama', '--on-duplicate', 'update', '--json']),
    );
    expect(updated).toMatchObject({ name: 'Bob', network: 'kusama', publicKey: added.publicKey, status: 'updated' });
    const out2 = box.path('bob2.json');
    okJson(await box.run(['account', 'export', updated.address, '--out', out2, '--password-file', newPw, '--kdf', 'compat', '--json']));
    expect(keyringOpen(await readFile(out2, 'utf8'), NEW_PW)).toBe(added.publicKey);
    expect(await box.list()).toHaveLength(1);
  });
});

describe("account add --type ethereum: MetaMask's path by default (item 8)", () => {
  it("the dev phrase without a path gives Alith (m/44'/60'/0'/0/0); --path m gives the BIP-32 master key Polkadot{.js}' keyring gives for the bare phrase", async () => {
    const box = await sandbox();
    const pw = await box.secret('pw', PW);
    const suri = await box.secret('suri', DEV_PHRASE);
    // The options both adds share: the dev phrase as an ethereum account.
    const ethereum = ['--type', 'ethereum', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json'];
    const metamask = okJson<AccountJson>(await box.run(['account', 'add', '--name', 'MetaMask', ...ethereum]));
    expect(metamask).toMatchObject({ address: ALITH, path: "/m/44'/60'/0'/0/0" });
    const master = okJson<AccountJson>(await box.run(['account', 'add', '--name', 'Master', '--path', 'm', ...ethereum]));
    expect(master.address).toBe(new Keyring({ type: 'ethereum' }).addFromUri(DEV_PHRASE).address);
    expect(master.address.toLowerCase()).toMatch(/^0x7c4d/);
  });
});

/** Polkadot{.js}' keyring opens a single-account file with `password`; returns the key's public key (hex). */
function keyringOpen(text: string, password: string): string {
  const json = JSON.parse(text) as KeyringPair$Json;
  const pair = new Keyring({ type: json.encoding.content[1] as 'sr25519' }).addFromJson(json);
  pair.decodePkcs8(password);
  return u8aToHex(pair.publicKey);
}
