/**
 * Interop of the extension's "Export all accounts" batch format through the vault (issue 3):
 * a batch built with `@polkadot/util-crypto` the way the extension builds it is restored whole, and
 * keepsake's `account export-all` is opened by util-crypto's `jsonDecrypt` and — with `--rekey` —
 * restores the way the extension restores it (ui-keyring `restoreAccounts`: every entry decoded
 * with the batch password).
 */
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToString } from '@polkadot/util';
import { base64Decode, jsonDecryptData } from '@polkadot/util-crypto';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { okJson, readJson, type RestoreJson, sandbox } from '../../support/cli.js';
import { hex, KEY_TYPES, type KeyType, labelledPair, oracleBatch, oracleBatchOpen, oracleFile, oracleOpen, oracleReady } from '../../support/oracle.js';

const BATCH_PW = 'interop-Batch-Secret-2';
const OWN_PW = 'interop-Own-Secret-3';

let pairs: Record<KeyType, KeyringPair>;

beforeAll(async () => {
  await oracleReady();
  pairs = Object.fromEntries(KEY_TYPES.map((t, i) => [t, labelledPair(t, t === 'ethereum' ? 21 : `batch-interop-${i}`, { name: `batch ${t}` })])) as Record<
    KeyType,
    KeyringPair
  >;
});

/** What ui-keyring's `restoreAccounts(json, password)` does: outer layer, then every entry with the same password. */
function extensionRestoreAll(batch: EncryptedJson, password: string): KeyringPair[] {
  return oracleBatchOpen(batch, password).map((entry) => oracleOpen(entry, password));
}

describe('extension batch files through the vault', () => {
  it('an extension batch of all four key types (one entry written by pair.toJson) is restored whole, keys intact', async () => {
    const box = await sandbox();
    const entries = KEY_TYPES.map((t) =>
      t === 'sr25519' ? (JSON.parse(JSON.stringify(pairs[t].toJson(BATCH_PW))) as KeyringPair$Json) : oracleFile(pairs[t], BATCH_PW),
    );
    const batchFile = oracleBatch(entries, BATCH_PW);
    const pw = await box.secret('pw.txt', BATCH_PW);
    const report = okJson<RestoreJson>(await box.run(['restore', await box.write('batch.json', batchFile), '--password-file', pw, '--json']));
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.restored.map((r) => r.name)).toEqual(expect.arrayContaining(KEY_TYPES.map((t) => `batch ${t}`)));
    expect(report.restored.every((r) => r.verified === true)).toBe(true);
    const accounts = await box.list();
    expect(accounts.map((a) => a.publicKey).sort()).toEqual(KEY_TYPES.map((t) => hex(pairs[t].publicKey)).sort());
    for (const t of KEY_TYPES) {
      const out = box.path(`${t}.json`);
      okJson(await box.run(['account', 'export', hex(pairs[t].publicKey), '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
      expect(hex(oracleOpen(await readJson<KeyringPair$Json>(out), BATCH_PW).encodePkcs8()), t).toBe(hex(pairs[t].encodePkcs8()));
    }
  });

  it('export-all is opened by jsonDecrypt; each entry opens in keyring with its own password', async () => {
    const box = await sandbox();
    const own = await box.secret('own.txt', OWN_PW);
    const paths = await Promise.all(KEY_TYPES.map((t) => box.write(`${t}.json`, oracleFile(pairs[t], OWN_PW))));
    okJson(await box.run(['restore', ...paths, '--password-file', own, '--json']));
    const batchPw = await box.secret('batch.txt', BATCH_PW);
    const out = box.path('all.json');
    okJson(await box.run(['account', 'export-all', '--out', out, '--password-file', batchPw, '--kdf', 'compat', '--json']));
    const batch = await readJson<EncryptedJson & { accounts: { address: string; meta: { name?: string } }[] }>(out);
    const entries = oracleBatchOpen(batch, BATCH_PW);
    expect(entries).toHaveLength(4);
    // The lower-level reader gives the same plaintext (base64 `encoded`, the batch's own `encoding.type`).
    const plain = jsonDecryptData(base64Decode(batch.encoded), BATCH_PW, [batch.encoding.type].flat());
    expect(JSON.parse(u8aToString(plain))).toEqual(entries);
    expect(batch.accounts.map((a) => a.address)).toEqual(entries.map((e) => e.address));
    for (const t of KEY_TYPES) {
      const entry = entries.find((e) => e.meta.name === `batch ${t}`);
      expect(entry, t).toBeDefined();
      expect(entry!.encoding.content).toEqual(['pkcs8', t]);
      expect(hex(oracleOpen(entry!, OWN_PW).encodePkcs8()), t).toBe(hex(pairs[t].encodePkcs8()));
    }
  });

  it('export-all --rekey restores in the extension with the one batch password', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', BATCH_PW);
    const paths = await Promise.all(KEY_TYPES.map((t) => box.write(`${t}.json`, oracleFile(pairs[t], BATCH_PW))));
    okJson(await box.run(['restore', ...paths, '--password-file', pw, '--json']));
    const out = box.path('all.json');
    okJson(await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--rekey', '--kdf', 'compat', '--json']));
    const restored = extensionRestoreAll(await readJson<EncryptedJson>(out), BATCH_PW);
    expect(restored.map((p) => hex(p.encodePkcs8())).sort()).toEqual(KEY_TYPES.map((t) => hex(pairs[t].encodePkcs8())).sort());
  });
});
