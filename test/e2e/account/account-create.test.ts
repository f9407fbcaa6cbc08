/**
 * `keepsake account create` and `keepsake account add` end to end (issue 3): a new phrase shown once
 * or written to a private file, key types, networks, "Create and backup account", known-answer
 * addresses from a phrase + path, and the refusals (bad word, bad checksum, duplicate, usage).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { mnemonicValidate } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountJson,
  type CliResult,
  EXIT,
  HAS_SCRIPT,
  expectListShape,
  expectNoSecrets,
  expectRefused,
  expectVaultPrivate,
  fileMode,
  okJson,
  readJson,
  runAccount,
  sandbox,
  sandboxFrom,
  type Sandbox,
  type Template,
  template,
} from '../../support/cli.js';
import { hex, type KeyType, oracleOpen, oraclePair, oracleReady, scryptNOf, VECTORS } from '../../support/oracle.js';

const PW = 'account-Secret-pw-9';
const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const ETH_PATH = "/m/44'/60'/0'/0/0";

/** //Alice (sr25519) in a vault, so "unchanged" is checked against a vault that holds something. */
let seeded: Template;

beforeAll(async () => {
  await oracleReady();
  seeded = await template(async (box) => {
    const pw = await box.secret('seed-pw.txt', PW);
    const suri = await box.secret('seed-suri.txt', `${VECTORS.devPhrase}//Alice`);
    okJson<AccountJson>(await runAccount(box, 'add', pw, 'Alice', '--suri-file', suri));
  });
});

afterAll(async () => {
  await seeded?.remove();
});

type Created = AccountJson & { backup: string | null; mnemonicFile: string | null };

/** The recovery phrase printed on stderr by `account create` (the one run of 12 or 24 lowercase words). */
function phraseIn(stderr: string): string | undefined {
  const found = stderr.match(/\b[a-z]+(?: [a-z]+){11}(?: [a-z]+){0,12}\b/g) ?? [];
  return found.find((p) => [12, 24].includes(p.split(' ').length) && mnemonicValidate(p));
}

/** The vault's bytes (and its WAL, if one is left) hold none of `secrets`. */
async function expectNotInVault(box: Sandbox, secrets: readonly string[]): Promise<void> {
  const parts = [await readFile(box.vault)];
  for (const extra of ['-wal', '-journal']) parts.push(await readFile(box.vault + extra).catch(() => Buffer.alloc(0)));
  const bytes = Buffer.concat(parts);
  for (const s of secrets) expect(bytes.includes(Buffer.from(s, 'utf8')), `the vault holds a secret in clear: ${s.slice(0, 12)}…`).toBe(false);
}

/** `account create --name NAME [args…] --mnemonic-out FILE` in a fresh sandbox, which must succeed: the run, the new account and its phrase. */
async function createNew(name: string, ...args: string[]): Promise<{ box: Sandbox; r: CliResult; created: Created; out: string; phrase: string }> {
  const box = await sandbox();
  const pw = await box.secret('pw.txt', PW);
  const out = box.path('phrase.txt');
  const r = await runAccount(box, 'create', pw, name, ...args, '--mnemonic-out', out);
  const created = okJson<Created>(r);
  return { box, r, created, out, phrase: (await readFile(out, 'utf8')).trim() };
}

/** A copy of the seeded vault, with the password in a file, for a refusal that must leave it as it was. */
async function seededBox(): Promise<{ box: Sandbox; pw: string }> {
  const box = await sandboxFrom(seeded);
  return { box, pw: await box.secret('pw.txt', PW) };
}

/** The vault lists exactly what the seeded vault listed. */
async function expectUnchanged(box: Sandbox): Promise<void> {
  expect(await box.list()).toEqual(seeded.accounts);
}

describe('account create', () => {
  // The phrase is shown only on a terminal (security review #12: a non-terminal stderr is a log, and
  // --json output is for programs); test/hostile/phrase-output.test.ts pins the refusal elsewhere.
  it.skipIf(!HAS_SCRIPT)('on a terminal, shows the new 12-word phrase once, on stderr, and adds the account derived from it', async () => {
    const box = await sandbox();
    const r = await box.tty(
      ['account', 'create', '--name', 'Fresh', '--kdf', 'compat'],
      [
        { wait: /New password/, send: PW },
        { wait: /Repeat/, send: PW },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).not.toContain(PW);
    const phrase = phraseIn(r.transcript);
    expect(phrase, `no phrase shown: ${r.transcript}`).toBeDefined();
    expect(phrase!.split(' ')).toHaveLength(12);
    expect(r.transcript.split(phrase!).length - 1).toBe(1);
    const accounts = await box.list();
    expect(accounts[0]).toMatchObject({ name: 'Fresh', type: 'sr25519', publicKey: hex(oraclePair('sr25519', phrase!).publicKey) });
    expectListShape(accounts);
    expect(accounts).toEqual([expect.objectContaining({ name: 'Fresh', address: oraclePair('sr25519', phrase!).address })]);
    expectVaultPrivate(box.vault);
    await expectNotInVault(box, [phrase!, PW]);
  });

  it('writes the phrase to --mnemonic-out (mode 0600) instead of showing it; --words 24', async () => {
    const { box, r, created, out, phrase } = await createNew('Long', '--words', '24');
    expect(fileMode(out)).toBe(0o600);
    expect(phrase.split(/\s+/)).toHaveLength(24);
    expect(mnemonicValidate(phrase)).toBe(true);
    expectNoSecrets(r, [phrase, PW, phrase.split(' ').slice(0, 3).join(' ')]);
    expect(created.publicKey).toBe(hex(oraclePair('sr25519', phrase).publicKey));
    await expectNotInVault(box, [phrase]);
  });

  it('--backup writes the account file right away; it opens in @polkadot/keyring with the password', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const out = box.path('backup.json');
    const phraseFile = box.path('phrase.txt');
    const r = await box.run(['account', 'create', '--name', 'Backed up', '--password-file', pw, '--backup', out, '--mnemonic-out', phraseFile, '--json']);
    const created = okJson<Created>(r);
    const file = await readJson<KeyringPair$Json>(out);
    expect(scryptNOf(file)).toBe(1 << 17);
    expect(file.meta.name).toBe('Backed up');
    const pair = oracleOpen(file, PW);
    const fromPhrase = oraclePair('sr25519', (await readFile(phraseFile, 'utf8')).trim());
    expect(hex(pair.publicKey)).toBe(hex(fromPhrase.publicKey));
    expect(hex(pair.publicKey)).toBe(created.publicKey);
    const message = new TextEncoder().encode('backed up');
    expect(fromPhrase.verify(message, pair.sign(message), pair.publicKey)).toBe(true);
    expect(() => oracleOpen(file, 'not-' + PW)).toThrow();
  });

  it.each<[KeyType, string]>([
    ['ed25519', ''],
    ['ecdsa', ''],
    ['ethereum', ETH_PATH],
  ])('--type %s creates that key type from the new phrase', async (type, path) => {
    const { box, created, phrase } = await createNew(type, '--type', type);
    const expected = oraclePair(type, phrase + path);
    expect(created).toMatchObject({ type, publicKey: hex(expected.publicKey), address: expected.address });
    if (type === 'ethereum') expect(created.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await box.list()).toEqual([expect.objectContaining({ type, publicKey: hex(expected.publicKey) })]);
  });

  it('--path derives the account on the new phrase (phrase//savings)', async () => {
    const { created, phrase } = await createNew('Derived', '--path', '//savings');
    expect(created.publicKey).toBe(hex(oraclePair('sr25519', `${phrase}//savings`).publicKey));
    expect(created.publicKey).not.toBe(hex(oraclePair('sr25519', phrase).publicKey));
  });

  it('--network polkadot gives a Polkadot address (starting with 1) and genesis hash', async () => {
    const { box, created } = await createNew('Dot', '--network', 'polkadot');
    expect(created.address).toMatch(/^1/);
    expect(created.network).toBe('polkadot');
    expect(created.genesisHash).toBe(POLKADOT_GENESIS);
    const [listed] = await box.list();
    expect(listed).toMatchObject({ address: created.address, network: 'polkadot', genesisHash: POLKADOT_GENESIS });
  });

  describe('refusals leave the vault unchanged', () => {
    it.each<[string, string[], number]>([
      ['--words 15', ['--words', '15'], EXIT.usage],
      ['--type sr25520', ['--type', 'sr25520'], EXIT.usage],
      ['--network atlantis', ['--network', 'atlantis'], EXIT.usage],
      ['--kdf fast', ['--kdf', 'fast'], EXIT.usage],
    ])('%s → usage error', async (_label, extra, code) => {
      const { box, pw } = await seededBox();
      const r = await box.run(['account', 'create', '--name', 'Nope', '--password-file', pw, '--mnemonic-out', box.path('m.txt'), ...extra]);
      expectRefused(r, code, { secrets: [PW] });
      await expectUnchanged(box);
      await expect(stat(box.path('m.txt'))).rejects.toThrow();
    });

    it('no password source and no terminal → exit 2', async () => {
      const box = await sandboxFrom(seeded);
      const r = await box.run(['account', 'create', '--name', 'Nope', '--mnemonic-out', box.path('m.txt')]);
      expectRefused(r, EXIT.usage, { match: /password/ });
      await expectUnchanged(box);
    });

    it('an existing --backup file without --force → exit 1, the file untouched', async () => {
      const { box, pw } = await seededBox();
      const out = await box.write('taken.json', 'my precious old backup\n');
      const r = await box.run(['account', 'create', '--name', 'Nope', '--password-file', pw, '--backup', out, '--kdf', 'compat']);
      expectRefused(r, EXIT.failed, { secrets: [PW], match: /taken\.json/ });
      expect(await readFile(out, 'utf8')).toBe('my precious old backup\n');
      await expectUnchanged(box);
    });

    it('an existing --mnemonic-out file without --force → exit 1, the file untouched, no phrase shown', async () => {
      const { box, pw } = await seededBox();
      const out = await box.write('phrase.txt', 'old phrase file\n');
      const r = await box.run(['account', 'create', '--name', 'Nope', '--password-file', pw, '--mnemonic-out', out, '--kdf', 'compat']);
      expectRefused(r, EXIT.failed, { secrets: [PW] });
      expect(phraseIn(r.stderr)).toBeUndefined();
      expect(await readFile(out, 'utf8')).toBe('old phrase file\n');
      await expectUnchanged(box);
    });
  });
});

describe('account add', () => {
  // Known answers (vectors/polkadot-js.json): phrase + path + type → public key and address.
  // A subset that covers every key type and every path shape (hard, soft, mixed, ///password, BIP-44), to keep the run short.
  const picks = VECTORS.suri.filter((v) => v.address42 !== undefined && (v.type !== 'sr25519' || /\/\/\/password$|walk\/foo$|\/\/69$|\/\/stash$/.test(v.suri)));
  const kusama = VECTORS.suri.filter((v) => v.address2 !== undefined);

  it(`gives the known address for ${picks.length} phrase + path vectors (all key types)`, async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    for (const [i, v] of picks.entries()) {
      const suri = await box.secret(`suri-${i}.txt`, v.suri);
      const r = await runAccount(box, 'add', pw, `v${i}`, '--type', v.type, '--suri-file', suri);
      expectNoSecrets(r, [PW, v.suri.split('/')[0]!]);
      const added = okJson<AccountJson>(r);
      expect(added, `vector ${i}: ${v.type} …${v.suri.slice(-30)}`).toMatchObject({ type: v.type, publicKey: v.publicKey, address: v.address42 });
    }
    const accounts = await box.list();
    expectListShape(accounts);
    expect(accounts.map((a) => a.address)).toEqual(picks.map((v) => v.address42));
  });

  it('gives the known Kusama addresses with --network kusama', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    for (const [i, v] of kusama.entries()) {
      const suri = await box.secret(`suri-${i}.txt`, v.suri);
      const r = await runAccount(box, 'add', pw, `k${i}`, '--type', v.type, '--network', 'kusama', '--suri-file', suri);
      expect(okJson<AccountJson>(r)).toMatchObject({ publicKey: v.publicKey, address: v.address2, network: 'kusama' });
    }
  });

  it('reads the phrase from standard input (--suri-file -) and a 0x seed works too', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const alice = VECTORS.suri.find((v) => v.suri.endsWith('//Alice') && v.type === 'sr25519')!;
    const r = await box.run(['account', 'add', '--name', 'Alice', '--suri-file', '-', '--password-file', pw, '--kdf', 'compat', '--json'], {
      stdin: alice.suri + '\n',
    });
    expect(okJson<AccountJson>(r)).toMatchObject({ address: alice.address42 });
    const seed = '0x' + 'ab'.repeat(32);
    const seedFile = await box.secret('seed.txt', `${seed}//hard/soft`);
    const r2 = await runAccount(box, 'add', pw, 'Seeded', '--suri-file', seedFile);
    expectNoSecrets(r2, ['ab'.repeat(32)]);
    expect(okJson<AccountJson>(r2)).toMatchObject({ publicKey: hex(oraclePair('sr25519', `${seed}//hard/soft`).publicKey) });
    const seedFile2 = await box.secret('seed2.txt', `${seed}//hard`);
    const r3 = await runAccount(box, 'add', pw, 'Seeded ed', '--type', 'ed25519', '--suri-file', seedFile2);
    expect(okJson<AccountJson>(r3)).toMatchObject({ publicKey: hex(oraclePair('ed25519', `${seed}//hard`).publicKey) });
  });

  it('--backup writes a file @polkadot/keyring opens with the new password, holding the same key', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const v = VECTORS.suri.find((x) => x.type === 'ed25519' && x.suri.endsWith('//Alice'))!;
    const suri = await box.secret('suri.txt', v.suri);
    const out = box.path('alice-ed.json');
    const r = await runAccount(box, 'add', pw, 'Alice ed', '--type', 'ed25519', '--suri-file', suri, '--backup', out);
    okJson<AccountJson>(r);
    const file = await readJson<KeyringPair$Json>(out);
    expect(scryptNOf(file)).toBe(1 << 15);
    const pair = oracleOpen(file, PW);
    const expected = oraclePair('ed25519', v.suri);
    expect(hex(pair.publicKey)).toBe(v.publicKey);
    expect(hex(pair.encodePkcs8())).toBe(hex(expected.encodePkcs8()));
  });

  it('two processes adding to one vault at the same time both succeed', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    box.init(); // create the vault first, so both processes open an existing one
    const vs = picks.slice(0, 4);
    const runs = await Promise.all(
      vs.map(async (v, i) => {
        const suri = await box.secret(`suri-${i}.txt`, v.suri);
        return runAccount(box, 'add', pw, `p${i}`, '--type', v.type, '--suri-file', suri);
      }),
    );
    for (const r of runs) okJson<AccountJson>(r);
    expect((await box.list()).map((a) => a.publicKey).sort()).toEqual(vs.map((v) => v.publicKey).sort());
  });

  describe('refusals leave the vault unchanged', () => {
    it('a word not in the BIP-39 list → exit 1, naming its position (never the word, nor the rest of the phrase)', async () => {
      const { box, pw } = await seededBox();
      const suri = await box.secret('suri.txt', 'bottom drive obey lake curtain smoke basket hold racoon lonely fit walk');
      const r = await box.run(['account', 'add', '--name', 'Typo', '--suri-file', suri, '--password-file', pw]);
      const line = expectRefused(r, EXIT.failed, { secrets: [PW, 'bottom drive obey', 'lonely fit walk', 'racoon'] });
      expect(line).toMatch(/Word 9\b/);
      await expectUnchanged(box);
    });

    it('a soft junction on an ed25519 key (which has none) → exit 1, vault unchanged', async () => {
      const { box, pw } = await seededBox();
      const suri = await box.secret('suri.txt', `${VECTORS.devPhrase}//hard/soft`);
      const r = await box.run(['account', 'add', '--name', 'Soft', '--type', 'ed25519', '--suri-file', suri, '--password-file', pw]);
      expectRefused(r, EXIT.failed, { secrets: [PW, VECTORS.devPhrase] });
      await expectUnchanged(box);
    });

    it('a bad checksum → exit 1, vault unchanged', async () => {
      const { box, pw } = await seededBox();
      const suri = await box.secret('suri.txt', 'bottom drive obey lake curtain smoke basket hold race lonely fit fit');
      const r = await box.run(['account', 'add', '--name', 'Checksum', '--suri-file', suri, '--password-file', pw]);
      expectRefused(r, EXIT.failed, { secrets: [PW, 'bottom drive obey'], match: /checksum/i });
      await expectUnchanged(box);
    });

    it('an account already in the vault → exit 1, vault unchanged (name kept)', async () => {
      const { box, pw } = await seededBox();
      const suri = await box.secret('suri.txt', `${VECTORS.devPhrase}//Alice`);
      const r = await box.run(['account', 'add', '--name', 'Alice again', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat']);
      expectRefused(r, EXIT.failed, { secrets: [PW, VECTORS.devPhrase], match: /already/ });
      await expectUnchanged(box);
    });

    it('a duplicate with --backup writes no backup file', async () => {
      const { box, pw } = await seededBox();
      const suri = await box.secret('suri.txt', `${VECTORS.devPhrase}//Alice`);
      const out = box.path('dup.json');
      const r = await box.run(['account', 'add', '--name', 'Alice again', '--suri-file', suri, '--password-file', pw, '--backup', out, '--kdf', 'compat']);
      expectRefused(r, EXIT.failed, { secrets: [PW] });
      await expect(stat(out)).rejects.toThrow();
    });

    it('an empty suri file → refused, vault unchanged', async () => {
      const { box, pw } = await seededBox();
      const suri = box.path('empty.txt');
      await writeFile(suri, '');
      const r = await box.run(['account', 'add', '--name', 'Empty', '--suri-file', suri, '--password-file', pw]);
      expect([EXIT.failed, EXIT.usage]).toContain(r.code);
      expectRefused(r, r.code!, { secrets: [PW] });
      await expectUnchanged(box);
    });

    it('an empty password → exit 2, vault unchanged', async () => {
      const box = await sandboxFrom(seeded);
      const pw = await box.secret('empty-pw.txt', '');
      const suri = await box.secret('suri.txt', `${VECTORS.devPhrase}//Bob`);
      const r = await box.run(['account', 'add', '--name', 'Bob', '--suri-file', suri, '--password-file', pw]);
      expectRefused(r, EXIT.usage, { secrets: [VECTORS.devPhrase] });
      await expectUnchanged(box);
    });
  });
});
