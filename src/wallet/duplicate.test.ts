/**
 * Issue 12 items 7 and 8 at library level: adding or deriving a key the vault already holds is not a
 * dead end (the existing account can take the name and network asked for), and never loses a key —
 * a stored file stays (re-locked only with the new password on request), an identity account stays
 * an identity account, a watch-only account gains its key. And an ethereum phrase added without a
 * path gives MetaMask's first account, m/44'/60'/0'/0/0.
 *
 * Known answers: the dev phrase of test/vectors/polkadot-js.json; its m/44'/60'/0'/0/0 and /1
 * addresses are Moonbeam's published development accounts Alith and Baltathar (moonbeam README,
 * "Prefunded Development Addresses", derived from Substrate's dev phrase with MetaMask's path). Keys
 * of stored files are read back with @polkadot/keyring, never with keepsake.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { nextStepCli } from '../cli/nextStep.js';
import { UsageError } from '../errors/usage.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { accountByPublicKey, accountInsert, accountsAll } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountFind } from './accounts.js';
import { accountAdd } from './create.js';
import { accountExport } from './export.js';
import { identityDerive } from './identity/derive.js';
import { identityRecover } from './identity/create.js';
import { type IdentityTuning } from './identity/common.js';
import { keepsakeRejection } from '../../test/support/rejection.js';
import { testSecrets } from '../../test/support/secrets.js';
import { FAST_PIN, vaultsForFile } from '../../test/support/vaults.js';
import { loadVectors } from '../../test/support/vectors.js';

const VECTORS = loadVectors<{ devPhrase: string }>('polkadot-js');
const DEV = VECTORS.devPhrase;
/** Moonbeam's Alith and Baltathar: m/44'/60'/0'/0/0 and /1 of the dev phrase (published, see above). */
const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
const BALTATHAR = '0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0';
const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const S = testSecrets('duplicate', ['password', 'newPassword', 'pin']);
const t: IdentityTuning = { pinKdf: FAST_PIN };
const freshVault = vaultsForFile('duplicate-test');

/** Every row as it is stored (the file included), for "nothing changed". */
function snapshot(vault: Vault) {
  return accountsAll(vault).map((r) => ({ ...r, publicKey: u8aToHex(r.publicKey), accountId: u8aToHex(r.accountId) }));
}

/** The stored file of `address`, opened by Polkadot{.js} with `password` (throws on a wrong one). */
function keyringOpen(vault: Vault, address: string, password: string) {
  const json = JSON.parse(accountFind(vault, address).fileJson!) as KeyringPair$Json;
  const pair = new Keyring({ type: json.encoding.content[1] as 'sr25519' }).addFromJson(json);
  pair.decodePkcs8(password);
  return { publicKey: u8aToHex(pair.publicKey), meta: json.meta, address: json.address };
}

/** Stores the key `publicKey` as a watch-only account "Watched" (as restore stores an address without its key). */
function watchOnlyInsert(vault: Vault, publicKey: Uint8Array, watch: { watchJson?: string } = {}): void {
  vaultWrite(vault, () =>
    accountInsert(vault, {
      publicKey,
      accountId: publicKey,
      type: 'sr25519',
      name: 'Watched',
      network: null,
      ss58Prefix: 42,
      genesisHash: null,
      fileJson: null,
      verified: true,
      source: 'watch-only',
      ...watch,
    }),
  );
}

describe('account add: ethereum paths (item 8)', () => {
  it("a phrase without a path gives m/44'/60'/0'/0/0, MetaMask's first account (Alith), and records that path", async () => {
    const vault = freshVault();
    const r = await accountAdd(vault, { name: 'MetaMask', suri: DEV, type: 'ethereum', password: S.password, kdf: 'compat' });
    expect(r.account).toMatchObject({ address: ALITH, path: "/m/44'/60'/0'/0/0", type: 'ethereum' });
    expect(keyringOpen(vault, ALITH, S.password).publicKey).toBe(u8aToHex(new Keyring({ type: 'ethereum' }).addFromUri(`${DEV}/m/44'/60'/0'/0/0`).publicKey));
  });

  it('the BIP-32 master key only when asked for: path "m" (or "/m" in the phrase, or an explicit empty path); other paths apart from the phrase too', async () => {
    // What Polkadot{.js}'s keyring gives for the bare phrase (its createFromUri): the master key.
    const master = new Keyring({ type: 'ethereum' }).addFromUri(DEV).address;
    expect(master).not.toBe(ALITH);
    expect(master.toLowerCase()).toMatch(/^0x7c4d/);
    for (const [i, how] of ([{ path: 'm' }, { path: '/m' }, { path: '' }, { suri: `${DEV}/m` }] as const).entries()) {
      const vault = freshVault();
      const r = await accountAdd(vault, { name: `Master ${i}`, suri: DEV, type: 'ethereum', password: S.password, kdf: 'compat', ...how });
      expect(r.account.address, JSON.stringify(how)).toBe(master);
    }
    const vault = freshVault();
    expect(
      (await accountAdd(vault, { name: 'Second', suri: DEV, path: "m/44'/60'/0'/0/1", type: 'ethereum', password: S.password, kdf: 'compat' })).account.address,
    ).toBe(BALTATHAR);
    expect((await accountAdd(vault, { name: 'Hard', suri: DEV, path: '//Alice', password: S.password, kdf: 'compat' })).account.address).toBe(
      new Keyring({ type: 'sr25519' }).addFromUri('//Alice').address,
    );
  });

  it('a path given twice (in the phrase and apart), or a ///password given with the path, is refused and nothing is added', async () => {
    const vault = freshVault();
    expect(await keepsakeRejection(accountAdd(vault, { name: 'Twice', suri: `${DEV}//a`, path: '//b', password: S.password }))).toBeInstanceOf(UsageError);
    const err = await keepsakeRejection(accountAdd(vault, { name: 'Secret', suri: DEV, path: '//a///hunter22', password: S.password }));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.fullMessage).not.toContain('hunter22');
    expect(snapshot(vault)).toEqual([]);
  });
});

describe('account add of a key already in the vault (item 7)', () => {
  it('is refused by default, changing nothing, and says how to update it instead (not "restore --on-duplicate replace")', async () => {
    const vault = freshVault();
    await accountAdd(vault, { name: 'Bob', suri: `${DEV}//Bob`, password: S.password, kdf: 'compat' });
    const before = snapshot(vault);
    const err = await keepsakeRejection(
      accountAdd(vault, { name: 'Bob again', suri: `${DEV}//Bob`, network: 'polkadot', password: S.newPassword, kdf: 'compat' }),
    );
    expect(err).toBeInstanceOf(DuplicateAccountError);
    expect(err.shortMessage).toMatch(/already in the vault as "Bob"/);
    expect(err.shortMessage).not.toMatch(/--|`/);
    // The way to update is its next step, which each front end words (issue 12 item 10).
    expect(err.next).toEqual({ do: 'update-duplicate', relock: true });
    expect(nextStepCli(err.next!)).toMatch(/--on-duplicate update/);
    expect(`${err.fullMessage} ${nextStepCli(err.next!)}`).not.toMatch(/restore/);
    expect(snapshot(vault)).toEqual(before);
  });

  it('update: the name and network change, the stored file keeps its key and its password (meta and address prefix follow)', async () => {
    const vault = freshVault();
    const added = await accountAdd(vault, { name: 'Bob', suri: `${DEV}//Bob`, password: S.password, kdf: 'compat' });
    const r = await accountAdd(vault, { name: 'Bob on Polkadot', suri: `${DEV}//Bob`, network: 'polkadot', onDuplicate: 'update' });
    const onPolkadot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${DEV}//Bob`).address;
    expect(r).toMatchObject({
      status: 'updated',
      previous: { name: 'Bob', network: 'substrate' },
      account: { name: 'Bob on Polkadot', network: 'polkadot', address: onPolkadot, genesisHash: POLKADOT_GENESIS },
    });
    expect(accountsAll(vault)).toHaveLength(1);
    const file = keyringOpen(vault, onPolkadot, S.password);
    expect(file.publicKey).toBe(added.account.publicKey);
    expect(file.meta).toMatchObject({ name: 'Bob on Polkadot', genesisHash: POLKADOT_GENESIS });
    expect(file.address).toBe(onPolkadot);
    expect(() => keyringOpen(vault, onPolkadot, S.newPassword)).toThrow();
    // And the export (which checks the key against the row) still opens with the old password.
    const exported = JSON.parse((await accountExport(vault, onPolkadot, { password: S.password }, { kdf: 'compat' })).json) as KeyringPair$Json;
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(exported);
    pair.decodePkcs8(S.password);
    expect(u8aToHex(pair.publicKey)).toBe(added.account.publicKey);
  });

  it('relock: "re-add the phrase under a new name and password" — the same key, now locked with the new password only', async () => {
    const vault = freshVault();
    const added = await accountAdd(vault, { name: 'Bob', suri: `${DEV}//Bob`, network: 'kusama', password: S.password, kdf: 'compat' });
    const whenCreated = keyringOpen(vault, added.account.address, S.password).meta['whenCreated'];
    const r = await accountAdd(vault, {
      name: 'Bob renewed',
      suri: `${DEV}//Bob`,
      network: 'polkadot',
      password: S.newPassword,
      kdf: 'compat',
      onDuplicate: 'relock',
    });
    expect(r).toMatchObject({
      status: 'relocked',
      previous: { name: 'Bob', network: 'kusama' },
      account: { name: 'Bob renewed', network: 'polkadot', publicKey: added.account.publicKey },
    });
    expect(r.json).toBe(accountFind(vault, r.account.address).fileJson);
    const file = keyringOpen(vault, r.account.address, S.newPassword);
    expect(file.publicKey).toBe(added.account.publicKey);
    expect(file.meta).toMatchObject({ name: 'Bob renewed', genesisHash: POLKADOT_GENESIS, whenCreated });
    expect(() => keyringOpen(vault, r.account.address, S.password)).toThrow();
    expect(accountsAll(vault)).toHaveLength(1);
  });

  it('an identity account stays one: update changes its name and network; relock (it has no password) is refused, changing nothing', async () => {
    const vault = freshVault();
    await identityRecover(vault, { name: 'dev', mnemonic: DEV, pin: S.pin, ...t });
    const derived = await identityDerive(vault, 'dev', { path: '//Bob', pin: S.pin, ...t });
    const before = snapshot(vault);
    const err = await keepsakeRejection(
      accountAdd(vault, { name: 'Bob', suri: `${DEV}//Bob`, network: 'polkadot', password: S.newPassword, onDuplicate: 'relock' }),
    );
    expect(err).toBeInstanceOf(UsageError);
    expect(err.shortMessage).toMatch(/identity "dev".*PIN/);
    expect(snapshot(vault)).toEqual(before);

    const r = await accountAdd(vault, { name: 'Bob', suri: `${DEV}//Bob`, network: 'polkadot', onDuplicate: 'update' });
    expect(r).toMatchObject({ status: 'updated', json: null, account: { name: 'Bob', network: 'polkadot', identity: 'dev', path: '//Bob' } });
    const row = accountFind(vault, derived.address);
    expect(row).toMatchObject({ fileJson: null, source: 'identity', path: '//Bob', identityName: 'dev' });
    // Its key still comes from the identity, with its PIN.
    const exported = JSON.parse(
      (await accountExport(vault, r.account.address, { pin: S.pin, newPassword: S.newPassword }, { kdf: 'compat' })).json,
    ) as KeyringPair$Json;
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(exported);
    pair.decodePkcs8(S.newPassword);
    expect(u8aToHex(pair.publicKey)).toBe(r.account.publicKey);
  });

  it('a watch-only account gains its key (with update or relock, as restore completes one), keeping its name unless given', async () => {
    const vault = freshVault();
    const watched = new Keyring({ type: 'sr25519' }).addFromUri(`${DEV}//Watched`);
    watchOnlyInsert(vault, watched.publicKey, { watchJson: '{"address":"x"}' });
    const r = await accountAdd(vault, { name: 'Now mine', suri: `${DEV}//Watched`, password: S.password, kdf: 'compat', onDuplicate: 'update' });
    expect(r).toMatchObject({ status: 'completed', account: { name: 'Now mine', hasKey: true } });
    expect(keyringOpen(vault, watched.address, S.password).publicKey).toBe(u8aToHex(watched.publicKey));
    expect(accountByPublicKey(vault, watched.publicKey)).toMatchObject({ watchJson: null, verified: true, path: '//Watched' });
    // It needs the password then: a file is made.
    const vault2 = freshVault();
    watchOnlyInsert(vault2, watched.publicKey);
    expect(await keepsakeRejection(accountAdd(vault2, { name: 'x', suri: `${DEV}//Watched`, onDuplicate: 'update' }))).toBeInstanceOf(UsageError);
  });

  it('the same public key under another key type (a 0x secp256k1 seed as ecdsa, then as ethereum) is never updated: refused, no update offered', async () => {
    const vault = freshVault();
    const seed = `0x${'11'.repeat(32)}`;
    await accountAdd(vault, { name: 'ecdsa', suri: seed, type: 'ecdsa', password: S.password, kdf: 'compat' });
    const before = snapshot(vault);
    const err = await keepsakeRejection(
      accountAdd(vault, { name: 'eth', suri: seed, type: 'ethereum', password: S.password, kdf: 'compat', onDuplicate: 'relock' }),
    );
    expect(err).toBeInstanceOf(DuplicateAccountError);
    expect(err.fullMessage).not.toMatch(/--on-duplicate/);
    expect(snapshot(vault)).toEqual(before);
  });
});

describe('identity derive of a key already in the vault (item 7)', () => {
  it('refused by default with the way to update it; with update the network (and a given name) change and the identity account keeps its path', async () => {
    const vault = freshVault();
    await identityRecover(vault, { name: 'dev', mnemonic: DEV, pin: S.pin, ...t });
    await identityDerive(vault, 'dev', { path: '', pin: S.pin, ...t });
    const before = snapshot(vault);
    const err = await keepsakeRejection(identityDerive(vault, 'dev', { path: '', network: 'polkadot', pin: S.pin, ...t }));
    expect(err).toBeInstanceOf(DuplicateAccountError);
    expect(err.next).toEqual({ do: 'update-duplicate', relock: false });
    expect(nextStepCli(err.next!)).toMatch(/--on-duplicate update/);
    expect(`${err.fullMessage} ${nextStepCli(err.next!)}`).not.toMatch(/restore/);
    expect(snapshot(vault)).toEqual(before);

    const onPolkadot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(DEV).address;
    const r = await identityDerive(vault, 'dev', { path: '', network: 'polkadot', pin: S.pin, onDuplicate: 'update', ...t });
    expect(r).toMatchObject({
      status: 'updated',
      address: onPolkadot,
      network: 'polkadot',
      name: 'dev root',
      path: '',
      previous: { name: 'dev root', network: null },
    });
    expect(r.signerQr).toBe(`substrate:${onPolkadot}:${POLKADOT_GENESIS}:dev root`);
    expect(accountFind(vault, onPolkadot)).toMatchObject({ source: 'identity', identityName: 'dev', path: '', network: 'polkadot', ss58Prefix: 0 });
    const again = await identityDerive(vault, 'dev', { path: '', network: 'polkadot', name: 'Main', pin: S.pin, onDuplicate: 'update', ...t });
    expect(again).toMatchObject({ status: 'updated', name: 'Main' });
    expect(await identityDerive(vault, 'dev', { path: '', network: 'polkadot', pin: S.pin, onDuplicate: 'update', ...t })).toMatchObject({
      status: 'unchanged',
      name: 'Main',
    });
    expect(accountsAll(vault)).toHaveLength(1);
  });

  it('an account with a stored file stays with its file (same key, same password); a watch-only one becomes the identity account', async () => {
    const vault = freshVault();
    await identityRecover(vault, { name: 'dev', mnemonic: DEV, pin: S.pin, ...t });
    const added = await accountAdd(vault, { name: 'From file', suri: `${DEV}//polkadot`, password: S.password, kdf: 'compat' });
    const r = await identityDerive(vault, 'dev', { network: 'polkadot', pin: S.pin, onDuplicate: 'update', ...t });
    expect(r).toMatchObject({ status: 'updated', name: 'From file', network: 'polkadot' });
    const row = accountFind(vault, r.address);
    expect(row).toMatchObject({ identityId: null, source: 'add', network: 'polkadot' });
    expect(keyringOpen(vault, r.address, S.password).publicKey).toBe(added.account.publicKey);

    const watched = new Keyring({ type: 'sr25519' }).addFromUri(`${DEV}//kusama`);
    watchOnlyInsert(vault, watched.publicKey);
    const c = await identityDerive(vault, 'dev', { network: 'kusama', pin: S.pin, onDuplicate: 'update', ...t });
    expect(c).toMatchObject({ status: 'completed', name: 'Watched', network: 'kusama', path: '//kusama' });
    expect(accountFind(vault, c.address)).toMatchObject({ identityName: 'dev', source: 'identity', path: '//kusama' });
  });
});
