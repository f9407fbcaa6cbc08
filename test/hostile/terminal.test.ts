/**
 * Security review #5 (issue 11 item 11): names and notes come from files nobody authenticated (Apps
 * lists, Polkadot{.js} `meta.name`, backups). A name holding ESC, CR and an OSC 52 sequence rewrote the
 * `restore` output to show an attacker's address and set the clipboard to it. Now:
 *
 * - names with control or invisible formatting characters are refused on import (`restore` fails that
 *   entry, `backup import` the whole file) and when typed (create, add, rename, derive --name);
 * - and, independently, everything the CLI prints escapes those characters: a hostile name written
 *   straight into the vault is shown inert by every command that prints it.
 *
 * Also #15: text typed ahead, before the hidden prompt is up, is discarded, not taken as the secret.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import type { KeyringPair } from '@polkadot/keyring/types';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  EXIT,
  expectRefused,
  HAS_SCRIPT,
  okJson,
  type RestoreJson,
  sandbox,
  sandboxFrom,
  type Sandbox,
  type Template,
  template,
} from '../support/cli.js';
import { DEV_PHRASE, hex, labelledPair, oracleFile, oracleReady } from '../support/oracle.js';
import { concordiumEncrypt, type DesktopExport, desktopExportData } from '../support/concordium.js';
import { LEGAL_WINNER, testSecrets } from '../support/secrets.js';

const S = testSecrets('terminal', ['password', 'backup', 'pin']);
const EXCHANGE = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';

const ESC = '\u001b';
const BEL = '\u0007';

let alice: KeyringPair;
let bob: KeyringPair;
/** The review's name: "Savings", OSC 52 (clipboard := Bob's address), CR, a fake line showing Bob's address, ESC[K. */
let HOSTILE: string;
/** The same, with the other characters that act on a terminal: a bidi override, C1 CSI, LF, TAB, a line separator. */
let HOSTILE_MORE: string;

/** A code point that acts on a terminal: C0 except LF (line breaks are keepsake's own), DEL, C1, bidi controls, LS/PS. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function expectInert(r: CliResult): void {
  for (const [stream, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const found = ACTIVE.exec(text)?.[0];
    expect(found, `${stream} holds U+${found?.codePointAt(0)?.toString(16)}: ${JSON.stringify(text)}`).toBeUndefined();
  }
}

/** A pty transcript: the payload's sequences are not there raw (the pty and readline add their own CR and ESC codes). */
function expectInertOnTty(transcript: string): void {
  for (const raw of [`${ESC}]52`, BEL, '\u202e', '\u009b', `\r    ${bob.address}`, `${ESC}[K`]) {
    expect(transcript.includes(raw), `the transcript holds ${JSON.stringify(raw)}: ${JSON.stringify(transcript)}`).toBe(false);
  }
  expect(transcript).toContain('\\u001b]52;c;');
}

/** Alice (//Alice, a file account), the identity Main (+ its Polkadot account) and an address-book entry. */
let base: Template;

beforeAll(async () => {
  await oracleReady();
  alice = labelledPair('sr25519', 'alice');
  bob = labelledPair('sr25519', 'bob');
  const osc52 = `${ESC}]52;c;${Buffer.from(bob.address).toString('base64')}${BEL}`;
  HOSTILE = `Savings${osc52}\r    ${bob.address}  sr25519  "Savings"${ESC}[K`;
  HOSTILE_MORE = `${HOSTILE}\u202e\u009b31m\n\t\u2028end`;
  base = await template(async (box) => {
    const pw = await box.secret('pw.txt', S.password);
    const pin = await box.secret('pin.txt', S.pin);
    await box.secret('bpw.txt', S.backup);
    const suri = await box.secret('alice.txt', `${DEV_PHRASE}//e2e-vault//alice`);
    const phrase = await box.secret('phrase.txt', LEGAL_WINNER);
    okJson(await box.run(['account', 'add', '--name', 'Alice', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']));
    okJson(await box.run(['identity', 'recover', '--name', 'Main', '--mnemonic-file', phrase, '--pin-file', pin, '--json']));
    okJson(await box.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--pin-file', pin, '--json']));
    okJson(await box.run(['address', 'add', EXCHANGE, '--name', 'Exchange', '--note', 'hot wallet', '--json']));
  });
}, 120_000);

afterAll(async () => {
  await base?.remove();
});

/** Sets names (and the address note) straight in the vault file, as a tampered vault or an old import would have them. */
function setRows(box: Sandbox, rows: { account?: string; identity?: string; address?: string; note?: string }): void {
  const db = new Database(box.vault);
  try {
    if (rows.account !== undefined) db.prepare("UPDATE accounts SET name = ? WHERE name = 'Alice'").run(rows.account);
    if (rows.identity !== undefined) db.prepare("UPDATE identities SET name = ? WHERE name = 'Main'").run(rows.identity);
    if (rows.address !== undefined) db.prepare("UPDATE addresses SET name = ? WHERE name = 'Exchange'").run(rows.address);
    if (rows.note !== undefined) db.prepare('UPDATE addresses SET note = ? WHERE address = ?').run(rows.note, EXCHANGE);
  } finally {
    db.close();
  }
}

/** Everything a vault holds, as the CLI lists it (to compare before and after a refused command). */
async function contents(box: Sandbox): Promise<unknown[]> {
  return Promise.all(
    [
      ['account', 'list'],
      ['identity', 'list'],
      ['address', 'list'],
    ].map(async (cmd) => okJson<unknown>(await box.run([...cmd, '--json']))),
  );
}

describe("restore: the review's hostile Apps list", () => {
  let list: string;
  let charlie: KeyringPair;
  let dave: KeyringPair;

  beforeAll(async () => {
    charlie = labelledPair('sr25519', 'charlie');
    dave = labelledPair('sr25519', 'dave');
    list = JSON.stringify([
      oracleFile(alice, S.password, undefined, { name: HOSTILE }),
      { address: dave.address, meta: { name: HOSTILE_MORE }, publicKey: hex(dave.publicKey), type: 'sr25519' },
      oracleFile(charlie, S.password, undefined, { name: 'Charlie' }),
    ]);
  });

  it('the entries with hostile names fail, each with the reason; the other restores; nothing on screen acts on the terminal', async () => {
    const box = await sandbox();
    const file = await box.write('hostile-apps.json', list);
    const r = await box.run(['restore', file, '--password-file', await box.secret('pw.txt', S.password)]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectInert(r);
    expect(r.stdout).toMatch(new RegExp(`restored\\s+${charlie.address} "Charlie"`));
    expect(r.stdout).toMatch(/1 restored, 0 skipped, 2 failed/);
    const failures = r.stderr.split('\n').filter((l) => l.startsWith('failed'));
    expect(failures).toHaveLength(2);
    for (const line of failures) expect(line).toMatch(/control or invisible formatting character \(U\+001B\).*it was not restored/);
    expect(r.stdout + r.stderr).not.toContain(bob.address);
    expect((await box.list()).map((a) => a.address)).toEqual([charlie.address]);
  });

  it('--json says the same: two entries failed as UnsafeNameError, the JSON text inert', async () => {
    const box = await sandbox();
    const file = await box.write('hostile-apps.json', list);
    const r = await box.run(['restore', file, '--password-file', await box.secret('pw.txt', S.password), '--json']);
    const report = okJson<RestoreJson>(r);
    expectInert(r);
    expect(report.restored.map((a) => a.address)).toEqual([charlie.address]);
    expect(report.failed.map((f) => f.error.name)).toEqual(['UnsafeNameError', 'UnsafeNameError']);
  });

  it('inspect and verify show the names escaped', async () => {
    const box = await sandbox();
    const file = await box.write('hostile-apps.json', list);
    for (const args of [
      ['inspect', file],
      ['inspect', file, '--json'],
      ['verify', file, '--password-file', await box.secret('pw.txt', S.password)],
    ]) {
      const r = await box.run(args);
      expect([EXIT.ok, EXIT.failed], r.stderr).toContain(r.code);
      expectInert(r);
      expect(r.stdout).toContain('\\u001b]52;c;');
    }
  });
});

describe('backup import: a backup holding a hostile name is refused whole, naming the item', () => {
  it.each([
    ['identity', 'identity', /the name of identity 1 holds/],
    ['account', 'account', /the name of account [12] holds/],
    ['address-book', 'address', /the name of address-book entry 1 holds/],
  ] as const)('a hostile %s name: exit 1, one sentence, the vault unchanged', async (_kind, row, reason) => {
    const source = await sandboxFrom(base);
    setRows(source, { [row]: HOSTILE });
    const file = source.path('hostile-backup.json');
    okJson(await source.run(['backup', 'export', '--out', file, '--password-file', base.path('bpw.txt'), '--json']));

    const box = await sandbox();
    okJson(await box.run(['address', 'add', bob.address, '--name', 'Bob', '--json']));
    const before = await contents(box);
    const r = await box.run(['backup', 'import', file, '--password-file', await box.secret('bpw.txt', S.backup)]);
    expectRefused(r, EXIT.failed, { match: reason });
    expect(r.stderr).toMatch(/control or invisible formatting character \(U\+001B\).*nothing from the file was imported/);
    expectInert(r);
    expect(await contents(box)).toEqual(before);
  });
});

describe('backup import: a Concordium Desktop export holding a hostile name is refused whole', () => {
  it.each([
    ['an identity name', (d: DesktopExport) => (d.identities[0]!['name'] = HOSTILE), /the name of entry 1 of "identities" holds/],
    ['an address-book name', (d: DesktopExport) => (d.addressBook[4]!['name'] = HOSTILE), /the name of entry 5 of "addressBook" holds/],
  ])('%s: exit 1, one sentence naming the item, the vault unchanged', async (_label, poison, reason) => {
    const box = await sandbox();
    okJson(await box.run(['address', 'add', bob.address, '--name', 'Bob', '--json']));
    const data = desktopExportData();
    poison(data);
    const file = await box.write('wallet-export.json', concordiumEncrypt(data, S.backup));
    const before = await contents(box);
    const r = await box.run(['backup', 'import', file, '--password-file', await box.secret('bpw.txt', S.backup)]);
    expectRefused(r, EXIT.failed, { match: reason });
    expectInert(r);
    expect(await contents(box)).toEqual(before);
  });
});

describe('a name typed with control characters is refused (exit 2, the vault unchanged)', () => {
  it('account rename, account add, address add, identity recover, identity derive --name', async () => {
    const box = await sandboxFrom(base);
    const before = await contents(box);
    const bobSuri = await box.secret('bob.txt', `${DEV_PHRASE}//e2e-vault//bob`);
    const [pw, pin] = [base.path('pw.txt'), base.path('pin.txt')];
    for (const [args, what] of [
      [['account', 'rename', alice.address, `Bad${ESC}[2JName`], 'account'],
      [['account', 'add', '--name', `x\u202ey`, '--suri-file', bobSuri, '--password-file', pw], 'account'],
      [['address', 'add', bob.address, '--name', `Shop\r${EXCHANGE}`], 'address-book'],
      [['identity', 'recover', '--name', `n\u009bm`, '--mnemonic-file', base.path('phrase.txt'), '--pin-file', pin], 'identity'],
      [['identity', 'derive', 'Main', '--network', 'kusama', '--name', `a${BEL}b`, '--pin-file', pin], 'account'],
    ] as const) {
      const r = await box.run(args);
      expectRefused(r, EXIT.usage, { match: new RegExp(`An? ${what} name cannot hold control or invisible formatting characters`) });
      expectInert(r);
    }
    expect(await contents(box)).toEqual(before);
  });
});

describe('the sanitiser on its own: hostile names written straight into the vault are printed inert', () => {
  let box: Sandbox & { remove: () => Promise<void> };
  beforeAll(async () => {
    box = await sandbox({ manual: true });
    await copyFile(base.vault, box.vault);
    setRows(box, { account: HOSTILE_MORE, identity: HOSTILE_MORE, address: HOSTILE_MORE, note: HOSTILE_MORE });
  });
  afterAll(async () => {
    await box?.remove();
  });

  it.each([
    [['account', 'list']],
    [['identity', 'list']],
    [['address', 'list']],
    [['account', 'list', '--json']],
    [['identity', 'list', '--json']],
    [['address', 'list', '--json']],
  ])('%j', async (args) => {
    const r = await box.run(args);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectInert(r);
    expect(r.stdout).toContain('\\u001b]52;c;');
  });

  it('--json keeps the data: the names parse back exactly as stored', async () => {
    const accounts = okJson<{ name: string }[]>(await box.run(['account', 'list', '--json']));
    expect(accounts.map((a) => a.name)).toContain(HOSTILE_MORE);
    const addresses = okJson<{ name: string; note: string }[]>(await box.run(['address', 'list', '--json']));
    expect(addresses[0]).toMatchObject({ name: HOSTILE_MORE, note: HOSTILE_MORE });
  });

  it('identity derive names the new account after the hostile identity: printed inert', async () => {
    const copy = await sandboxFrom(box);
    const r = await copy.run(['identity', 'derive', '1', '--network', 'kusama', '--pin-file', base.path('pin.txt')]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectInert(r);
    expect(r.stdout).toMatch(/^Derived \S+ "Savings\\u001b\]52;c;.* Kusama[^"]*" \(sr25519, path \/\/kusama\)\.$/m);
  });

  it('an error quoting the name (the account is already in the vault as …): inert, in text and in --json', async () => {
    for (const json of [false, true]) {
      const r = await box.run([
        'account',
        'add',
        '--name',
        'Again',
        '--suri-file',
        base.path('alice.txt'),
        '--password-file',
        base.path('pw.txt'),
        ...(json ? ['--json'] : []),
      ]);
      expectRefused(r, EXIT.failed, { json, match: /already/ });
      expectInert(r);
      expect(r.stderr).toContain('\\u001b]52;c;');
    }
  });

  it('restore: the skipped line quotes the name in the vault, inert', async () => {
    const copy = await sandboxFrom(box);
    const file = await copy.write('alice.json', oracleFile(alice, S.password, undefined, { name: 'Alice again' }));
    const r = await copy.run(['restore', file, '--password-file', base.path('pw.txt')]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectInert(r);
    expect(r.stdout).toMatch(/skipped.*already in the vault as "Savings\\u001b\]52/);
  });

  it.skipIf(!HAS_SCRIPT)('on a terminal: the account export password prompt and the account remove question', async () => {
    const copy = await sandboxFrom(box);
    const exported = await copy.tty(
      ['account', 'export', alice.address, '--out', copy.path('out.json'), '--kdf', 'compat'],
      [{ wait: /Password of/, send: S.password }],
    );
    expect(exported.code, exported.transcript).toBe(EXIT.ok);
    expectInertOnTty(exported.transcript);
    const removed = await copy.tty(['account', 'remove', alice.address], [{ wait: /\[y\/N\]/, send: 'n' }]);
    expect(removed.code).toBe(EXIT.failed);
    expectInertOnTty(removed.transcript);
    expect(existsSync(copy.path('out.json'))).toBe(true);
  });
});

describe.skipIf(!HAS_SCRIPT)('type-ahead before the hidden prompt (review #15)', () => {
  it('is discarded with a warning, not taken as the password; the password typed at the prompt is', async () => {
    const box = await sandbox();
    const file = await box.write('alice.json', oracleFile(alice, S.password, undefined, { name: 'Alice' }));
    const r = await box.tty(
      ['restore', file],
      [
        // Typed while Node starts, before raw mode is on: the terminal echoes it.
        { wait: null, send: 'typed-ahead-not-the-password', delayMs: 0 },
        { wait: /discarded[\s\S]*Password for/, send: S.password },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).toMatch(/typed before this prompt appeared was discarded: it may have been shown on the screen/);
    expect(r.transcript).not.toContain(S.password);
    expect((await box.list()).map((a) => a.address)).toEqual([alice.address]);
  });
});
