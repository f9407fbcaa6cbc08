/**
 * Keys that must match their addresses (issue 11 items 7 and 8; security review #6, #7, #10).
 *
 * - An Apps "Export all" entry without `encoded` that names another account's `publicKey` is refused
 *   (verify fails that entry by name; restore --on-duplicate replace changes nothing), and an address
 *   alone never replaces an account that has its key (a stored file or an identity).
 * - A keepsake backup whose account rows disagree with their keys (a key file of another account, a
 *   key file of another key type, a public key that does not give the address) is refused as a whole,
 *   naming the account, and the vault is unchanged; an account of a backup joins a vault identity only
 *   when the backup's identity has the same sealed bytes.
 * - Export re-checks the key it opened or derived against the vault row: a row edited with SQLite (a
 *   path, a swapped key file), or an account a backup attached to the user's identity, is refused with
 *   StoredKeyMismatchError and no file is written.
 *
 * Crafted inputs are built here with real keys and files (polkadotJsWrite, keepsakeBackupWrite).
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal } from '../../src/formats/identity-seal.js';
import type { JsonObject } from '../../src/formats/json.js';
import { keepsakeBackupWrite } from '../../src/formats/keepsake-backup.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from '../../src/formats/polkadot-js/encrypt.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { ss58Encode } from '../../src/keys/address.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import type { KeyPair } from '../../src/keys/types.js';
import { sandbox, EXIT, expectRefused, okJson, vaultDump, type CliResult, type Sandbox, type ImportJson } from '../support/cli.js';
import { FAST_PIN } from '../support/vaults.js';
import { LEGAL_WINNER, LETTER_ADVICE, testSecrets } from '../support/secrets.js';

const S = testSecrets('key-address', ['victim', 'attacker', 'shared', 'pin']);

type VerifyJson = { ok: boolean; accounts: { address: string; ok: boolean; error: { name: string; message: string } | null }[] };
type RestoreJson = {
  restored: { address: string }[];
  skipped: { address: string; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};
type IdentityJson = { name: string; accounts: { address: string; path: string }[] };

let victim: KeyPair;
let attacker: KeyPair;
let victimFile: JsonObject;

beforeAll(async () => {
  victim = await pairFromSuri(`${LEGAL_WINNER}//victim`, 'sr25519');
  attacker = await pairFromSuri(`${LETTER_ADVICE}//attacker`, 'sr25519');
  victimFile = await polkadotJsWrite(victim, S.victim, { meta: { name: 'Victim' }, prefix: 0, params: SCRYPT_COMPAT });
});

const polkadot = (pair: KeyPair) => ss58Encode(pair.publicKey, 0);

/** A vault holding "Victim" (restored from its key file). */
async function victimVault(b: Sandbox): Promise<void> {
  const restored = await b.run(['restore', await b.write('victim.json', victimFile), '--password-file', await b.secret('vpw', S.victim), '--json']);
  expect(okJson<RestoreJson>(restored).restored).toHaveLength(1);
}

/** An account entry of a keepsake backup, as backupExport writes it. */
function backupAccount(fields: {
  pair: KeyPair;
  accountId?: Uint8Array;
  name: string;
  file?: JsonObject | null;
  identity?: string | null;
  path?: string | null;
}): JsonObject {
  return {
    publicKey: bytesToHex(fields.pair.publicKey),
    accountId: bytesToHex(fields.accountId ?? fields.pair.publicKey),
    type: fields.pair.type,
    name: fields.name,
    network: 'polkadot',
    ss58Prefix: 0,
    genesisHash: null,
    file: fields.file ?? null,
    verified: true,
    source: fields.identity ? 'identity' : 'backup',
    identity: fields.identity ?? null,
    path: fields.path ?? null,
    sealedPassword: null,
    watch: null,
    createdAt: 1_700_000_000_000,
  };
}

async function backupFile(b: Sandbox, name: string, identities: JsonObject[], accounts: JsonObject[]): Promise<string> {
  const payload = { version: 1, identities, accounts, addresses: [], concordium: { genesis: null, items: [] } };
  return b.write(name, await keepsakeBackupWrite(payload, S.shared, { params: SCRYPT_COMPAT }));
}

/** Recovers the identity "Main" from the user's phrase in `b`'s vault; gives the PIN's file. */
async function mainRecover(b: Sandbox): Promise<string> {
  const pin = await b.secret('pin', S.pin);
  okJson(await b.run(['identity', 'recover', '--name', 'Main', '--mnemonic-file', await b.secret('m', LEGAL_WINNER), '--pin-file', pin, '--json']));
  return pin;
}

/** `account export` of an identity account to `out`, with the PIN's file and the new file password 'new-file-pw'. */
async function exportWithPin(b: Sandbox, address: string, out: string, pin: string): Promise<CliResult> {
  return b.run(['account', 'export', address, '--out', out, '--pin-file', pin, '--password-file', await b.secret('nf', 'new-file-pw'), '--json']);
}

/** An identity sealed under PIN (cheap KDF), as a backup carries it. */
async function sealedIdentity(name: string, phrase: string): Promise<JsonObject> {
  const kdf = sealedSecretKdfNew(undefined, FAST_PIN);
  const key = await sealedSecretDeriveKey(S.pin, kdf);
  return { name, sealed: sealedSecretSeal(key, kdf, new TextEncoder().encode(phrase)) as unknown as JsonObject, createdAt: 1_700_000_000_000 };
}

describe("an Apps watch-only entry that names another account's publicKey (security review #6)", () => {
  it("verify fails that entry by name and exits 1; restore --on-duplicate replace leaves the victim's row and key file untouched", async () => {
    const b = await sandbox();
    await victimVault(b);
    const before = vaultDump(b.vault);
    // The attacker's address, the victim's key and name (no `encoded`: Apps writes such entries for external accounts).
    const forged = await b.write('apps-forged.json', [
      { address: polkadot(attacker), publicKey: bytesToHex(victim.publicKey), meta: { name: 'Victim', isExternal: true } },
    ]);
    const apw = await b.secret('apw', S.attacker);

    const verified = await b.run(['verify', forged, '--password-file', apw, '--json']);
    expect(verified.code, verified.stderr).toBe(EXIT.failed);
    const report = JSON.parse(verified.stdout) as VerifyJson;
    expect(report.ok).toBe(false);
    expect(report.accounts[0]).toMatchObject({ ok: false, error: { name: 'EntryKeyMismatchError' } });
    expect(report.accounts[0]!.error!.message).toMatch(/apps-forged\.json \(entry 1\): its publicKey is not the key of its address/);

    const restored = await b.run(['restore', forged, '--password-file', apw, '--on-duplicate', 'replace', '--json']);
    expect(restored.code, restored.stderr).toBe(EXIT.failed);
    const r = JSON.parse(restored.stdout) as RestoreJson;
    expect(r.restored).toEqual([]);
    expect(r.failed[0]!.error.name).toBe('EntryKeyMismatchError');
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('an entry that only names the address of a keyed account (stored file, or derived from an identity) is skipped, even with --on-duplicate replace', async () => {
    const b = await sandbox();
    await victimVault(b);
    const pin = await mainRecover(b);
    const derived = okJson<{ address: string }>(await b.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--pin-file', pin, '--json']));
    const before = vaultDump(b.vault);
    const list = await b.write('apps-watch.json', [
      { address: polkadot(victim), meta: { name: 'Victim (watch)' } },
      {
        address: derived.address,
        publicKey: bytesToHex((await pairFromSuri(`${LEGAL_WINNER}//polkadot`, 'sr25519')).publicKey),
        meta: { name: 'Main (watch)' },
      },
    ]);
    const restored = await b.run(['restore', list, '--password-file', await b.secret('x', 'anything'), '--on-duplicate', 'replace', '--json']);
    const r = okJson<RestoreJson>(restored);
    expect(r.restored).toEqual([]);
    expect(r.skipped.map((s) => s.address).sort()).toEqual([polkadot(victim), derived.address].sort());
    for (const s of r.skipped) expect(s.reason).toMatch(/with its key; an entry without a key does not replace it/);
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a batch entry under its own password (its key unchecked) does not replace a checked key, even with --on-duplicate replace', async () => {
    const b = await sandbox();
    await victimVault(b);
    const before = vaultDump(b.vault);
    // The victim's address over the attacker's key, locked with a password the batch password does not open.
    const forgedEntry = {
      ...(await polkadotJsWrite(attacker, S.attacker, { meta: { name: 'Victim' }, prefix: 0, params: SCRYPT_COMPAT })),
      address: polkadot(victim),
    };
    const batch = {
      encoded: await polkadotJsEncrypt(new TextEncoder().encode(JSON.stringify([forgedEntry])), S.shared, { params: SCRYPT_COMPAT }),
      encoding: polkadotJsEncoding(['batch-pkcs8']),
      accounts: [{ address: polkadot(victim), meta: { name: 'Victim' } }],
    };
    const file = await b.write('batch-forged.json', batch);
    const r = okJson<RestoreJson>(await b.run(['restore', file, '--password-file', await b.secret('shared', S.shared), '--on-duplicate', 'replace', '--json']));
    expect(r.restored).toEqual([]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.reason).toMatch(/with a checked key; an entry whose key could not be checked does not replace it/);
    expect(vaultDump(b.vault)).toEqual(before);
  });
});

describe('a keepsake backup whose accounts do not match their keys (security review #7)', () => {
  it('is refused as a whole, naming the account, and the vault is unchanged', async () => {
    const b = await sandbox();
    await victimVault(b);
    const alice = await pairFromSuri('//Alice', 'sr25519');
    const attackerFile = await polkadotJsWrite(attacker, S.attacker, { meta: { name: 'Cold storage' }, prefix: 0, params: SCRYPT_COMPAT });
    // Alice's own file with its key type changed: the address is hers, the type is not.
    const aliceFile = await polkadotJsWrite(alice, S.attacker, { meta: { name: 'Cold storage' }, prefix: 0, params: SCRYPT_COMPAT });
    const retyped = { ...aliceFile, encoding: { ...(aliceFile['encoding'] as JsonObject), content: ['pkcs8', 'ed25519'] } };
    const main = await sealedIdentity('Team', LETTER_ADVICE);
    const cases: [string, JsonObject[], JsonObject[], RegExp][] = [
      // The review's crafted backup: Alice's key and address, the attacker's key file.
      ["Alice's row with the attacker's key file", [], [backupAccount({ pair: alice, name: 'Cold storage', file: attackerFile })], /has the key file of /],
      ['a key file of another key type', [], [backupAccount({ pair: alice, name: 'Cold storage', file: retyped })], /key file for a ed25519 key, not sr25519/],
      [
        'a public key that does not give the address',
        [],
        [backupAccount({ pair: attacker, accountId: alice.publicKey, name: 'Cold storage' })],
        /public key that does not give its address/,
      ],
      [
        'a key file and an identity',
        [main],
        [backupAccount({ pair: alice, name: 'Cold storage', file: aliceFile, identity: 'Team', path: '' })],
        /both a key file and an identity/,
      ],
    ];
    const sp = await b.secret('sp', S.shared);
    const before = vaultDump(b.vault);
    for (const [what, identities, accounts, why] of cases) {
      const file = await backupFile(b, 'crafted-backup.json', identities, accounts);
      const r = await b.run(['backup', 'import', file, '--password-file', sp, '--json']);
      const message = expectRefused(r, EXIT.failed, { longerThan: 20, json: true, secrets: [S.shared, S.attacker] });
      expect(JSON.parse(r.stderr).error.name, what).toBe('CorruptFileError');
      expect(message, what).toMatch(/the account "Cold storage" \(1/);
      expect(message, what).toMatch(why);
      expect(message, what).toMatch(/nothing was imported/);
      expect(vaultDump(b.vault), what).toEqual(before);
    }
  });

  it("an account cannot join the user's identity through another identity of the same name: it stays with the backup's own identity", async () => {
    const b = await sandbox();
    const pin = await mainRecover(b);
    okJson(await b.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--pin-file', pin, '--json']));
    const [mainBefore] = await b.list<IdentityJson>('identity');
    const own = await pairFromSuri(`${LEGAL_WINNER}//polkadot`, 'sr25519');
    // The review's second backup: an identity "Main" (the attacker's phrase), an entry with the user's
    // //polkadot key (public on chain) to make it look like the user's, and the attacker's address at //polkadot//1.
    const file = await backupFile(
      b,
      'crafted-identity-backup.json',
      [await sealedIdentity('Main', LETTER_ADVICE)],
      [
        backupAccount({ pair: own, name: 'Main Polkadot', identity: 'Main', path: '//polkadot' }),
        backupAccount({ pair: attacker, name: 'Main Polkadot savings', identity: 'Main', path: '//polkadot//1' }),
      ],
    );
    const report = okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', await b.secret('sp', S.shared), '--json']));
    expect(report.items.find((i) => i.kind === 'identity')).toMatchObject({ status: 'imported', name: 'Main (2)' });
    const identities = await b.list<IdentityJson>('identity');
    expect(identities.find((i) => i.name === 'Main')).toEqual(mainBefore);
    expect(identities.find((i) => i.name === 'Main (2)')!.accounts.map((a) => a.address)).toEqual([polkadot(attacker)]);
  });

  it("an account attached to the user's own identity (same sealed bytes) exports only if its path gives its key: otherwise StoredKeyMismatchError, no file", async () => {
    const b = await sandbox();
    const pin = await mainRecover(b);
    const db = new Database(b.vault, { readonly: true });
    const sealed = JSON.parse((db.prepare('SELECT sealed FROM identities').get() as { sealed: string }).sealed) as JsonObject;
    db.close();
    // Whoever holds a copy of the sealed phrase (not the PIN) can name it in a backup.
    const file = await backupFile(
      b,
      'crafted-identity-backup.json',
      [{ name: 'Main', sealed, createdAt: 1 }],
      [backupAccount({ pair: attacker, name: 'Main Polkadot savings', identity: 'Main', path: '//polkadot//1' })],
    );
    const report = okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', await b.secret('sp', S.shared), '--json']));
    expect(report.items.find((i) => i.kind === 'identity')).toMatchObject({ status: 'present', presentAs: 'Main' });

    const out = b.path('s.json');
    const r = await exportWithPin(b, polkadot(attacker), out, pin);
    const message = expectRefused(r, EXIT.failed, { longerThan: 20, json: true, secrets: [S.pin, 'new-file-pw'] });
    expect(JSON.parse(r.stderr).error.name).toBe('StoredKeyMismatchError');
    expect(message).toBe(
      `The key stored for ${polkadot(attacker)} does not belong to it: nothing was exported. The vault may have been altered; restore this account from a backup.`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("a vault row edited with SQLite (security review #10): export refuses a key that is not the row's", () => {
  it('an identity account whose path was changed', async () => {
    const b = await sandbox();
    const pin = await mainRecover(b);
    const derived = okJson<{ address: string }>(await b.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--pin-file', pin, '--json']));
    const db = new Database(b.vault);
    db.prepare("UPDATE accounts SET path = '//polkadot//1' WHERE path = '//polkadot'").run();
    db.close();
    const out = b.path('export.json');
    const r = await exportWithPin(b, derived.address, out, pin);
    expectRefused(r, EXIT.failed, {
      longerThan: 20,
      json: true,
      match: new RegExp(`^The key stored for ${derived.address} does not belong to it: nothing was exported\\.`),
    });
    expect(JSON.parse(r.stderr).error.name).toBe('StoredKeyMismatchError');
    expect(existsSync(out)).toBe(false);
  });

  it("an account whose stored key file was swapped for another account's: account export, export-all --rekey and backup export --rekey write nothing", async () => {
    const b = await sandbox();
    await victimVault(b);
    // Another account's file, under the same password, so it opens.
    const other = await polkadotJsWrite(attacker, S.victim, { meta: { name: 'Victim' }, prefix: 0, params: SCRYPT_COMPAT });
    const db = new Database(b.vault);
    db.prepare('UPDATE accounts SET file_json = ?').run(JSON.stringify(other));
    db.close();
    const vpw = await b.secret('vpw', S.victim);
    for (const args of [
      ['account', 'export', 'Victim', '--out', b.path('one.json'), '--password-file', vpw],
      ['account', 'export-all', '--out', b.path('all.json'), '--password-file', vpw, '--rekey'],
      ['backup', 'export', '--out', b.path('backup.json'), '--password-file', vpw, '--rekey'],
    ]) {
      const r = await b.run([...args, '--json']);
      expectRefused(r, EXIT.failed, {
        longerThan: 20,
        json: true,
        secrets: [S.victim],
        match: new RegExp(`^The key stored for ${polkadot(victim)} does not belong to it`),
      });
      expect(existsSync(args[args.indexOf('--out') + 1]!), args.join(' ')).toBe(false);
    }
  });
});
