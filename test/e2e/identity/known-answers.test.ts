/**
 * Known answers through identities (issue 4): the phrases of `test/vectors/polkadot-js.json`
 * recovered as identities, then every vector's path derived with `identity derive --path --type`,
 * and Signer's defaults (`--network` alone → `//<network>`; `--path ''` → the root key).
 */
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapLimit, okJson, recoverIdentity, sandbox, type AccountJson } from '../../support/cli.js';
import { DEV_PHRASE, vectorPath, VECTORS } from '../../support/vectors.js';

type Derived = { address: string; path: string; network: string | null; type: string; name: string; signerQr: string | null };

const PIN = '493817';

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('identity derive: the polkadot-js vectors through identities', () => {
  it('derives every dev-phrase vector path (root, //Alice, //Alice//stash, /foo, //foo/bar//42/69, ///password, ethereum BIP-44) with its --type to the published address', async () => {
    // The vectors of the other two phrases go through the library in src/wallet/identity.test.ts (cheaper KDF).
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);
    const vectors = VECTORS.suri.filter((v) => vectorPath(v).phrase === DEV_PHRASE);
    expect(vectors.map((v) => vectorPath(v).path)).toEqual(
      expect.arrayContaining(['', '//Alice', '//Alice//stash', '/foo', '//foo/bar//42/69', '///password', '//foo/bar//42/69///password', "/m/44'/60'/0'/0/0"]),
    );
    expect(new Set(vectors.map((v) => v.type))).toEqual(new Set(['sr25519', 'ed25519', 'ecdsa', 'ethereum']));
    const derived = await mapLimit(vectors, 2, async (v) =>
      okJson<Derived>(await box.run(['identity', 'derive', 'dev', '--path', vectorPath(v).path, '--type', v.type, '--pin-file', pin, '--json'])),
    );
    const expected = new Map<string, string>();
    vectors.forEach((v, i) => {
      const got = derived[i]!;
      const path = vectorPath(v).path;
      expect(got.address, `${v.type} ${JSON.stringify(path)}`).toBe(v.address42);
      expect(got.type).toBe(v.type);
      // The ///password stays out of the stored (and shown) path.
      expect(got.path).toBe(path.replace(/\/\/\/.*$/, ''));
      expect(got.network).toBeNull();
      expected.set(v.address42!, v.publicKey);
    });
    const accounts = await box.list();
    expect(accounts).toHaveLength(vectors.length);
    for (const a of accounts) {
      expect(expected.get(a.address), `account ${a.address}`).toBe(a.publicKey);
      expect(a.identity).toBe('dev');
    }
  });

  it("--network polkadot alone derives //polkadot (a 1… address); --path '' is the root key; //Alice on polkadot is the published address0", async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);

    const signer = okJson<Derived>(await box.run(['identity', 'derive', 'dev', '--network', 'polkadot', '--pin-file', pin, '--json']));
    expect(signer.path).toBe('//polkadot');
    expect(signer.network).toBe('polkadot');
    expect(signer.type).toBe('sr25519');
    expect(signer.address).toMatch(/^1/);
    const oracle = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${DEV_PHRASE}//polkadot`);
    expect(signer.address).toBe(oracle.address);

    const root = okJson<Derived>(await box.run(['identity', 'derive', 'dev', '--network', 'kusama', '--path', '', '--pin-file', pin, '--json']));
    expect(root.path).toBe('');
    expect(root.network).toBe('kusama');
    expect(root.address).toBe(new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(DEV_PHRASE).address);

    const alice = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri === `${DEV_PHRASE}//Alice`)!;
    const onPolkadot = okJson<Derived>(await box.run(['identity', 'derive', 'dev', '--network', 'polkadot', '--path', '//Alice', '--pin-file', pin, '--json']));
    expect(onPolkadot.address).toBe(alice.address0);
    expect(onPolkadot.path).toBe('//Alice');

    const list = await box.list();
    const byAddress = new Map<string, AccountJson>(list.map((a) => [a.address, a]));
    expect(byAddress.get(signer.address)).toMatchObject({ identity: 'dev', path: '//polkadot', network: 'polkadot', type: 'sr25519' });
    expect(byAddress.get(root.address)).toMatchObject({ identity: 'dev', path: '', network: 'kusama', publicKey: VECTORS.suri[0]!.publicKey });
    expect(byAddress.get(alice.address0!)).toMatchObject({ identity: 'dev', path: '//Alice', publicKey: alice.publicKey });
  });
});
