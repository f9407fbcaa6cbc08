/**
 * Keys at rest (issue 11 item 10; security review #9): a Polkadot{.js} `type: ["none"]` file (pkcs8 in
 * clear) was stored in the vault as a plaintext secret key, and stayed in the vault file after
 * `account remove`; legacy version 0–2 files (the zero-padded password is the secretbox key, no KDF)
 * were stored as they came. Restore now re-locks both with scrypt under the password given and says
 * so; an empty password refuses them; the vault zeroes deleted rows (`secure_delete`) and truncates
 * its WAL after `account remove`. Each check searches the raw bytes of the vault file and its WAL.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first), and
 * restoreFiles in-process for a batch file.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { secretboxSeal } from '../../src/crypto/secretbox.js';
import { base64Encode, type JsonObject } from '../../src/formats/json.js';
import { polkadotJsEncrypt } from '../../src/formats/polkadot-js/encrypt.js';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT, scryptHeaderRead } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../../src/formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../../src/formats/polkadot-js/parse.js';
import { pkcs8Encode } from '../../src/formats/polkadot-js/pkcs8.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { ss58Encode } from '../../src/keys/address.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import type { KeyPair } from '../../src/keys/types.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';
import { accountRemoveByQuery } from '../../src/wallet/accounts.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import { EXIT, sandbox, type RestoreJson, type Sandbox } from '../support/cli.js';

const PW = 'at-rest-Secret-pw-10';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
/** base64 of the pkcs8 header every Polkadot{.js} key starts with: in clear, it is a key in clear. */
const PKCS8_B64_PREFIX = 'MFMCAQEwBQYDK2VwBCIEI';

type StoredRow = { name: string; account_id: Buffer; file_json: string | null };

async function pairOf(path: string): Promise<KeyPair> {
  return pairFromSuri(`${PHRASE}${path}`, 'sr25519');
}

/** `type: ["none"]`: the pkcs8 bytes themselves, base64 (what Polkadot{.js} writes without a password). */
function unencryptedFile(pair: KeyPair, name: string): { json: JsonObject; pkcs8: Uint8Array } {
  const pkcs8 = pkcs8Encode(pair.secretKey, pair.publicKey);
  const json = {
    encoded: base64Encode(pkcs8),
    encoding: { content: ['pkcs8', 'sr25519'], type: ['none'], version: '3' },
    address: ss58Encode(pair.publicKey, 42),
    meta: { name, whenCreated: 1 },
  };
  return { json, pkcs8 };
}

/** Version 2: secretbox keyed by the password's UTF-8 zero-padded to 32 bytes; body = nonce ‖ box. */
function legacyFile(pair: KeyPair, name: string, password: string): JsonObject {
  const key = new Uint8Array(32);
  key.set(new TextEncoder().encode(password).subarray(0, 32));
  const nonce = new Uint8Array(24).fill(9);
  const sealed = secretboxSeal(key, nonce, pkcs8Encode(pair.secretKey, pair.publicKey));
  const body = new Uint8Array(24 + sealed.length);
  body.set(nonce);
  body.set(sealed, 24);
  return {
    encoded: base64Encode(body),
    encoding: { content: ['pkcs8', 'sr25519'], type: ['xsalsa20-poly1305'], version: '2' },
    address: ss58Encode(pair.publicKey, 42),
    meta: { name, whenCreated: 1 },
  };
}

/** The vault file and its WAL, as bytes on disk. */
function vaultBytes(vault: string): Buffer {
  return Buffer.concat([vault, `${vault}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

function rows(vault: string): StoredRow[] {
  const db = new Database(vault, { readonly: true });
  try {
    return db.prepare('SELECT name, account_id, file_json FROM accounts ORDER BY id').all() as StoredRow[];
  } finally {
    db.close();
  }
}

/** None of the forms a key in clear could take is anywhere in the vault's bytes. */
function expectNoKeyInClear(vault: string, pair: KeyPair, pkcs8: Uint8Array): void {
  const bytes = vaultBytes(vault);
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.indexOf(Buffer.from(pair.secretKey)), 'the secret key bytes').toBe(-1);
  expect(bytes.indexOf(Buffer.from(pkcs8)), 'the pkcs8 bytes').toBe(-1);
  expect(bytes.indexOf(base64Encode(pkcs8)), 'the pkcs8 base64').toBe(-1);
  expect(bytes.indexOf(PKCS8_B64_PREFIX), 'the pkcs8 base64 prefix').toBe(-1);
  expect(bytes.indexOf(bytesToHex(pair.secretKey).slice(2)), 'the secret key hex').toBe(-1);
}

/** The stored file is a normal scrypt file (keepsake's default) that opens with `password` to the account's own key. */
async function expectRelockedRow(row: StoredRow, pair: KeyPair, password: string): Promise<void> {
  const json = JSON.parse(row.file_json!) as JsonObject;
  expect(json['encoding']).toEqual({ content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
  const file = polkadotJsParse(json) as PolkadotJsSingle;
  expect(scryptHeaderRead(file.encoded).params).toEqual(SCRYPT_DEFAULT);
  const opened = await polkadotJsOpen(file, password);
  expect(bytesToHex(opened.accountId)).toBe(bytesToHex(row.account_id));
  expect(bytesToHex(opened.publicKey)).toBe(bytesToHex(pair.publicKey));
  expect(bytesToHex(opened.secretKey)).toBe(bytesToHex(pair.secretKey));
}

async function restore(box: Sandbox, file: string, pw: string, json = true) {
  return box.run([...(json ? ['--json'] : []), 'restore', file, '--password-file', pw]);
}

describe('an unencrypted (type: ["none"]) file', () => {
  it('is stored re-locked with scrypt under the password given, the report says so, and no key in clear is on disk', async () => {
    const box = await sandbox();
    const pair = await pairOf('//plain');
    const { json, pkcs8 } = unencryptedFile(pair, 'Plain Bob');
    const file = await box.write('plain.json', json);
    const pw = await box.secret('pw.txt', PW);
    const r = await restore(box, file, pw);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as RestoreJson & { restored: { relocked?: string }[] };
    expect(report.restored).toHaveLength(1);
    expect(report.restored[0]!.relocked).toBe('unencrypted');
    expectNoKeyInClear(box.vault, pair, pkcs8);
    const [row] = rows(box.vault);
    await expectRelockedRow(row!, pair, PW);
  });

  it('the human report says it was not encrypted and is now locked with the password given', async () => {
    const box = await sandbox();
    const pair = await pairOf('//plain-text');
    const file = await box.write('plain.json', unencryptedFile(pair, 'Plain Carol').json);
    const r = await restore(box, file, await box.secret('pw.txt', PW), false);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout + r.stderr).toMatch(/it was not encrypted; keepsake locked it with the password you gave/);
  });

  it('an empty password: that file fails with a sentence asking for a password to lock it with, the vault unchanged', async () => {
    const box = await sandbox();
    const before = await box.list();
    const pair = await pairOf('//plain-empty');
    const { json, pkcs8 } = unencryptedFile(pair, 'Plain Dave');
    const file = await box.write('plain.json', json);
    const empty = await box.secret('empty.txt', '');
    const r = await restore(box, file, empty);
    expect(r.code, r.stderr).toBe(EXIT.failed);
    const report = JSON.parse(r.stdout) as RestoreJson;
    expect(report.restored).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.error.name).toBe('UnprotectedKeyError');
    expect(report.failed[0]!.error.message).toMatch(/not encrypted.*password you give.*empty.*Restore it again with a password to lock it with/);
    expect(await box.list()).toEqual(before);
    expectNoKeyInClear(box.vault, pair, pkcs8);
  });
});

describe('a legacy version 2 file (no key derivation)', () => {
  it('is stored re-locked with scrypt, the report says so, and the legacy body is not on disk', async () => {
    const box = await sandbox();
    const pair = await pairOf('//legacy');
    const json = legacyFile(pair, 'Old Alice', PW);
    const file = await box.write('legacy.json', json);
    const pw = await box.secret('pw.txt', PW);
    const r = await restore(box, file, pw);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as RestoreJson & { restored: { relocked?: string }[] };
    expect(report.restored[0]!.relocked).toBe('legacy');
    const bytes = vaultBytes(box.vault);
    expect(bytes.indexOf(json['encoded'] as string), 'the legacy encoded text').toBe(-1);
    expectNoKeyInClear(box.vault, pair, pkcs8Encode(pair.secretKey, pair.publicKey));
    const [row] = rows(box.vault);
    await expectRelockedRow(row!, pair, PW);
    const text = await restore(box, file, pw, false);
    expect(text.stdout + text.stderr).not.toMatch(/old encryption/); // already there: skipped, nothing re-locked
  });

  it('the human report says it used the old encryption and is now locked with the password given', async () => {
    const box = await sandbox();
    const pair = await pairOf('//legacy-text');
    const file = await box.write('legacy.json', legacyFile(pair, 'Old Bob', PW));
    const r = await restore(box, file, await box.secret('pw.txt', PW), false);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout + r.stderr).toMatch(/old encryption without key derivation; keepsake locked it with the password you gave/);
  });

  it('inside a batch, under a password other than the batch password: refused, never stored as it is', async () => {
    const dir = await sandbox();
    const pair = await pairOf('//legacy-batch');
    const good = await pairOf('//batch-good');
    const legacy = legacyFile(pair, 'Old in batch', 'its own password');
    const normal = await polkadotJsWrite(good, PW, { meta: { name: 'Good' }, params: SCRYPT_COMPAT });
    const encoded = await polkadotJsEncrypt(new TextEncoder().encode(JSON.stringify([legacy, normal])), PW, { params: SCRYPT_COMPAT });
    const batch = {
      encoded,
      encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      accounts: [
        { address: legacy['address'], meta: legacy['meta'] },
        { address: normal['address'], meta: normal['meta'] },
      ],
    };
    const vault = vaultOpen(dir.vault);
    try {
      const report = await restoreFiles(vault, [{ file: 'batch.json', text: JSON.stringify(batch) }], PW);
      expect(report.restored.map((a) => a.name)).toEqual(['Good']);
      expect(report.failed.map((f) => f.error.name)).toEqual(['UnprotectedKeyError']);
      expect(report.failed[0]!.error.message).toMatch(/own password/);
    } finally {
      vaultClose(vault);
    }
    expect(vaultBytes(dir.vault).indexOf(legacy['encoded'] as string)).toBe(-1);
  });
});

describe('account remove', () => {
  it("leaves no copy of the removed account's stored file in the vault or its WAL", async () => {
    const box = await sandbox();
    const keep = await pairOf('//keep');
    const gone = await pairOf('//gone');
    const pw = await box.secret('pw.txt', PW);
    for (const [name, pair] of [
      ['Keep', keep],
      ['Gone', gone],
    ] as const) {
      const file = await box.write(`${name}.json`, await polkadotJsWrite(pair, PW, { meta: { name }, params: SCRYPT_COMPAT }));
      expect((await restore(box, file, pw)).code).toBe(EXIT.ok);
    }
    const stored = rows(box.vault).find((r) => r.name === 'Gone')!;
    const encoded = (JSON.parse(stored.file_json!) as JsonObject)['encoded'] as string;
    // The search finds the stored file while the account is there.
    expect(vaultBytes(box.vault).indexOf(encoded)).toBeGreaterThan(-1);
    const r = await box.run(['account', 'remove', ss58Encode(gone.publicKey, 42), '--yes']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(vaultBytes(box.vault).indexOf(encoded)).toBe(-1);
    expect((await box.list()).map((a) => a.name)).toEqual(['Keep']);
  });

  it('while the vault stays open (as the server holds it), the WAL is truncated right after the remove', async () => {
    const box = await sandbox();
    const gone = await pairOf('//gone-open');
    const keep = await pairOf('//keep-open');
    const files = await Promise.all(
      [
        ['Gone', gone],
        ['Keep', keep],
      ].map(async ([name, pair]) => ({
        file: `${name as string}.json`,
        text: JSON.stringify(await polkadotJsWrite(pair as KeyPair, PW, { meta: { name: name as string }, params: SCRYPT_COMPAT })),
      })),
    );
    const vault = vaultOpen(box.vault);
    try {
      expect((await restoreFiles(vault, files, PW)).restored).toHaveLength(2);
      const stored = rows(box.vault).find((r) => r.name === 'Gone')!;
      const encoded = (JSON.parse(stored.file_json!) as JsonObject)['encoded'] as string;
      expect(vaultBytes(box.vault).indexOf(encoded)).toBeGreaterThan(-1);
      accountRemoveByQuery(vault, ss58Encode(gone.publicKey, 42));
      // Still open: SQLite has not checkpointed on close; only the remove's own checkpoint emptied the WAL.
      expect(vaultBytes(box.vault).indexOf(encoded)).toBe(-1);
      expect(rows(box.vault).map((r) => r.name)).toEqual(['Keep']);
    } finally {
      vaultClose(vault);
    }
  });
});
