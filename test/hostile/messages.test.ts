/**
 * Issue 12 "Messages and the command line" (#14, #15, #17, #18), through the real CLI: a truncated
 * or empty file is said to be so; templates read as sentences; counts agree with their nouns;
 * Ethereum accounts are named by their 0x address; an address of another network is refused as
 * such; a mistyped --vault for a reading command creates nothing; new passwords have a minimum.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ss58Encode } from '../../src/keys/address.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { EXIT, expectRefused, okJson, sandbox, type RestoreJson, type Sandbox } from '../support/cli.js';
import { DEV_PHRASE, labelledPair, oracleBatch, oracleFile, oracleReady, VECTORS } from '../support/oracle.js';
import { loadVectors } from '../support/vectors.js';

const PW = 'correct horse pässword';
const PIN = '246810';
const SR = VECTORS.json.find((v) => v.keyType === 'sr25519' && v.ss58Prefix === 42)!;
const ETH = VECTORS.json.find((v) => v.keyType === 'ethereum')!;
const ALICE_POLKADOT = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
const ETH_ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
/** A Concordium account address (base58check of version 1 and 32 bytes), from the desktop wallet's tests. */
const CONCORDIUM = '3ZFGxLtnUUSJGW2WqjMh1DDjxyq5rnytCwkSqxFTpsWSFdQnNn';

async function withIdentity(box: Sandbox): Promise<{ pin: string }> {
  const mnemonic = await box.secret('phrase.txt', DEV_PHRASE);
  const pin = await box.secret('pin.txt', PIN);
  okJson(await box.run(['identity', 'recover', '--name', 'Signer', '--mnemonic-file', mnemonic, '--pin-file', pin, '--json']));
  return { pin };
}

/** A vault with Alice in its address book, and its whole-wallet backup (whole.json, locked with PW's file pw.txt). */
async function aliceBackup(): Promise<{ box: Sandbox; pw: string; whole: string }> {
  const box = await sandbox();
  okJson(await box.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice', '--json']));
  const pw = await box.secret('pw.txt', PW);
  const whole = box.path('whole.json');
  okJson(await box.run(['backup', 'export', '--out', whole, '--password-file', pw, '--json']));
  return { box, pw, whole };
}

describe('#14 a cut-off or empty file says so, in every command that reads files', () => {
  const commands = (file: string, pw: string): string[][] => [
    ['inspect', file],
    ['verify', file, '--password-file', pw],
    ['restore', file, '--password-file', pw],
    ['backup', 'import', file, '--password-file', pw],
  ];

  it('an account file cut at 300 bytes: "cut off … after 300 bytes", never "not a JSON file"; nothing created', async () => {
    const box = await sandbox();
    const cut = await box.write('alice.json', JSON.stringify(SR.file).slice(0, 300));
    const pw = await box.secret('pw.txt', SR.password);
    for (const args of commands(cut, pw)) {
      const line = expectRefused(await box.run(args), EXIT.failed, { secrets: [SR.password] });
      expect(line, args[0]).toContain(
        `${cut} is cut off: it starts as a wallet file does, then ends after 300 bytes. It was not copied or downloaded completely; find the full copy.`,
      );
      expect(line, args[0]).not.toMatch(/not a JSON file|picked the backup file/);
    }
    expect(existsSync(box.vault)).toBe(false);
  });

  it('a whole-wallet backup cut short: the same', async () => {
    const { box, pw, whole } = await aliceBackup();
    const text = await readFile(whole, 'utf8');
    const cut = await box.write('whole-cut.json', text.slice(0, Math.floor(text.length / 2)));
    const line = expectRefused(await box.run(['backup', 'import', cut, '--password-file', pw]), EXIT.failed, { secrets: [PW] });
    expect(line).toMatch(/is cut off: .* ends after \d+ bytes\. It was not copied or downloaded completely/);
  });

  it('an empty file: "is empty (0 bytes)"; nothing created', async () => {
    const box = await sandbox();
    const empty = await box.write('empty.json', '');
    const pw = await box.secret('pw.txt', SR.password);
    for (const args of commands(empty, pw)) {
      const line = expectRefused(await box.run(args), EXIT.failed);
      expect(line, args[0]).toContain(`${empty} is empty (0 bytes), so it holds no backup.`);
      expect(line, args[0]).not.toMatch(/not a JSON file/);
    }
    expect(existsSync(box.vault)).toBe(false);
  });
});

describe('#15 messages that read right', () => {
  it('an account file given to backup import: one sentence that names the file kind with its article, then the command that reads it', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', SR.password);
    const account = await box.write('alice.json', SR.file);
    const line = expectRefused(await box.run(['backup', 'import', account, '--password-file', pw]), EXIT.failed, { secrets: [SR.password] });
    expect(line).toBe(
      `keepsake: ${account} is a Polkadot{.js} account file, not a whole-wallet backup: account files are restored, not imported, so nothing was imported. Restore account files with \`keepsake restore FILE\`.`,
    );
    const keystore = await box.write('keystore.json', loadVectors('ethereum-keystore').file);
    const eth = expectRefused(await box.run(['backup', 'import', keystore, '--password-file', pw]), EXIT.failed);
    expect(eth).toContain('is an Ethereum keystore (v3) file, not a whole-wallet backup');
    for (const l of [line, eth]) expect(l).not.toMatch(/cannot import as|this kind of file yet|a Ethereum/);
  });

  it('a whole-wallet backup given to restore: sent to backup import', async () => {
    const { box, pw, whole } = await aliceBackup();
    const line = expectRefused(await box.run(['restore', whole, '--password-file', pw]), EXIT.failed, { report: true, secrets: [PW] });
    expect(line).toContain(
      'is a keepsake whole-wallet backup: it is imported as a whole (identities, accounts and addresses), not read as account files. Import it with `keepsake backup import FILE`.',
    );
    expect(line).not.toMatch(/cannot read accounts|yet\./);
  });

  it('counts agree with their nouns: "1 identity, 1 account, 1 address", "found after 1 candidate"', async () => {
    const box = await sandbox();
    const { pin } = await withIdentity(box);
    const pw = await box.secret('pw.txt', PW);
    const suri = await box.secret('suri.txt', `${DEV_PHRASE}//plural`);
    okJson(await box.run(['account', 'add', '--name', 'One', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']));
    okJson(await box.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice', '--json']));
    const exported = await box.run(['backup', 'export', '--out', box.path('whole.json'), '--password-file', pw]);
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    expect(exported.stdout).toMatch(/\b1 identity\b/);
    expect(exported.stdout).toMatch(/\b1 account\b/);
    expect(exported.stdout).toMatch(/\b1 address\b/);
    expect(exported.stdout).not.toMatch(/\b1 (identities|accounts|addresses)\b/);
    const root = ss58Encode((await pairFromSuri(DEV_PHRASE, 'sr25519')).publicKey, 42);
    const found = await box.run(['identity', 'find', 'Signer', root, '--pin-file', pin]);
    expect(found.code, found.stderr).toBe(EXIT.ok);
    expect(found.stdout).toMatch(/found after trying (1 candidate|\d+ candidates)\./);
    expect(found.stdout).not.toMatch(/\b1 candidates/);
  });

  it('Ethereum accounts are named by their 0x address, not the public key the file holds (restore, inspect of a batch, verify of a batch)', async () => {
    await oracleReady();
    const box = await sandbox();
    const pair = labelledPair('ethereum', 'messages');
    const file = oracleFile(pair, PW);
    expect(file.address).toMatch(/^0x0[23][0-9a-f]{64}$/); // what the file holds: the compressed public key
    const wrong = await box.secret('wrong.pw', 'not the password');
    const single = await box.write('eth.json', file);
    const r = await box.run(['restore', single, '--password-file', wrong, '--json']);
    expect(r.code).toBe(EXIT.wrongPassword);
    const message = (JSON.parse(r.stdout) as RestoreJson).failed[0]!.error.message;
    expect(message).toContain(`Wrong password for ${pair.address}`);
    expect(message).not.toContain(file.address);
    // The older ethereum vector names the key in SS58: the same.
    const vector = await box.write('vector.json', ETH.file);
    const v = expectRefused(await box.run(['verify', vector, '--password-file', wrong]), EXIT.wrongPassword);
    expect(v).toContain(`Wrong password for ${ETH.expectedAddress}`);

    const batch = await box.write('batch.json', oracleBatch([oracleFile(pair, 'its own password'), oracleFile(labelledPair('sr25519', 'in-batch'), PW)], PW));
    const inspected = okJson<{ accounts: { address: string }[]; notes: string[] }>(await box.run(['inspect', batch, '--json']));
    expect(inspected.accounts.map((a) => a.address)).toContain(pair.address);
    expect(JSON.stringify(inspected)).not.toContain(file.address);
    const pw = await box.secret('pw.txt', PW);
    // An entry under its own password would restore (unchecked): verify exits 0 and names it (issue 12 item 2).
    const verified = await box.run(['verify', batch, '--password-file', pw]);
    expect(verified.code, verified.stderr).toBe(EXIT.ok);
    expect(verified.stdout).toMatch(new RegExp(`locked +${pair.address}.*: locked with its own password`));
    expect(verified.stdout + verified.stderr).not.toContain(file.address);
  });

  it("account export: a wrong password speaks of the account kept in the vault, not of a file; an identity account's file opens with the new password", async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const suri = await box.secret('suri.txt', `${DEV_PHRASE}//export`);
    const added = okJson<{ address: string }>(
      await box.run(['account', 'add', '--name', 'Kept', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']),
    );
    const wrong = await box.secret('wrong.pw', 'not the password');
    const line = expectRefused(await box.run(['account', 'export', 'Kept', '--out', box.path('kept.json'), '--password-file', wrong]), EXIT.wrongPassword);
    expect(line).toContain(`Wrong password for ${added.address}: it does not open the account's key kept in the vault; nothing was written.`);
    expect(line).not.toMatch(/the file could not be decrypted|encrypted part of the file/);

    const { pin } = await withIdentity(box);
    okJson(await box.run(['identity', 'derive', 'Signer', '--network', 'polkadot', '--name', 'Derived', '--pin-file', pin, '--json']));
    const filePw = await box.secret('file.pw', 'new file password');
    const r = await box.run(['account', 'export', 'Derived', '--out', box.path('derived.json'), '--pin-file', pin, '--password-file', filePw]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/it opens with the new password you chose for it\.$/m);
    expect(r.stdout).not.toContain("the account's password");
  });

  it('an address of another network is refused as such, saying which network it fits', async () => {
    const box = await sandbox();
    const concordium = expectRefused(await box.run(['address', 'add', CONCORDIUM, '--name', 'c', '--network', 'polkadot']), EXIT.failed);
    expect(concordium).toBe(
      `keepsake: "${CONCORDIUM}" is not a Polkadot Relay Chain address: it is a Concordium one. Leave out --network: the address itself says which kind it is.`,
    );
    expect(concordium).not.toMatch(/checksum|characters long/);
    const ethereum = expectRefused(await box.run(['address', 'add', ETH_ADDRESS, '--name', 'e', '--network', 'kusama']), EXIT.failed);
    expect(ethereum).toContain(`"${ETH_ADDRESS}" is not a Kusama Relay Chain address: it is an Ethereum one.`);
    expect(ethereum).toContain('Moonbeam');
    const polkadot = expectRefused(await box.run(['address', 'add', ALICE_POLKADOT, '--name', 'p', '--network', 'kusama']), EXIT.failed);
    expect(polkadot).toContain(
      'is not a Kusama Relay Chain address: it is a Polkadot Relay Chain one (prefix 0, not 2). Check the network, or give --network polkadot.',
    );
    const listed = okJson<unknown[]>(await box.run(['address', 'list', '--json']));
    expect(listed).toEqual([]);
    // Networks whose accounts are Ethereum ones take it.
    expect(okJson<{ network: string }>(await box.run(['address', 'add', ETH_ADDRESS, '--name', 'moon', '--network', 'moonbeam', '--json'])).network).toBe(
      'moonbeam',
    );
  });
});

describe('#17 a reading command on a mistyped --vault creates nothing', () => {
  it('says there is no vault at that path (exit 1), and the folder does not exist afterwards', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const pin = await box.secret('pin.txt', PIN);
    const typo = box.path('no-such-folder', 'deeper', 'vault.sqlite');
    const reading = [
      ['account', 'list'],
      ['identity', 'list'],
      ['address', 'list'],
      ['identity', 'show-phrase', 'Signer', '--pin-file', pin],
      ['identity', 'derive', 'Signer', '--network', 'polkadot', '--pin-file', pin],
      ['account', 'export', 'Alice', '--out', box.path('a.json'), '--password-file', pw],
      ['account', 'export-all', '--out', box.path('all.json'), '--password-file', pw, '--json'],
      ['backup', 'export', '--out', box.path('whole.json'), '--password-file', pw],
      ['account', 'rename', 'Alice', 'Bob'],
      ['account', 'remove', 'Alice', '--yes'],
      ['address', 'remove', 'Alice'],
    ];
    const message = `There is no vault at ${typo}; nothing was created. A vault is made only when something is first added to it. Check the path given with --vault or $KEEPSAKE_VAULT.`;
    for (const args of reading) {
      const json = args.includes('--json');
      const line = expectRefused(await box.run(['--vault', typo, ...args], { noVaultFlag: true }), EXIT.failed, { secrets: [PW, PIN], json });
      expect(line, args.join(' ')).toBe(json ? message : `keepsake: ${message}`);
      expect(existsSync(box.path('no-such-folder')), args.join(' ')).toBe(false);
    }
    const json = expectRefused(await box.run(['--vault', typo, 'account', 'list', '--json'], { noVaultFlag: true }), EXIT.failed, { json: true });
    expect(json).toContain(`There is no vault at ${typo}`);
    expect(existsSync(box.path('no-such-folder'))).toBe(false);
    // $KEEPSAKE_VAULT, the same.
    expectRefused(await box.run(['account', 'list'], { noVaultFlag: true, env: { KEEPSAKE_VAULT: typo } }), EXIT.failed, { match: /There is no vault at/ });
    expect(existsSync(box.path('no-such-folder'))).toBe(false);
  });

  it('an empty vault names its path; --json stays an empty list with nothing on stderr', async () => {
    const box = await sandbox();
    box.init();
    for (const [noun, words] of [
      ['account', 'has no accounts yet'],
      ['identity', 'has no identities yet'],
      ['address', 'is empty'],
    ] as const) {
      const r = await box.run([noun, 'list']);
      expect(r.code, r.stderr).toBe(EXIT.ok);
      expect(r.stdout).toContain(box.vault);
      expect(r.stdout).toContain(words);
      const json = await box.run([noun, 'list', '--json']);
      expect(JSON.parse(json.stdout)).toEqual([]);
      expect(json.stderr).toBe('');
    }
  });
});

describe('#18 new passwords have at least 6 characters, as PINs and backup passwords do', () => {
  it('account add and create refuse a 5-character password (exit 2) and add nothing', async () => {
    const box = await sandbox();
    const short = await box.secret('short.pw', 'abcde');
    const suri = await box.secret('suri.txt', `${DEV_PHRASE}//short`);
    const add = expectRefused(await box.run(['account', 'add', '--name', 'S', '--suri-file', suri, '--password-file', short]), EXIT.usage, {
      secrets: ['abcde'],
    });
    expect(add).toMatch(/account password must have at least 6 characters/);
    const create = expectRefused(
      await box.run(['account', 'create', '--name', 'S', '--password-file', short, '--mnemonic-out', box.path('m.txt')]),
      EXIT.usage,
      { secrets: ['abcde'] },
    );
    expect(create).toMatch(/account password must have at least 6 characters/);
    expect(existsSync(box.path('m.txt'))).toBe(false);
    expect(await box.list()).toEqual([]);
    // Six characters (of any kind) are enough.
    const six = await box.secret('six.pw', 'äbcdé1');
    okJson(await box.run(['account', 'add', '--name', 'S', '--suri-file', suri, '--password-file', six, '--kdf', 'compat', '--json']));
  });

  it("an identity account's new file password and the batch password, before any PIN is tried", async () => {
    const box = await sandbox();
    const { pin } = await withIdentity(box);
    okJson(await box.run(['identity', 'derive', 'Signer', '--network', 'polkadot', '--name', 'Derived', '--pin-file', pin, '--json']));
    const short = await box.secret('short.pw', '12345');
    const wrongPin = await box.secret('wrong-pin.txt', '999999');
    // With a wrong PIN too: the short password is refused first, so no wrong PIN is counted.
    const file = expectRefused(
      await box.run(['account', 'export', 'Derived', '--out', box.path('d.json'), '--pin-file', wrongPin, '--password-file', short]),
      EXIT.usage,
      { secrets: ['12345', '999999'] },
    );
    expect(file).toMatch(/file password must have at least 6 characters/);
    expect(existsSync(box.path('d.json'))).toBe(false);
    const db = new Database(box.vault, { readonly: true });
    expect(db.prepare('SELECT failed_attempts FROM identities').get()).toEqual({ failed_attempts: 0 }); // no PIN was tried
    db.close();
    const batch = expectRefused(await box.run(['account', 'export-all', '--out', box.path('all.json'), '--password-file', short, '--json']), EXIT.usage, {
      secrets: ['12345'],
      json: true,
    });
    expect(batch).toMatch(/batch password must have at least 6 characters/);
    expect(existsSync(box.path('all.json'))).toBe(false);
  });
});
