/**
 * The phrase only after the PIN, the lists, Signer's address text, `identity find`, and
 * `account export` of an identity account (issue 4), through the CLI.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, mnemonicValidate } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkList } from '../../../src/networks/networks.js';
import { EXIT, expectNoPhrase, expectRefused, okJson, recoverIdentity, sandbox } from '../../support/cli.js';
import { DEV_PHRASE, VECTORS } from '../../support/vectors.js';

const PIN = 'correct horse battery';
const GENESIS = {
  polkadot: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  kusama: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  westend: '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
} as const;

type Derived = { address: string; path: string; network: string | null; type: string; name: string; signerQr: string | null };

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('identity create / show-phrase', () => {
  it('--mnemonic-out writes a 12- or 24-word phrase with mode 0600 that show-phrase --json returns after the PIN; other --words are a usage error', async () => {
    const box = await sandbox();
    const pin = await box.secret('pin', PIN);
    for (const words of [12, 24]) {
      const out = box.path(`phrase-${words}.txt`);
      const r = await box.run(['identity', 'create', '--name', `new ${words}`, '--words', String(words), '--pin-file', pin, '--mnemonic-out', out, '--json']);
      const created = okJson<{ id: number; name: string }>(r);
      expect(created.name).toBe(`new ${words}`);
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const phrase = (await readFile(out, 'utf8')).trim();
      expect(phrase.split(' ')).toHaveLength(words);
      expect(mnemonicValidate(phrase)).toBe(true);
      // Written to the file, so not shown as well.
      expectNoPhrase(r, phrase);
      const shown = okJson<Record<string, unknown>>(await box.run(['identity', 'show-phrase', String(created.id), '--pin-file', pin, '--json']));
      expect(shown).toEqual({ mnemonic: phrase });
    }
    const bad = await box.run(['identity', 'create', '--name', 'fifteen', '--words', '15', '--pin-file', pin, '--mnemonic-out', box.path('p15.txt'), '--json']);
    expect(expectRefused(bad, EXIT.usage, { json: true })).toMatch(/12 or 24/);
    expect((await box.identities()).map((i) => i.name)).toEqual(['new 12', 'new 24']);
  });
});

describe('identity list, account list, account export, identity find', () => {
  it('shows every derived account with its Signer text, exports one with the PIN to a file Polkadot{.js} opens, and finds paths', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);
    expect(okJson<Record<string, unknown>>(await box.run(['identity', 'show-phrase', 'dev', '--pin-file', pin, '--json']))).toEqual({ mnemonic: DEV_PHRASE });

    const derive = async (...args: string[]) => okJson<Derived>(await box.run(['identity', 'derive', 'dev', ...args, '--pin-file', pin, '--json']));
    const polkadot = await derive('--network', 'polkadot');
    const kusama = await derive('--network', 'kusama', '--name', 'My Kusama');
    const westend = await derive('--network', 'westend', '--type', 'ed25519');
    const root = await derive('--path', '');
    const hidden = await derive('--network', 'polkadot', '--path', '//vault//1///Zebra-Quartz');
    const eth = await derive('--type', 'ethereum');

    expect(kusama.name).toBe('My Kusama');
    expect(hidden.path).toBe('//vault//1');
    const [identity, ...others] = await box.identities();
    expect(others).toEqual([]);
    expect(identity!.name).toBe('dev');
    const byAddress = new Map(identity!.accounts.map((a) => [a.address, a]));
    expect(byAddress.size).toBe(6);
    for (const [account, network, path, type] of [
      [polkadot, 'polkadot', '//polkadot', 'sr25519'],
      [kusama, 'kusama', '//kusama', 'sr25519'],
      [westend, 'westend', '//westend', 'ed25519'],
      [hidden, 'polkadot', '//vault//1', 'sr25519'],
    ] as const) {
      const listed = byAddress.get(account.address)!;
      expect(listed).toMatchObject({ path, network, type });
      expect(listed.signerQr).toBe(`substrate:${account.address}:${GENESIS[network]}:${listed.name}`);
      expect(account.signerQr).toBe(listed.signerQr);
    }
    expect(polkadot.address).toMatch(/^1/);
    expect(byAddress.get(root.address)).toMatchObject({ path: '', network: null, type: 'sr25519' });
    expect(byAddress.get(eth.address)).toMatchObject({ path: "/m/44'/60'/0'/0/0", type: 'ethereum' });
    expect(eth.address).toBe(VECTORS.suri.find((v) => v.suri === `${DEV_PHRASE}/m/44'/60'/0'/0/0`)!.address42);

    const accounts = await box.list();
    expect(accounts).toHaveLength(6);
    for (const a of accounts) {
      const listed = byAddress.get(a.address);
      expect(listed, `account list has ${a.address}, identity list does not`).toBeDefined();
      expect(a.identity).toBe('dev');
      expect(a.path).toBe(listed!.path);
      expect(a.network).toBe(listed!.network);
      expect(a.type).toBe(listed!.type);
    }
    expect(accounts.find((a) => a.address === polkadot.address)!.genesisHash).toBe(GENESIS.polkadot);

    // account export of identity accounts: the PIN, then the new file's password; Polkadot{.js} opens the file.
    const newPassword = 'a new file password';
    const passwordFile = await box.secret('new-password', newPassword);
    for (const [account, suri, type] of [
      [polkadot, `${DEV_PHRASE}//polkadot`, 'sr25519'],
      [hidden, `${DEV_PHRASE}//vault//1///Zebra-Quartz`, 'sr25519'],
    ] as const) {
      const out = box.path(`export-${account.address}.json`);
      const r = await box.run(['account', 'export', account.address, '--out', out, '--pin-file', pin, '--password-file', passwordFile, '--json']);
      expect(r.code, r.stderr).toBe(EXIT.ok);
      expectNoPhrase(r, DEV_PHRASE);
      const file = JSON.parse(await readFile(out, 'utf8')) as KeyringPair$Json;
      expect(file.encoding.content).toEqual(['pkcs8', type]);
      const keyring = new Keyring({ type, ss58Format: 0 });
      const pair = keyring.addFromJson(file);
      expect(() => pair.decodePkcs8('not the password')).toThrow();
      pair.decodePkcs8(newPassword);
      expect(pair.address).toBe(account.address);
      expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(keyring.addFromUri(suri).publicKey));
      // The unlocked pair signs like the real key.
      const message = new TextEncoder().encode('keepsake');
      expect(pair.verify(message, pair.sign(message), decodeAddress(account.address))).toBe(true);
    }

    // identity find: any SS58 prefix, Ethereum (lower case); and a miss names how many candidates were tried.
    const find = async (address: string) => box.run(['identity', 'find', 'dev', address, '--pin-file', pin, '--json']);
    const alice = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri === `${DEV_PHRASE}//Alice`)!;
    expect(okJson<{ path: string; type: string }>(await find(alice.address0!))).toMatchObject({ path: '//Alice', type: 'sr25519' });
    expect(okJson<{ path: string; type: string }>(await find(eth.address.toLowerCase()))).toMatchObject({ path: "/m/44'/60'/0'/0/0", type: 'ethereum' });
    const foo = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri === `${DEV_PHRASE}//foo`)!;
    const miss = await find(foo.address42!);
    const error = expectRefused(miss, EXIT.failed, { json: true, name: 'PathNotFoundError' });
    // Per key type (sr25519, ed25519, ecdsa): the root, //0…//19, six dev names, and //<network> plus //<network>//0…19 per network.
    const networks = new Set(networkList().map((n) => n.name)).size;
    expect(error).toContain(String(3 * (1 + 20 + 6 + networks * 21)));
    expectNoPhrase(miss, DEV_PHRASE);
  });
});
