/**
 * The Polkadot-JS Apps "Export all" list through the CLI: a JSON array of `pair.toJson(password)` from
 * @polkadot/keyring (as Apps writes it) plus a multisig entry without `encoded`. inspect, verify, restore
 * (the multisig becomes a watch-only account that can never be exported as if it held a key), and
 * `account export-all --format apps`, whose entries @polkadot/keyring opens again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import {
  assertBuilt,
  sandbox,
  expectRefused,
  EXIT,
  type AccountJson,
  type Sandbox,
  type InspectJson,
  type RestoreJson,
  type VerifyJson,
} from '../../support/cli.js';
import { hex, multisigEntry, polkadotOpen, polkadotReady, type Json } from './oracle.js';

const PW = 'apps pässword';

let b: Sandbox;
let sr: KeyringPair;
let ed: KeyringPair;
let multisig: Json;
let qr: Json;
let list: Json[];

beforeAll(async () => {
  assertBuilt();
  await polkadotReady();
  b = await sandbox({ manual: true });
  const keyring = new Keyring({ ss58Format: 42 });
  sr = keyring.addFromUri(
    mnemonicGenerate(12),
    { name: 'Stash', whenCreated: 1_690_000_000_000, genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3' },
    'sr25519',
  );
  ed = keyring.addFromUri(mnemonicGenerate(12), { name: 'Controller', whenCreated: 1_690_000_000_001, customField: 'kept' }, 'ed25519');
  multisig = multisigEntry([sr.address, ed.address], 'Council multisig', 2);
  // A QR-signed (Vault) ed25519 account: address, public key and type, no key (DESIGN.md, Apps "Export all").
  const qrPair = keyring.addFromUri(mnemonicGenerate(12), {}, 'ed25519');
  qr = { address: qrPair.address, meta: { name: 'Vault QR', isExternal: true, isQr: true }, publicKey: '0x' + hex(qrPair.publicKey), type: 'ed25519' };
  // Apps "Export all": every account as `pair.toJson(password)` (N=2^17), the others as address + meta.
  list = [sr.toJson(PW) as unknown as Json, ed.toJson(PW) as unknown as Json, multisig, qr];
  await b.write('apps-export.json', list);
  await b.secret('apps.pw', PW);
});
afterAll(() => b?.remove());

const polkadotAddress = (address: string) => new Keyring({ ss58Format: 0 }).encodeAddress(new Keyring().decodeAddress(address), 0);

describe('reading the list', () => {
  it('inspect: an Apps list of four accounts with their addresses and names', async () => {
    const r = await b.json<InspectJson>(['inspect', b.path('apps-export.json')]);
    expect(r.format).toBe('apps');
    expect(r.accounts.map((a) => [a.address, a.name])).toEqual([
      [sr.toJson(PW).address, 'Stash'],
      [ed.address, 'Controller'],
      [multisig['address'], 'Council multisig'],
      [qr['address'], 'Vault QR'],
    ]);
    expect(r.accounts.slice(0, 3).map((a) => a.type)).toEqual(['sr25519', 'ed25519', null]);
  });

  it('inspect shows the key type an entry without a key records (`type`)', async () => {
    const r = await b.json<InspectJson>(['inspect', b.path('apps-export.json')]);
    expect(r.accounts[3]).toMatchObject({ address: qr['address'], name: 'Vault QR', type: 'ed25519' });
  });

  it('verify: ok; the multisig is reported as watch-only', async () => {
    const r = await b.json<VerifyJson>(['verify', b.path('apps-export.json'), '--password-file', b.path('apps.pw')]);
    expect(r.ok).toBe(true);
    expect(r.accounts.map((a) => [a.name, a.ok, a.watchOnly])).toEqual([
      ['Stash', true, false],
      ['Controller', true, false],
      ['Council multisig', true, true],
      ['Vault QR', true, true],
    ]);
    expect(r.accounts[3]).toMatchObject({ type: 'ed25519', publicKey: qr['publicKey'] });
    expect(r.accounts[0]!.publicKey).toBe('0x' + hex(sr.publicKey));
    expect(r.accounts[1]!.publicKey).toBe('0x' + hex(ed.publicKey));
  });

  it('verify with a wrong password: exit 3', async () => {
    await b.secret('wrong.pw', 'not the apps password');
    expectRefused(await b.run(['--json', 'verify', b.path('apps-export.json'), '--password-file', b.path('wrong.pw')]), EXIT.wrongPassword, {
      json: true,
      name: 'WrongPasswordError',
      secrets: ['not the apps password'],
    });
  });
});

describe('restoring it', () => {
  let accounts: AccountJson[];
  beforeAll(async () => {
    const r = await b.json<RestoreJson>(['restore', b.path('apps-export.json'), '--password-file', b.path('apps.pw')]);
    expect(r.failed).toEqual([]);
    expect(r.restored).toHaveLength(4);
    accounts = await b.json<AccountJson[]>(['account', 'list']);
  });

  it('every account is listed; the multisig with hasKey false', async () => {
    const byName = Object.fromEntries(accounts.map((a) => [a.name, a]));
    // The stash carries Polkadot's genesis hash, so it is shown in Polkadot's address format.
    expect(byName['Stash']).toMatchObject({ address: polkadotAddress(sr.address), type: 'sr25519', publicKey: '0x' + hex(sr.publicKey), hasKey: true });
    expect(byName['Controller']).toMatchObject({ address: ed.address, type: 'ed25519', publicKey: '0x' + hex(ed.publicKey), hasKey: true });
    expect(byName['Council multisig']).toMatchObject({ address: multisig['address'], hasKey: false });
    expect(byName['Vault QR']).toMatchObject({ address: qr['address'], type: 'ed25519', publicKey: qr['publicKey'], hasKey: false });
  });

  it('account export of the multisig: exit 1 with WatchOnlyAccountError, no file', async () => {
    const r = await b.run(['--json', 'account', 'export', multisig['address'] as string, '--out', b.path('ms.json'), '--password-file', b.path('apps.pw')]);
    expectRefused(r, EXIT.failed, { json: true, name: 'WatchOnlyAccountError', secrets: [PW] });
    expect(b.exists('ms.json')).toBe(false);
  });

  it('export-all --format apps: each entry opens in @polkadot/keyring with its own password; the multisig keeps its address and name', async () => {
    const r = await b.json<{ accounts: number }>(['account', 'export-all', '--format', 'apps', '--out', b.path('all-apps.json')]);
    expect(r.accounts).toBe(4);
    const out = (await b.read('all-apps.json')) as Json[];
    expect(Array.isArray(out)).toBe(true);
    const keyed = out.filter((e) => 'encoded' in e);
    const watch = out.filter((e) => !('encoded' in e));
    const opened = keyed.map((e) => polkadotOpen(e, PW));
    expect(opened.map((o) => [o.type, o.pkcs8]).sort()).toEqual(
      [
        ['sr25519', hex(sr.encodePkcs8())],
        ['ed25519', hex(ed.encodePkcs8())],
      ].sort(),
    );
    expect(opened.map((o) => o.meta['name']).sort()).toEqual(['Controller', 'Stash']);
    expect(opened.find((o) => o.type === 'ed25519')!.meta).toMatchObject({ customField: 'kept' });
    expect(watch.map((w) => [w['address'], (w['meta'] as Json)['name']])).toEqual([
      [multisig['address'], 'Council multisig'],
      [qr['address'], 'Vault QR'],
    ]);
  });

  it('export-all --format apps keeps the multisig as Apps wrote it (isMultisig, threshold, who)', async () => {
    await b.json(['account', 'export-all', '--format', 'apps', '--out', b.path('all-apps-2.json')]);
    const out = (await b.read('all-apps-2.json')) as Json[];
    const entry = out.find((e) => e['address'] === multisig['address']);
    expect(entry?.['meta']).toMatchObject(multisig['meta'] as Json);
  });

  it('export-all --format apps --rekey --password-file: every keyed entry re-locked and opened by @polkadot/keyring', async () => {
    // --rekey with --password-file assumes every account already uses that password (non-interactive): the accounts' own.
    await b.json(['account', 'export-all', '--format', 'apps', '--rekey', '--password-file', b.path('apps.pw'), '--out', b.path('all-rekeyed.json')]);
    const out = (await b.read('all-rekeyed.json')) as Json[];
    const opened = out.filter((e) => 'encoded' in e).map((e) => polkadotOpen(e, PW));
    expect(opened.map((o) => o.pkcs8).sort()).toEqual([hex(sr.encodePkcs8()), hex(ed.encodePkcs8())].sort());
  });

  describe('the exported list restored into a fresh vault', () => {
    let again: AccountJson[];
    beforeAll(async () => {
      const fresh = b.path('fresh.sqlite');
      const r = await b.run(['--vault', fresh, '--json', 'restore', b.path('all-apps.json'), '--password-file', b.path('apps.pw')]);
      expect(r.code, r.stderr).toBe(0);
      again = JSON.parse((await b.run(['--vault', fresh, '--json', 'account', 'list'])).stdout) as AccountJson[];
    });

    it('gives the same accounts (address, name, key or not)', () => {
      const view = (xs: AccountJson[]) => xs.map((a) => [a.address, a.name, a.hasKey]).sort();
      expect(view(again)).toEqual(view(accounts));
    });

    it('with the same key types (the ed25519 QR account stays ed25519)', () => {
      const view = (xs: AccountJson[]) => xs.map((a) => [a.name, a.type, a.publicKey]).sort();
      expect(view(again)).toEqual(view(accounts));
    });
  });
});
