/**
 * Interop through the vault (issue 3 "How it is checked"): files written by `@polkadot/keyring`
 * (`pair.toJson(password)`, all four key types) are restored with the CLI, exported back with
 * `account export`, and opened by `@polkadot/keyring` with the same password — holding the same
 * secret bytes (plaintext pkcs8) and signing for the same public key.
 */
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccountJson, okJson, readJson, type RestoreJson, sandbox } from '../../support/cli.js';
import { hex, KEY_TYPES, type KeyType, oracleBatchOpen, oracleFile, oracleOpen, oraclePair, oracleReady, scryptNOf, VECTORS } from '../../support/oracle.js';

const PW = 'interop-Secret-pw-1';
const MESSAGE = new TextEncoder().encode('keepsake interop');

let pairs: Record<KeyType, KeyringPair>;
/** `pair.toJson(PW)` of each pair: what Polkadot{.js} writes today (scrypt N=2^17). */
let files: Record<KeyType, KeyringPair$Json>;

beforeAll(async () => {
  await oracleReady();
  const phrase = mnemonicGenerate(12);
  const suris: Record<KeyType, string> = {
    sr25519: `${phrase}//polkadot`,
    ed25519: `${phrase}//hard//0`,
    ecdsa: `${phrase}//ecdsa`,
    ethereum: `${phrase}/m/44'/60'/0'/0/0`,
  };
  pairs = Object.fromEntries(
    KEY_TYPES.map((t) => [t, oraclePair(t, suris[t], { name: `keyring ${t}`, tags: ['interop'], whenCreated: 1700000000000, customField: { kept: t } })]),
  ) as Record<KeyType, KeyringPair>;
  files = Object.fromEntries(KEY_TYPES.map((t) => [t, JSON.parse(JSON.stringify(pairs[t].toJson(PW))) as KeyringPair$Json])) as Record<
    KeyType,
    KeyringPair$Json
  >;
});

/** The exported file holds the same key: same plaintext pkcs8, and it signs for the original public key. */
function expectSameKey(exported: KeyringPair$Json, password: string, original: KeyringPair): void {
  const opened = oracleOpen(exported, password);
  expect(hex(opened.publicKey)).toBe(hex(original.publicKey));
  expect(hex(opened.encodePkcs8())).toBe(hex(original.encodePkcs8()));
  expect(original.verify(MESSAGE, opened.sign(MESSAGE), original.publicKey)).toBe(true);
  expect(opened.verify(MESSAGE, original.sign(MESSAGE), opened.publicKey)).toBe(true);
}

describe('keyring files → keepsake vault → account export → keyring', () => {
  it('all four key types: restored in one run, exported one by one, opened by @polkadot/keyring with the same secret', async () => {
    const box = await sandbox();
    const paths = await Promise.all(KEY_TYPES.map((t) => box.write(`${t}.json`, files[t])));
    const pw = await box.secret('pw.txt', PW);
    const report = okJson<RestoreJson>(await box.run(['restore', ...paths, '--password-file', pw, '--json']));
    expect(report.failed).toEqual([]);
    expect(report.restored).toHaveLength(4);
    expect(report.restored.every((r) => r.verified !== false)).toBe(true);

    const accounts = await box.list();
    for (const t of KEY_TYPES) {
      expect(
        accounts.find((a) => a.publicKey === hex(pairs[t].publicKey)),
        t,
      ).toMatchObject({ type: t, name: `keyring ${t}`, address: pairs[t].address });
      const out = box.path(`export-${t}.json`);
      // Found by the address keyring shows for it (SS58, or EIP-55 for ethereum).
      okJson(await box.run(['account', 'export', pairs[t].address, '--out', out, '--password-file', pw, '--json']));
      const exported = await readJson<KeyringPair$Json>(out);
      expect(exported.encoding).toEqual(files[t].encoding);
      expect(exported.address).toBe(files[t].address);
      expect(exported.meta).toMatchObject({ name: `keyring ${t}`, tags: ['interop'], whenCreated: 1700000000000, customField: { kept: t } });
      // Restoring does not re-encrypt: the N=2^17 file under the same password comes back as it went in.
      expect(exported.encoded).toBe(files[t].encoded);
      expectSameKey(exported, PW, pairs[t]);
    }
  });

  it('--kdf compat re-locks with N=2^15 under the same password; keyring opens it and unknown meta is kept', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    okJson(await box.run(['restore', await box.write('sr.json', files.sr25519), await box.write('ec.json', files.ecdsa), '--password-file', pw, '--json']));
    for (const t of ['sr25519', 'ecdsa'] as const) {
      const out = box.path(`compat-${t}.json`);
      okJson(await box.run(['account', 'export', hex(pairs[t].publicKey), '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
      const exported = await readJson<KeyringPair$Json>(out);
      expect(scryptNOf(exported)).toBe(1 << 15);
      expect(exported.encoded).not.toBe(files[t].encoded);
      expect(exported.meta).toMatchObject({ name: `keyring ${t}`, customField: { kept: t } });
      expectSameKey(exported, PW, pairs[t]);
    }
  });

  it('passwords Polkadot{.js} treats specially survive the round trip (non-ASCII, and 0x… read as hex bytes)', async () => {
    const box = await sandbox();
    const cases = [
      { password: 'pässwörd 🔑 日本', pair: pairs.ed25519 },
      { password: '0xdeadbeef', pair: pairs.sr25519 },
    ];
    for (const [i, { password, pair }] of cases.entries()) {
      const file = oracleFile(pair, password);
      const pw = await box.secret(`pw-${i}.txt`, password);
      const report = okJson<RestoreJson>(await box.run(['restore', await box.write(`special-${i}.json`, file), '--password-file', pw, '--json']));
      expect(report.restored, `restore with password ${JSON.stringify(password)}`).toHaveLength(1);
      const out = box.path(`special-out-${i}.json`);
      okJson(await box.run(['account', 'export', pair.address, '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
      expectSameKey(await readJson<KeyringPair$Json>(out), password, pair);
    }
  });

  it('account add --backup and export-all with a 0x… password: Polkadot{.js} opens them with the same text', async () => {
    const box = await sandbox();
    const password = '0xc0ffee00';
    const pw = await box.secret('pw.txt', password);
    const suri = await box.secret('suri.txt', `${VECTORS.devPhrase}//Alice`);
    const backup = box.path('alice.json');
    okJson(await box.run(['account', 'add', '--name', 'Alice', '--suri-file', suri, '--password-file', pw, '--backup', backup, '--kdf', 'compat', '--json']));
    expectSameKey(await readJson<KeyringPair$Json>(backup), password, oraclePair('sr25519', `${VECTORS.devPhrase}//Alice`));
    const all = box.path('all.json');
    okJson(await box.run(['account', 'export-all', '--out', all, '--password-file', pw, '--kdf', 'compat', '--json']));
    const [entry] = oracleBatchOpen(await readJson(all), password);
    expectSameKey(entry!, password, oraclePair('sr25519', `${VECTORS.devPhrase}//Alice`));
  });

  it('the published Polkadot{.js} JSON vectors (v3 Kusama, legacy v2, ecdsa, ethereum) restore and export to files keyring opens', async () => {
    const box = await sandbox();
    for (const [i, v] of VECTORS.json.entries()) {
      const pw = await box.secret(`pw-${i}.txt`, v.password);
      const r = okJson<RestoreJson>(await box.run(['restore', await box.write(`vector-${i}.json`, v.file), '--password-file', pw, '--json']));
      expect(r.restored, `vector ${i} (${v.keyType}, version ${v.file.encoding.version})`).toHaveLength(1);
      const listed = (await box.list(['--network', v.ss58Prefix === 2 ? 'kusama' : 'substrate'])).find((a) => a.publicKey === v.expectedPublicKey);
      expect(listed, `vector ${i} not listed with its public key`).toBeDefined();
      expect((listed as AccountJson).address).toBe(v.expectedAddress);
      const out = box.path(`vector-out-${i}.json`);
      okJson(await box.run(['account', 'export', v.expectedPublicKey, '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
      const exported = await readJson<KeyringPair$Json>(out);
      // Whatever the input's version, keepsake writes the current one (version 3, scrypt).
      expect(exported.encoding).toEqual({ content: ['pkcs8', v.keyType], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
      const original = oracleOpen(v.file, v.password);
      expect(hex(original.publicKey)).toBe(v.expectedPublicKey);
      expectSameKey(exported, v.password, original);
    }
  });
});
