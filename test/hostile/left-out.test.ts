/**
 * Issue 12, "Nothing silently left out" (#4, #5, #6), end to end through the real CLI:
 *
 * - #4 `account export-all` holds the accounts derived from identities (one PIN per identity, each
 *   account locked with the batch password, opened here by @polkadot/util-crypto and keyring), or
 *   names each one left out and why; a PIN is only ever tried on the identity it was given for; an
 *   export with nothing in it is refused, no file written.
 * - #5 `backup export --rekey` never guesses a PIN (the wrong-PIN counter, read straight from the
 *   vault file, never moves), says before writing which PINs change, and the import says which
 *   identities' PIN is now the backup password; accounts that share a password are asked once.
 * - #6 imported Concordium identities and accounts are listed, counted and removable; an empty
 *   Concordium export is refused; name conflicts use the Concordium Desktop Wallet's words.
 */
import { existsSync } from 'node:fs';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { decodeAddress } from '@polkadot/util-crypto';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConcordiumEnvelope, concordiumDecrypt, concordiumEncrypt, desktopExportData, type DesktopExport } from '../support/concordium.js';
import {
  vaultDump,
  EXIT,
  expectListShape,
  expectNoSecrets,
  expectRefused,
  HAS_SCRIPT,
  okJson,
  readJson,
  type RestoreJson,
  sandbox,
  sandboxFrom,
  type Sandbox,
  type Template,
  template,
} from '../support/cli.js';
import { DEV_PHRASE, hex, labelledPair, oracleBatchOpen, oracleFile, oracleOpen, oraclePair, oracleReady } from '../support/oracle.js';

const SECOND_PHRASE = 'seed sock milk update focus rotate barely fade car face mechanic mercy';
const PIN_A = '246810'; // Phone
const PIN_B = '135799'; // Old Signer
const PW_A = 'left-out-Account-pw-1'; // Alpha and Beta share it
const BATCH_PW = 'left-out-Batch-pw-2';
const WRONG_PIN = '999999';
const SECRETS = [PIN_A, PIN_B, PW_A, BATCH_PW, WRONG_PIN];

type LeftOutJson = { address: string; name: string; identity: string | null; reason: string; message: string };
type ExportAllJson = { out: string; accounts: number; fromIdentities: number; leftOut: LeftOutJson[] };
type ImportJson = {
  items: { kind: string; name: string; address: string | null; status: string; presentAs: string | null; note?: string; rekeyed?: boolean }[];
};
type ConcordiumListJson = {
  identities: { id: number; name: string; provider: string | null; status: string | null; accounts: number }[];
  accounts: { id: number; name: string; address: string; identity: string | null; status: string | null; ledger: boolean }[];
};

let alpha: KeyringPair;
let beta: KeyringPair;
/** The oracle's keys of the identity accounts: Phone //polkadot, Phone //hidden///path-secret, Old Signer's ed25519 root. */
let phonePolkadot: KeyringPair;
let phoneHidden: KeyringPair;
let oldRoot: KeyringPair;
let watcherAddress = '';
/** Two identities with three accounts, two accounts with a key file (one password), one watch-only. */
let wallet: Template;

/** The wrong-PIN count of each identity, read straight from the vault file. */
function failedAttempts(vault: string): Record<string, number> {
  const db = new Database(vault, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      (db.prepare('SELECT name, failed_attempts FROM identities ORDER BY id').all() as { name: string; failed_attempts: number }[]).map((r) => [
        r.name,
        r.failed_attempts,
      ]),
    );
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await oracleReady();
  alpha = labelledPair('sr25519', 'left-out-alpha', { name: 'Alpha' });
  beta = labelledPair('ed25519', 'left-out-beta', { name: 'Beta' });
  phonePolkadot = oraclePair('sr25519', `${DEV_PHRASE}//polkadot`);
  phoneHidden = oraclePair('sr25519', `${DEV_PHRASE}//hidden///path-secret`);
  oldRoot = oraclePair('ed25519', SECOND_PHRASE);
  const watcher = labelledPair('sr25519', 'left-out-watcher');
  watcherAddress = watcher.address;
  wallet = await template(async (box) => {
    const pinA = await box.secret('pin-a.txt', PIN_A);
    const pinB = await box.secret('pin-b.txt', PIN_B);
    const pw = await box.secret('pw.txt', PW_A);
    okJson(await box.run(['identity', 'recover', '--name', 'Phone', '--mnemonic-file', await box.secret('m1.txt', DEV_PHRASE), '--pin-file', pinA, '--json']));
    okJson(
      await box.run([
        'identity',
        'recover',
        '--name',
        'Old Signer',
        '--mnemonic-file',
        await box.secret('m2.txt', SECOND_PHRASE),
        '--pin-file',
        pinB,
        '--json',
      ]),
    );
    okJson(await box.run(['identity', 'derive', 'Phone', '--network', 'polkadot', '--pin-file', pinA, '--json']));
    okJson(await box.run(['identity', 'derive', 'Phone', '--path', '//hidden///path-secret', '--name', 'Phone hidden', '--pin-file', pinA, '--json']));
    okJson(await box.run(['identity', 'derive', 'Old Signer', '--path', '', '--type', 'ed25519', '--name', 'Old root', '--pin-file', pinB, '--json']));
    const files = [await box.write('alpha.json', oracleFile(alpha, PW_A)), await box.write('beta.json', oracleFile(beta, PW_A))];
    expect(okJson<RestoreJson>(await box.run(['restore', ...files, '--password-file', pw, '--json'])).restored).toHaveLength(2);
    // An address-only entry of a Polkadot-JS Apps list: a watch-only account.
    const apps = await box.write('apps.json', [
      { address: watcher.address, meta: { name: 'Watcher', isExternal: true }, publicKey: hex(watcher.publicKey), type: 'sr25519' },
    ]);
    expect(okJson<RestoreJson>(await box.run(['restore', apps, '--password-file', pw, '--json'])).restored).toHaveLength(1);
  });
  expect(wallet.accounts).toHaveLength(6);
}, 180_000);

afterAll(async () => {
  await wallet?.remove();
});

async function secrets(box: Sandbox) {
  return {
    batch: await box.secret('batch.txt', BATCH_PW),
    pw: await box.secret('pw.txt', PW_A),
    pins: await box.write('pins.txt', `Phone:${PIN_A}\nOld Signer:${PIN_B}\n`),
  };
}

describe('#4 account export-all: identity accounts included or named, never a guessed PIN, never an empty file', () => {
  it("with each identity's PIN (--pin-file NAME:PIN) the batch holds every keyed account; util-crypto and keyring open each one", async () => {
    const box = await sandboxFrom(wallet);
    const s = await secrets(box);
    const out = box.path('all.json');
    const r = await box.run(['account', 'export-all', '--out', out, '--password-file', s.batch, '--pin-file', s.pins, '--kdf', 'compat', '--json']);
    const report = okJson<ExportAllJson>(r);
    expectNoSecrets(r, SECRETS);
    expect(report.accounts).toBe(5);
    expect(report.fromIdentities).toBe(3);
    // The one watch-only account is named, with why: the extension's batch cannot hold it.
    expect(report.leftOut.map((l) => [l.address, l.name, l.reason])).toEqual([[watcherAddress, 'Watcher', 'watch-only']]);
    const entries = oracleBatchOpen(await readJson<EncryptedJson>(out), BATCH_PW);
    expect(entries).toHaveLength(5);
    const byKey = (pair: KeyringPair) => entries.find((e) => oracleAddressKey(e) === hex(pair.publicKey));
    // Identity accounts: locked with the batch password, each the key its path gives (///password included).
    for (const pair of [phonePolkadot, phoneHidden, oldRoot]) {
      const entry = byKey(pair);
      expect(entry, `an entry for ${pair.address}`).toBeDefined();
      expect(hex(oracleOpen(entry!, BATCH_PW).encodePkcs8())).toBe(hex(pair.encodePkcs8()));
    }
    // Accounts with their own password keep it.
    for (const pair of [alpha, beta]) expect(hex(oracleOpen(byKey(pair)!, PW_A).encodePkcs8())).toBe(hex(pair.encodePkcs8()));
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
    expect(await box.list()).toEqual(wallet.accounts);
  });

  it('without a PIN source (no terminal, no --pin-file) each identity account is named as left out, and no PIN is tried', async () => {
    const box = await sandboxFrom(wallet);
    const s = await secrets(box);
    const r = await box.run(['account', 'export-all', '--out', box.path('all.json'), '--password-file', s.batch]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectNoSecrets(r, SECRETS);
    expect(r.stdout).toMatch(/^Wrote .*all\.json with 2 accounts, each still locked with its own password\./m);
    expect(r.stdout).toMatch(/Left out 4 accounts:/);
    for (const [name, identity] of [
      ['Phone Polkadot Relay Chain', 'Phone'],
      ['Phone hidden', 'Phone'],
      ['Old root', 'Old Signer'],
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}\\w{47,48} {2}"${name}": derived from the identity "${identity}", whose PIN was not given$`, 'm'));
    }
    expect(r.stdout).toMatch(new RegExp(`${watcherAddress}  "Watcher": watch-only`));
    expect(r.stderr).toMatch(/--pin-file/);

    const j = okJson<ExportAllJson>(await box.run(['account', 'export-all', '--out', box.path('all2.json'), '--password-file', s.batch, '--json']));
    expect(j.accounts).toBe(2);
    expect(j.leftOut.map((l) => [l.name, l.identity, l.reason]).sort()).toEqual(
      [
        ['Old root', 'Old Signer', 'no-pin'],
        ['Phone Polkadot Relay Chain', 'Phone', 'no-pin'],
        ['Phone hidden', 'Phone', 'no-pin'],
        ['Watcher', null, 'watch-only'],
      ].sort(),
    );
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
  });

  it('a PIN is tried only on the identity its line names: a wrong one counts for that identity alone, exit 3, no file; a bad line is refused before any try', async () => {
    const box = await sandboxFrom(wallet);
    const s = await secrets(box);
    const out = box.path('all.json');
    // Phone's line is wrong; Old Signer has no line: its PIN is not asked, not guessed.
    const wrong = await box.write('wrong-pins.txt', `Phone:${WRONG_PIN}\n`);
    // (--json: the text mode says first, on stderr, what the batch password locks.)
    expectRefused(await box.run(['account', 'export-all', '--out', out, '--password-file', s.batch, '--pin-file', wrong, '--json']), EXIT.wrongPassword, {
      secrets: SECRETS,
      json: true,
      match: /Wrong PIN for the identity "Phone"/,
    });
    expect(existsSync(out)).toBe(false);
    expect(failedAttempts(box.vault)).toEqual({ Phone: 1, 'Old Signer': 0 });

    const before = vaultDump(box.vault);
    for (const content of [`Nobody:${PIN_A}\n`, `${PIN_A}\n`, `Phone:${PIN_A}\nPhone:${PIN_A}\n`]) {
      const bad = await box.write('bad-pins.txt', content);
      const msg = expectRefused(await box.run(['account', 'export-all', '--out', out, '--password-file', s.batch, '--pin-file', bad, '--json']), EXIT.usage, {
        secrets: SECRETS,
        json: true,
      });
      expect(msg).toMatch(/Line \d of .*bad-pins\.txt/);
      expect(existsSync(out)).toBe(false);
    }
    expect(vaultDump(box.vault)).toEqual(before);

    // Only Phone's line: Old Signer's account is named as left out, and Old Signer is never tried.
    const onlyPhone = await box.write('phone-pin.txt', `Phone:${PIN_A}\n`);
    const r = okJson<ExportAllJson>(await box.run(['account', 'export-all', '--out', out, '--password-file', s.batch, '--pin-file', onlyPhone, '--json']));
    expect(r.fromIdentities).toBe(2);
    expect(r.leftOut.filter((l) => l.reason === 'no-pin').map((l) => l.name)).toEqual(['Old root']);
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
  });

  it('an empty vault (or one of watch-only accounts only) is refused: exit 1, a clear sentence, no file — before any password is asked', async () => {
    const box = await sandbox();
    box.init(); // an empty vault that exists (a missing one is "no vault at PATH", issue 12 item 17)
    const out = box.path('all.json');
    // No --password-file and no terminal: refused for being empty, not for the missing password.
    const msg = expectRefused(await box.run(['account', 'export-all', '--out', out]), EXIT.failed);
    expect(msg).toMatch(/^keepsake: Nothing to export: the vault has no accounts; no file was written\./);
    expectRefused(await box.run(['account', 'export-all', '--out', out, '--json']), EXIT.failed, { json: true, match: /Nothing to export/ });
    expect(existsSync(out)).toBe(false);

    const watcher = labelledPair('sr25519', 'left-out-watch-only');
    const pw = await box.secret('pw.txt', PW_A);
    const apps = await box.write('apps.json', [
      { address: watcher.address, meta: { name: 'Only watching' }, publicKey: hex(watcher.publicKey), type: 'sr25519' },
    ]);
    okJson(await box.run(['restore', apps, '--password-file', pw, '--json']));
    const watchOnly = expectRefused(await box.run(['account', 'export-all', '--out', out, '--password-file', pw]), EXIT.failed);
    expect(watchOnly).toMatch(/Nothing to export: .*watch-only.*no file was written.*--format apps/);
    expect(existsSync(out)).toBe(false);
    // The Apps list keeps them.
    expect(okJson<ExportAllJson>(await box.run(['account', 'export-all', '--format', 'apps', '--out', out, '--json'])).accounts).toBe(1);
  });

  it.skipIf(!HAS_SCRIPT)("on a terminal: each identity's PIN is asked once; Enter leaves its accounts out, and they are named", async () => {
    const box = await sandboxFrom(wallet);
    const out = box.path('all.json');
    const r = await box.tty(
      ['account', 'export-all', '--out', out, '--kdf', 'compat'],
      [
        { wait: /Batch password/, send: BATCH_PW },
        { wait: /Repeat/, send: BATCH_PW },
        { wait: /PIN of the identity "Phone" \(2 accounts; press Enter to leave them out\)/, send: PIN_A },
        { wait: /PIN of the identity "Old Signer" \(1 account; press Enter to leave it out\)/, send: '' },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    for (const secret of SECRETS) expect(r.transcript.includes(secret), 'a secret was echoed').toBe(false);
    expect(r.transcript).toMatch(/with 4 accounts: 2 derived from identities \(locked with the batch password\) and 2 still locked with their own passwords/);
    expect(r.transcript).toMatch(new RegExp(`${oldRoot.address}  "Old root": derived from the identity "Old Signer", whose PIN was not given`));
    expect(r.transcript.match(/PIN of the identity "Phone"/g)).toHaveLength(1);
    const entries = oracleBatchOpen(await readJson<EncryptedJson>(out), BATCH_PW);
    expect(
      hex(
        oracleOpen(
          entries.find((e) => oracleAddressKey(e) === hex(phoneHidden.publicKey))!,
          BATCH_PW,
        ).encodePkcs8(),
      ),
    ).toBe(hex(phoneHidden.encodePkcs8()));
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
  });
});

describe('#5 backup export --rekey: says which PINs change, never guesses one, never counts one', () => {
  it('from a password file without --pin-file: no PIN is tried (the counter stays 0), each identity keeps its own PIN and it is said', async () => {
    const box = await sandboxFrom(wallet);
    const s = await secrets(box);
    const out = box.path('rekeyed.json');
    const r = await box.run(['backup', 'export', '--rekey', '--out', out, '--password-file', s.pw]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectNoSecrets(r, SECRETS);
    expect(r.stdout).toMatch(/^Identity "Phone" keeps its own PIN in this file: no PIN was given for it \(--pin-file with a line NAME:PIN re-keys it\)\.$/m);
    expect(r.stdout).toMatch(/^Identity "Old Signer" keeps its own PIN in this file/m);
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
    const j = okJson<{ rekeyed: { identities: string[]; keptPin: string[] } }>(
      await box.run(['backup', 'export', '--rekey', '--out', box.path('again.json'), '--password-file', s.pw, '--json']),
    );
    expect(j.rekeyed).toEqual({ identities: [], keptPin: ['Phone', 'Old Signer'] });
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });

    // In a fresh vault the identity still opens with its own PIN, and the import does not say otherwise.
    const fresh = box.path('fresh.sqlite');
    const report = okJson<ImportJson>(await box.run(['--vault', fresh, 'backup', 'import', out, '--password-file', s.pw, '--json']));
    expect(report.items.filter((i) => i.kind === 'identity').every((i) => i.rekeyed === undefined)).toBe(true);
    const pinA = await box.secret('pin-a.txt', PIN_A);
    expect(okJson<{ mnemonic: string }>(await box.run(['--vault', fresh, 'identity', 'show-phrase', 'Phone', '--pin-file', pinA, '--json'])).mnemonic).toBe(
      DEV_PHRASE,
    );
  });

  it('with --pin-file: the result says which PINs are now the backup password, and the import names those identities', async () => {
    const box = await sandboxFrom(wallet);
    const s = await secrets(box);
    const out = box.path('rekeyed.json');
    const onlyPhone = await box.write('phone-pin.txt', `Phone:${PIN_A}\n`);
    const r = await box.run(['backup', 'export', '--rekey', '--out', out, '--password-file', s.pw, '--pin-file', onlyPhone]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectNoSecrets(r, SECRETS);
    // A script is not asked anything: which PINs changed is part of its result (a terminal is told first: below).
    expect(r.stdout).toMatch(
      /^Wrote .*rekeyed\.json: 2 identities, 6 accounts, 0 addresses\.\nThe PIN of identity "Phone" is the backup password in this file\.\nIdentity "Old Signer" keeps its own PIN in this file: no PIN was given for it\.$/m,
    );
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });

    const fresh = box.path('fresh.sqlite');
    const report = okJson<ImportJson>(await box.run(['--vault', fresh, 'backup', 'import', out, '--password-file', s.pw, '--json']));
    expect(report.items.filter((i) => i.kind === 'identity').map((i) => [i.name, i.rekeyed ?? false])).toEqual([
      ['Phone', true],
      ['Old Signer', false],
    ]);
    const text = await box.run(['--vault', box.path('fresh2.sqlite'), 'backup', 'import', out, '--password-file', s.pw]);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/^imported {2}identity "Phone": its PIN is now the backup password$/m);
    expect(text.stdout).toMatch(/^imported {2}identity "Old Signer"$/m);
    // It is so: the backup password opens Phone's phrase in the fresh vault; its old PIN does not.
    expect(okJson<{ mnemonic: string }>(await box.run(['--vault', fresh, 'identity', 'show-phrase', 'Phone', '--pin-file', s.pw, '--json'])).mnemonic).toBe(
      DEV_PHRASE,
    );
    expectRefused(
      await box.run(['--vault', fresh, 'identity', 'show-phrase', 'Phone', '--pin-file', await box.secret('pin-a.txt', PIN_A)]),
      EXIT.wrongPassword,
    );
  });

  it.skipIf(!HAS_SCRIPT)('on a terminal: the PIN changes are said and confirmed first; accounts that share a password are asked once', async () => {
    const box = await sandboxFrom(wallet);
    const out = box.path('rekeyed.json');
    const no = await box.tty(
      ['backup', 'export', '--rekey', '--out', out],
      [
        { wait: /Backup password/, send: BATCH_PW },
        { wait: /Repeat/, send: BATCH_PW },
        { wait: /PIN of the identity "Phone" \(Enter keeps its own PIN\)/, send: PIN_A },
        { wait: /PIN of the identity "Old Signer"/, send: '' },
        { wait: /\[y\/N\]/, send: 'n' },
      ],
    );
    expect(no.code, no.transcript).toBe(EXIT.failed);
    expect(no.transcript).toMatch(/The PIN of identity "Phone" will be the backup password in this file\./);
    expect(no.transcript).toMatch(/Identity "Old Signer" keeps its own PIN in this file/);
    expect(existsSync(out)).toBe(false);

    const yes = await box.tty(
      ['backup', 'export', '--rekey', '--out', out],
      [
        { wait: /Backup password/, send: BATCH_PW },
        { wait: /Repeat/, send: BATCH_PW },
        { wait: /PIN of the identity "Phone"/, send: PIN_A },
        { wait: /PIN of the identity "Old Signer"/, send: '' },
        { wait: /\[y\/N\]/, send: 'y' },
        { wait: /Password of (Alpha|Beta)/, send: PW_A },
      ],
    );
    expect(yes.code, yes.transcript).toBe(EXIT.ok);
    for (const secret of SECRETS) expect(yes.transcript.includes(secret), 'a secret was echoed').toBe(false);
    // Alpha and Beta share a password: the answer for one opens the other, which is not asked.
    expect(yes.transcript.match(/Password of (Alpha|Beta)/g)).toHaveLength(1);
    expect(failedAttempts(box.vault)).toEqual({ Phone: 0, 'Old Signer': 0 });
    const fresh = box.path('fresh.sqlite');
    const batch = await box.secret('batch.txt', BATCH_PW);
    const report = okJson<ImportJson>(await box.run(['--vault', fresh, 'backup', 'import', out, '--password-file', batch, '--json']));
    expect(report.items.find((i) => i.name === 'Phone')?.rekeyed).toBe(true);
    okJson(
      await box.run([
        '--vault',
        fresh,
        'account',
        'export',
        alpha.address,
        '--out',
        box.path('alpha.json'),
        '--password-file',
        batch,
        '--kdf',
        'compat',
        '--json',
      ]),
    );
    expect(hex(oracleOpen(await readJson<KeyringPair$Json>(box.path('alpha.json')), BATCH_PW).encodePkcs8())).toBe(hex(alpha.encodePkcs8()));
  });
});

describe('#6 Concordium identities and accounts: shown, counted, removable', () => {
  const PW = 'left-out-desk-pw-3';
  let data: DesktopExport;
  beforeAll(() => {
    data = desktopExportData({ tag: 'L' });
  });

  async function imported() {
    const box = await sandbox();
    const pw = await box.secret('desk-pw.txt', PW);
    okJson(await box.run(['backup', 'import', await box.write('wallet-export.json', concordiumEncrypt(data, PW)), '--password-file', pw, '--json']));
    return { box, pw };
  }

  it('account list, identity list and concordium list show them (name, provider, status, address, identity, held on a Ledger); the --json lists keep their shape', async () => {
    const { box } = await imported();
    const accounts = await box.run(['account', 'list']);
    expect(accounts.code, accounts.stderr).toBe(EXIT.ok);
    expect(accounts.stdout).not.toMatch(/no accounts yet/);
    expect(accounts.stdout).toMatch(/Concordium accounts \(held on a Ledger/);
    for (const a of data.accounts)
      expect(accounts.stdout).toMatch(new RegExp(`${String(a['address'])}  "${String(a['name'])}"  identity "Concordium identity L\\d"`));
    const listed = await box.list();
    expect(listed).toEqual([]);
    expectListShape(listed);

    const identities = await box.run(['identity', 'list']);
    expect(identities.stdout).not.toMatch(/No identities yet/);
    for (const i of data.identities)
      expect(identities.stdout).toMatch(new RegExp(`"${String(i['name'])}"  provider Notabene \\(Staging\\), confirmed, 2 accounts`));
    expect(okJson<unknown[]>(await box.run(['identity', 'list', '--json']))).toEqual([]);

    const c = okJson<ConcordiumListJson>(await box.run(['concordium', 'list', '--json']));
    expect(c.identities.map((i) => [i.name, i.provider, i.status, i.accounts])).toEqual(
      data.identities.map((i) => [i['name'], 'Notabene (Staging)', 'confirmed', 2]),
    );
    expect(c.accounts.map((a) => [a.address, a.name, a.identity, a.ledger])).toEqual(
      data.accounts.map((a) => [a['address'], a['name'], data.identities.find((i) => i['id'] === a['identityId'])!['name'], true]),
    );
  });

  it('every summary counts them: backup export (text and --json) and the import', async () => {
    const { box, pw } = await imported();
    const out = box.path('whole.json');
    const r = await box.run(['backup', 'export', '--out', out, '--password-file', pw]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(data.addressBook).toHaveLength(6);
    expect(r.stdout).toMatch(/: 0 identities, 0 accounts, 6 addresses, 2 Concordium identities, 4 Concordium accounts\.$/m);
    const j = okJson<Record<string, number>>(await box.run(['backup', 'export', '--out', box.path('whole2.json'), '--password-file', pw, '--json']));
    expect(j).toMatchObject({ identities: 0, accounts: 0, addresses: 6, concordiumIdentities: 2, concordiumAccounts: 4 });
    const again = await box.run(['--vault', box.path('fresh.sqlite'), 'backup', 'import', out, '--password-file', pw]);
    expect(again.stdout).toMatch(/^Imported: 0 identities, 0 accounts, 6 addresses, 2 Concordium identities, 4 Concordium accounts\.$/m);
  });

  it('concordium remove: an account (with its credential and its address-book entry) or an identity with its accounts; asks first, refuses without --yes off a terminal', async () => {
    const { box, pw } = await imported();
    const gone = String(data.accounts[0]!['address']);
    const before = vaultDump(box.vault);
    expectRefused(await box.run(['concordium', 'remove', gone]), EXIT.usage, { match: /--yes/ });
    expectRefused(await box.run(['concordium', 'remove', 'No such thing', '--yes']), EXIT.failed, { match: /No Concordium identity or account/ });
    expect(vaultDump(box.vault)).toEqual(before);

    const removed = okJson<{ identity: null; accounts: { address: string }[]; credentials: number; addresses: number }>(
      await box.run(['concordium', 'remove', gone, '--yes', '--json']),
    );
    expect(removed).toEqual({ identity: null, accounts: [{ name: data.accounts[0]!['name'], address: gone }], credentials: 1, addresses: 1 });
    const text = await box.run(['concordium', 'remove', 'Concordium identity L1', '--yes']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/^Removed the Concordium identity "Concordium identity L1" and its 2 accounts .*The keys stay on the Ledger\.$/m);

    const left = okJson<ConcordiumListJson>(await box.run(['concordium', 'list', '--json']));
    expect(left.identities.map((i) => [i.name, i.accounts])).toEqual([['Concordium identity L0', 1]]);
    expect(left.accounts.map((a) => a.address)).toEqual([String(data.accounts[1]!['address'])]);
    // What the desktop wallet gets back: the same data without what was removed.
    const out = box.path('back.json');
    okJson(await box.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, '--json']));
    const back = concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), PW) as DesktopExport;
    const kept = new Set([String(data.accounts[1]!['address'])]);
    expect(back.identities).toEqual(data.identities.slice(0, 1));
    expect(back.accounts).toEqual(data.accounts.filter((a) => kept.has(String(a['address']))));
    expect(back.credentials).toEqual(data.credentials.filter((c) => kept.has(String(c['accountAddress']))));
    expect(back.addressBook).toEqual(data.addressBook.filter((e) => e['readOnly'] !== true || kept.has(String(e['address']))));
  });

  it('an empty --format concordium-desktop export is refused: exit 1, no file, before the password is asked', async () => {
    const box = await sandboxFrom(wallet);
    const out = box.path('wallet-export.json');
    const msg = expectRefused(await box.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out]), EXIT.failed);
    expect(msg).toMatch(/Nothing to export: the vault holds no Concordium identity, account or address; no file was written\./);
    expect(existsSync(out)).toBe(false);
  });

  it("a name conflict on import is settled and said in the desktop wallet's words", async () => {
    const base = desktopExportData({ tag: 'K', identities: 2 });
    // A placeholder identity ("recovered") and an account still under its default name (part of its address), as the desktop wallet leaves them.
    base.identities[0]!['status'] = 'recovered';
    const defaultName = String(base.accounts[0]!['address']).slice(0, 6);
    base.accounts[0]!['name'] = defaultName;
    const renamed = JSON.parse(JSON.stringify(base)) as DesktopExport;
    renamed.identities[0]!['name'] = 'My identity';
    renamed.identities[1]!['name'] = 'Other identity name';
    renamed.accounts[0]!['name'] = 'Savings';
    renamed.accounts[1]!['name'] = 'Other account name';
    const box = await sandbox();
    const pw = await box.secret('desk-pw.txt', PW);
    okJson(await box.run(['backup', 'import', await box.write('first.json', concordiumEncrypt(base, PW)), '--password-file', pw, '--json']));
    const second = await box.write('second.json', concordiumEncrypt(renamed, PW));
    const copy = box.path('copy.sqlite');
    const { copyFile } = await import('node:fs/promises');
    await copyFile(box.vault, copy);
    const r = okJson<ImportJson>(await box.run(['backup', 'import', second, '--password-file', pw, '--json']));
    const of = (name: string) => r.items.find((i) => i.name === name);
    expect(of('My identity')).toMatchObject({ status: 'replaced', note: 'Replaces placeholder identity: Concordium identity K0' });
    expect(of('Other identity name')).toMatchObject({ status: 'present', note: 'Already exists as: Concordium identity K1' });
    expect(of('Savings')).toMatchObject({ status: 'replaced', note: `Replaces name: ${defaultName}` });
    expect(of('Other account name')).toMatchObject({ status: 'present', note: 'Already exists as: K0 account 1' });
    const names = okJson<ConcordiumListJson>(await box.run(['concordium', 'list', '--json']));
    expect(names.identities.map((i) => i.name)).toEqual(['My identity', 'Concordium identity K1']);
    expect(names.accounts.map((a) => a.name).slice(0, 2)).toEqual(['Savings', 'K0 account 1']);

    const text = await box.run(['--vault', copy, 'backup', 'import', second, '--password-file', pw]);
    expect(text.stdout).toMatch(/^replaced {2}Concordium account "Savings" \S+: Replaces name: \S+$/m);
    expect(text.stdout).toMatch(/^present {3}Concordium account "Other account name" \S+: Already exists as: K0 account 1$/m);
    expect(text.stdout).toMatch(/^present {3}Concordium identity "Other identity name": Already exists as: Concordium identity K1$/m);
  });
});

/** The public key an entry's address names (SS58 for sr25519/ed25519 entries). */
function oracleAddressKey(entry: KeyringPair$Json): string {
  return hex(decodeAddress(entry.address));
}
