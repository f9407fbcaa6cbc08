/**
 * `backup export` / `backup import` through the CLI (issue 5, "What to build" 2 and 3, "How it is
 * checked"; DESIGN.md "keepsake's own full backup", "Non-negotiables"): a vault with identities,
 * accounts of every origin and an address book goes to one file and back into a fresh vault with
 * the same `identity list`, `account list` and `address list`; nothing readable in the file; every
 * bad password, tampered, truncated or hostile file refused with its own exit code and the vault
 * unchanged; `--rekey` puts everything under the backup password.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sandbox,
  type Sandbox,
  type AddressJson,
  type CliResult,
  EXIT,
  expectRefused,
  type ImportJson,
  okJson,
  readJson,
  recoverIdentity,
  restoreFiles,
  runAccount,
  vaultDump,
} from '../../support/cli.js';
import { concordiumAddress } from '../../support/concordium.js';
import { oracleFile, oracleOpen } from '../../support/oracle.js';
import { LEGAL_WINNER, testSecrets } from '../../support/secrets.js';

/** The PINs of the two identities, the password of the created accounts, of the restored file and of the backup. */
const S = testSecrets('roundtrip', ['pinMain', 'pinSavings', 'account', 'file', 'backup']);

type AccountJson = { address: string; name: string; type: string; publicKey: string; network: string | null; identity: string | null; path: string | null };
type IdentityJson = { id: number; name: string; accounts: { address: string; path: string; type: string }[] };

/** The source vault and its backup, made once through the CLI. */
let src: Sandbox & { remove: () => Promise<void> };
let backupFile: string;
let backupPwFile: string;
let savingsPhrase: string;
let createdPhrases: string[];
let source: { identities: IdentityJson[]; accounts: AccountJson[]; addresses: AddressJson[] };

async function must(r: Promise<CliResult>): Promise<unknown> {
  return okJson(await r);
}

beforeAll(async () => {
  await cryptoWaitReady();
  src = await sandbox({ manual: true });
  const s = src;
  const pinSavings = await s.secret('pin-savings.txt', S.pinSavings);
  const accountPw = await s.secret('account-pw.txt', S.account);
  backupPwFile = await s.secret('backup-pw.txt', S.backup);

  // Identities: one recovered (Signer's //network account and Polkadot{.js}'s root key), one created.
  const pinMain = await recoverIdentity(s, 'Main', LEGAL_WINNER, S.pinMain);
  await must(s.run(['identity', 'derive', 'Main', '--network', 'kusama', '--pin-file', pinMain, '--json']));
  await must(s.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--path', '', '--name', 'Main root', '--pin-file', pinMain, '--json']));
  await must(
    s.run(['identity', 'create', '--name', 'Savings', '--words', '12', '--mnemonic-out', s.path('savings-phrase.txt'), '--pin-file', pinSavings, '--json']),
  );
  await must(s.run(['identity', 'derive', 'Savings', '--network', 'westend', '--type', 'ed25519', '--pin-file', pinSavings, '--json']));
  savingsPhrase = (await readFile(s.path('savings-phrase.txt'), 'utf8')).trim();

  // Accounts with their own passwords: created, and restored from a Polkadot{.js} file made by the oracle.
  await must(
    s.run(['account', 'create', '--name', 'Created', '--network', 'polkadot', '--password-file', accountPw, '--mnemonic-out', s.path('created.txt'), '--json']),
  );
  await must(
    s.run([
      'account',
      'create',
      '--name',
      'Created eth',
      '--type',
      'ethereum',
      '--password-file',
      accountPw,
      '--mnemonic-out',
      s.path('created-eth.txt'),
      '--json',
    ]),
  );
  createdPhrases = [(await readFile(s.path('created.txt'), 'utf8')).trim(), (await readFile(s.path('created-eth.txt'), 'utf8')).trim()];
  const pair = new Keyring({ type: 'ed25519', ss58Format: 2 }).addFromUri(`${LEGAL_WINNER}//restored`, { name: 'Restored file' });
  const restored = await s.write('restored.json', oracleFile(pair, S.file));
  await restoreFiles(s, [restored], S.file);

  // The address book: every kind.
  const alice = decodeAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  await must(s.run(['address', 'add', encodeAddress(alice, 0), '--name', 'Alice on Polkadot', '--note', 'landlord', '--json']));
  await must(s.run(['address', 'add', encodeAddress(alice, 2), '--name', 'Alice on Kusama', '--network', 'kusama', '--json']));
  await must(s.run(['address', 'add', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', '--name', 'Bob generic', '--json']));
  await must(s.run(['address', 'add', '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359', '--name', 'Exchange deposit', '--note', 'memo 77841', '--json']));
  await must(s.run(['address', 'add', concordiumAddress(), '--name', 'Concordium pal', '--json']));

  source = (await s.lists()) as typeof source;
  expect(source.identities).toHaveLength(2);
  expect(source.accounts).toHaveLength(6);
  expect(source.addresses).toHaveLength(5);

  backupFile = s.path('keepsake-backup.json');
  const r = okJson<{ identities: number; accounts: number; addresses: number }>(
    await s.run(['backup', 'export', '--out', backupFile, '--password-file', backupPwFile, '--json']),
  );
  expect(r).toMatchObject({ identities: 2, accounts: 6, addresses: 5 });
});

afterAll(async () => {
  await src?.remove();
});

/** The backup imported once into a fresh vault (tests that change it work on a copy). */
let imported: { vault: string; report: ImportJson } | undefined;
async function importedOnce(): Promise<{ vault: string; report: ImportJson }> {
  if (imported === undefined) {
    const vault = src.path('imported.sqlite');
    const report = okJson<ImportJson>(await src.run(['backup', 'import', backupFile, '--password-file', backupPwFile, '--json'], { vault }));
    imported = { vault, report };
  }
  return imported;
}

/** A fresh folder with a copy of the backup and the password file. */
async function target() {
  const b = await sandbox();
  const file = b.path('backup.json');
  await writeFile(file, await readFile(backupFile));
  const pw = await b.secret('pw.txt', S.backup);
  return { b, file, pw };
}

describe('backup export', () => {
  it('refuses a password under 6 characters (exit 2) and a name not ending in .json (exit 2), writing nothing', async () => {
    const b = await sandbox();
    await b.copyVault(src.vault);
    const before = vaultDump(b.vault);
    const short = await b.secret('short.txt', '12345');
    expectRefused(await b.run(['backup', 'export', '--out', b.path('b.json'), '--password-file', short]), EXIT.usage, {
      secrets: ['12345'],
      match: /6 characters/,
    });
    expectRefused(await b.run(['backup', 'export', '--out', b.path('b.json'), '--password-file', short, '--json']), EXIT.usage, { longerThan: 20, json: true });
    const pw = await b.secret('pw.txt', S.backup);
    expectRefused(await b.run(['backup', 'export', '--out', b.path('backup.txt'), '--password-file', pw]), EXIT.usage, { match: /\.json/ });
    expectRefused(await b.run(['backup', 'export', '--out', b.path('b.json'), '--password-file', pw, '--format', 'zip']), EXIT.usage);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(b.dir)).filter((f) => !f.startsWith('vault.sqlite') && !f.endsWith('.txt'))).toEqual([]);
    // An existing file is not overwritten without --force.
    await b.write('exists.json', 'keep me');
    expectRefused(await b.run(['backup', 'export', '--out', b.path('exists.json'), '--password-file', pw]), EXIT.failed);
    expect(await readFile(b.path('exists.json'), 'utf8')).toBe('keep me');
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('the file shows no name, address, public key or phrase: everything is inside the authenticated box', async () => {
    const raw = await readFile(backupFile);
    const text = raw.toString('latin1');
    const envelope = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['cipher', 'ciphertext', 'createdAt', 'kdf', 'nonce', 'type', 'version']);
    expect(envelope).toMatchObject({ type: 'keepsake-backup', version: 1, cipher: 'xsalsa20-poly1305', kdf: { name: 'scrypt' } });
    const clear = [
      ...source.identities.map((i) => i.name),
      ...source.accounts.flatMap((a) => [a.name, a.address, a.publicKey, a.publicKey.slice(2), a.address.toLowerCase()]),
      ...source.addresses.flatMap((a) => [a.name, a.address, a.address.toLowerCase(), a.note ?? a.name]),
      LEGAL_WINNER,
      savingsPhrase,
      ...createdPhrases,
      ...[LEGAL_WINNER, savingsPhrase].map((p) => p.split(' ').slice(0, 3).join(' ')),
      ...S.all,
      'encoded',
      'pkcs8',
      'landlord',
    ];
    for (const s of clear) expect(text.includes(s), `the backup file shows ${JSON.stringify(s)}`).toBe(false);
  });
});

describe('backup import', () => {
  it('into a fresh vault gives the same identity, account and address lists', async () => {
    const b = await sandbox();
    const { vault, report } = await importedOnce();
    expect(report.format).toBe('keepsake-backup');
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.items.every((i) => i.status === 'imported')).toBe(true);
    expect(report.items.filter((i) => i.kind === 'identity').map((i) => i.name)).toEqual(['Main', 'Savings']);
    expect(report.items.filter((i) => i.kind === 'account').map((i) => [i.name, i.address])).toEqual(source.accounts.map((a) => [a.name, a.address]));
    expect(report.items.filter((i) => i.kind === 'address').map((i) => [i.name, i.address])).toEqual(source.addresses.map((a) => [a.name, a.address]));
    expect(report.restored).toHaveLength(2 + 6 + 5);

    const after = await b.lists(vault);
    expect(after.identities).toEqual(source.identities);
    expect(after.accounts).toEqual(source.accounts);
    expect(after.addresses).toEqual(source.addresses);
  });

  it('keeps every secret under its own lock: the phrase opens with its PIN, an account exports with its own password', async () => {
    const b = await sandbox();
    await b.copyVault((await importedOnce()).vault);
    const pw = await b.secret('pw.txt', S.backup);
    const pinSavings = await b.secret('pin.txt', S.pinSavings);
    expect(okJson<{ mnemonic: string }>(await b.run(['identity', 'show-phrase', 'Savings', '--pin-file', pinSavings, '--json'])).mnemonic).toBe(savingsPhrase);
    const accountPw = await b.secret('account-pw.txt', S.account);
    const created = source.accounts.find((a) => a.name === 'Created')!;
    okJson(await b.run(['account', 'export', created.address, '--kdf', 'compat', '--out', b.path('created.json'), '--password-file', accountPw, '--json']));
    expect(u8aToHex(oracleOpen(await readJson<KeyringPair$Json>(b.path('created.json')), S.account).publicKey)).toBe(created.publicKey);
    // The backup password is not a key to them.
    expectRefused(await b.run(['identity', 'show-phrase', 'Main', '--pin-file', pw]), EXIT.wrongPassword, { secrets: [LEGAL_WINNER] });
  });

  it('a second import reports every identity, account and address as already present, under its name, and changes nothing', async () => {
    const { b, file, pw } = await target();
    await b.copyVault((await importedOnce()).vault);
    // A renamed account is reported under the name it has now.
    const created = source.accounts.find((a) => a.name === 'Created')!;
    expect((await b.run(['account', 'rename', created.address, 'Renamed here'])).code).toBe(EXIT.ok);
    const before = vaultDump(b.vault);
    const again = okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', pw, '--json']));
    expect(again.items).toHaveLength(2 + 6 + 5);
    for (const item of again.items) {
      expect(item.status, JSON.stringify(item)).toBe('present');
      expect(item.presentAs).toBe(item.name === 'Created' ? 'Renamed here' : item.name);
    }
    expect(again.restored).toEqual([]);
    expect(again.skipped.map((s) => s.address)).toEqual(again.items.map((i) => i.address));
    expect(vaultDump(b.vault)).toEqual(before);
    const text = await b.run(['backup', 'import', file, '--password-file', pw]);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/"Created".*already present as "Renamed here"/);
    expect(text.stdout).toMatch(/identity "Main".*already present as "Main"/);
    expect(text.stdout).toMatch(/0 imported, 13 already present/);
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('into the vault it came from (password on stdin): everything present, nothing duplicated', async () => {
    const b = await sandbox();
    await b.copyVault(src.vault);
    const before = vaultDump(b.vault);
    // The password from standard input (`-`), as a script would give it.
    const r = okJson<ImportJson>(await b.run(['backup', 'import', backupFile, '--password-file', '-', '--json'], { stdin: `${S.backup}\n` }));
    expect(r.items.every((i) => i.status === 'present')).toBe(true);
    expect(vaultDump(b.vault)).toEqual(before);
  });
});

describe('refused imports: exit code, a clear message, the vault unchanged', () => {
  /** A target vault that already holds something, and its dump. */
  async function populated() {
    const t = await target();
    okJson(await t.b.run(['address', 'add', '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y', '--name', 'Charlie', '--json']));
    return { ...t, before: vaultDump(t.b.vault) };
  }

  it('a wrong password: exit 3', async () => {
    const { b, file, before } = await populated();
    const wrong = await b.secret('wrong.txt', 'Backup-pw-6');
    const msg = expectRefused(await b.run(['backup', 'import', file, '--password-file', wrong]), EXIT.wrongPassword, { secrets: ['Backup-pw-6', S.backup] });
    expect(msg).toMatch(/password/i);
    expectRefused(await b.run(['backup', 'import', file, '--password-file', wrong, '--json']), EXIT.wrongPassword, { longerThan: 20, json: true });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a tampered byte in the ciphertext or the nonce: exit 3 (the box is authenticated)', async () => {
    const { b, file, pw, before } = await populated();
    const env = await readJson<{ nonce: string; ciphertext: string; kdf: { salt: string } }>(file);
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      const i = at < 0 ? bytes.length + at : at;
      bytes[i] = bytes[i]! ^ 0x20;
      return bytes.toString('base64');
    };
    const variants: [string, object][] = [
      ['middle ciphertext byte', { ...env, ciphertext: flip(env.ciphertext, Math.floor(Buffer.from(env.ciphertext, 'base64').length / 2)) }],
      ['last ciphertext byte', { ...env, ciphertext: flip(env.ciphertext, -1) }],
      ['nonce', { ...env, nonce: flip(env.nonce, 3) }],
    ];
    for (const [what, content] of variants) {
      const f = await b.write(`tampered-${what.replace(/ /g, '-')}.json`, content);
      const msg = expectRefused(await b.run(['backup', 'import', f, '--password-file', pw]), EXIT.wrongPassword, { secrets: [S.backup] });
      expect(msg, what).toMatch(/altered|password/);
    }
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a truncated file or missing fields: exit 1 with a message that says the file is damaged', async () => {
    const { b, file, pw, before } = await populated();
    const text = await readFile(file, 'utf8');
    const env = JSON.parse(text) as Record<string, unknown>;
    const without = (k: string) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== k));
    const ct = Buffer.from(String(env['ciphertext']), 'base64');
    const variants: [string, string | object, RegExp][] = [
      ['truncated text', text.slice(0, Math.floor(text.length * 0.6)), /JSON|damaged|truncated|cut/i],
      ['no nonce', without('nonce'), /damaged.*nonce/],
      ['no ciphertext', without('ciphertext'), /damaged.*ciphertext/],
      ['no kdf', without('kdf'), /damaged.*kdf/],
      ['no cipher', without('cipher'), /damaged.*cipher/],
      ['ciphertext cut to 10 bytes', { ...env, ciphertext: ct.subarray(0, 10).toString('base64') }, /damaged.*ciphertext/],
      ['nonce not base64', { ...env, nonce: '***' }, /damaged.*nonce/],
      ['another version', { ...env, version: 2 }, /version/],
      ['no type', without('type'), /not a wallet file|recognise/],
    ];
    for (const [what, content, match] of variants) {
      const f = await b.write(`bad-${what.replace(/ /g, '-')}.json`, content);
      const msg = expectRefused(await b.run(['backup', 'import', f, '--password-file', pw]), EXIT.failed, { secrets: [S.backup] });
      expect(msg, what).toMatch(match);
    }
    // The ciphertext cut short (whole bytes, still valid base64): the box no longer authenticates.
    const cut = await b.write('cut-ciphertext.json', { ...env, ciphertext: ct.subarray(0, ct.length - 40).toString('base64') });
    expect([EXIT.failed, EXIT.wrongPassword]).toContain((await b.run(['backup', 'import', cut, '--password-file', pw])).code);
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('KDF parameters over the caps are refused before deriving (exit 1), and the message says so', async () => {
    const { b, file, pw, before } = await populated();
    const env = await readJson<{ kdf: Record<string, unknown> }>(file);
    for (const over of [{ N: 2 ** 21 }, { N: 2 ** 31 }, { r: 64 }, { p: 16 }]) {
      const f = await b.write(`over-${Object.keys(over)[0]}-${Object.values(over)[0]}.json`, { ...env, kdf: { ...env.kdf, ...over } });
      const msg = expectRefused(await b.run(['backup', 'import', f, '--password-file', pw]), EXIT.failed, { secrets: [S.backup] });
      expect(msg).toMatch(/limit/i);
      // inspect reads the same untrusted header, and refuses it the same way.
      expectRefused(await b.run(['inspect', f]), EXIT.failed, { match: /limit/i });
    }
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('not a backup at all: a Polkadot{.js} account file is sent to `restore`', async () => {
    const { b, pw, before } = await populated();
    const pair = new Keyring({ type: 'ed25519' }).addFromUri('//Charlie');
    const f = await b.write('account.json', oracleFile(pair, S.backup));
    expectRefused(await b.run(['backup', 'import', f, '--password-file', pw]), EXIT.failed, { match: /restore/ });
    expect(vaultDump(b.vault)).toEqual(before);
  });
});

describe('backup export --rekey --password-file', () => {
  it('every account and identity then opens with the backup password', async () => {
    // --password-file is non-interactive: every account and identity is taken to use the backup password (as for export-all --rekey).
    const s = await sandbox();
    const pw = await recoverIdentity(s, 'Main', LEGAL_WINNER, S.backup);
    const derived = okJson<{ address: string }>(await s.run(['identity', 'derive', 'Main', '--network', 'kusama', '--pin-file', pw, '--json']));
    const created = okJson<{ address: string; publicKey: string }>(await runAccount(s, 'create', pw, 'Created', '--mnemonic-out', s.path('m.txt')));
    okJson(await s.run(['address', 'add', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', '--name', 'Bob', '--json']));
    const sourceLists = await s.lists();
    const sourceDump = vaultDump(s.vault);
    const out = s.path('rekeyed.json');
    okJson(await s.run(['backup', 'export', '--rekey', '--out', out, '--password-file', pw, '--json']));
    // Exporting changes nothing in the source vault but backup health's record of the file (issue 16).
    const { backup_records: records, backup_covers: _covers, ...after } = vaultDump(s.vault);
    expect(Object.keys(after).sort()).toEqual(
      Object.keys(sourceDump)
        .filter((t) => !t.startsWith('backup_'))
        .sort(),
    );
    for (const table of Object.keys(after)) expect(after[table], table).toEqual(sourceDump[table]);
    expect(records).toHaveLength(1);

    const fresh = s.path('fresh.sqlite');
    const report = okJson<ImportJson>(await s.run(['backup', 'import', out, '--password-file', pw, '--json'], { vault: fresh }));
    expect(report.items.every((i) => i.status === 'imported')).toBe(true);
    expect(await s.lists(fresh)).toEqual(sourceLists);
    expect(okJson<{ mnemonic: string }>(await s.run(['identity', 'show-phrase', 'Main', '--pin-file', pw, '--json'], { vault: fresh })).mnemonic).toBe(
      LEGAL_WINNER,
    );
    okJson(
      await s.run(['account', 'export', created.address, '--kdf', 'compat', '--out', s.path('created.json'), '--password-file', pw, '--json'], {
        vault: fresh,
      }),
    );
    expect(u8aToHex(oracleOpen(await readJson<KeyringPair$Json>(s.path('created.json')), S.backup).publicKey)).toBe(created.publicKey);
    expect((await s.list<AccountJson>('account', fresh)).find((a) => a.address === derived.address)?.identity).toBe('Main');
  });

  it('an account locked with another password cannot be rekeyed from a file: exit 3, no file written, nothing changed', async () => {
    const b = await sandbox();
    await b.copyVault(src.vault);
    const before = vaultDump(b.vault);
    const pw = await b.secret('pw.txt', S.backup);
    const out = b.path('rekeyed.json');
    expectRefused(await b.run(['backup', 'export', '--rekey', '--out', out, '--password-file', pw]), EXIT.wrongPassword, { secrets: S.all });
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    // A wrong PIN is the one change a failing command may make (the attempt counter); nothing else.
    const after = vaultDump(b.vault);
    expect(after['accounts']).toEqual(before['accounts']);
    expect(after['addresses']).toEqual(before['addresses']);
    expect((after['identities'] as { sealed: string }[]).map((i) => i.sealed)).toEqual((before['identities'] as { sealed: string }[]).map((i) => i.sealed));
  });
});
