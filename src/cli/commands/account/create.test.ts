import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, jsonErrorOf } from '../../testIo.js';

/** `account create` in process (issue 13 item 3): the account, its phrase file and backup; the refusals, before any prompt. */

const PASSWORD = 'create-password';
let box: CliSandbox;
let pw: string;

beforeAll(() => {
  box = cliSandbox();
  pw = box.file('pw.txt', PASSWORD);
});
afterAll(() => box.remove());

type Created = { address: string; name: string; type: string; network: string; backup: string | null; mnemonicFile: string | null };

describe('account create', () => {
  it('makes the vault, the account, its phrase file (0600) and its backup file, and lists it', async () => {
    const created = await box.json<Created>([
      'account',
      'create',
      '--name',
      'Savings',
      '--network',
      'polkadot',
      '--words',
      '24',
      '--password-file',
      pw,
      '--mnemonic-out',
      box.path('m.txt'),
      '--backup',
      box.path('b.json'),
    ]);
    expect(created).toMatchObject({ name: 'Savings', type: 'sr25519', network: 'polkadot', backup: box.path('b.json'), mnemonicFile: box.path('m.txt') });
    expect(readFileSync(box.path('m.txt'), 'utf8').trim().split(' ')).toHaveLength(24);
    expect(statSync(box.path('m.txt')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(box.path('b.json'), 'utf8'))).toMatchObject({ address: created.address });
    const list = await box.json<{ address: string; name: string }[]>(['account', 'list']);
    expect(list).toEqual([expect.objectContaining({ address: created.address, name: 'Savings' })]);
  });

  it('on a terminal: the password is asked twice and the phrase is shown once, on stderr', async () => {
    const r = await box.run(['account', 'create', '--name', 'Typed'], { tty: true, answers: [PASSWORD, PASSWORD] });
    expect(r.code).toBe(0);
    expect(r.prompts).toEqual(['New password for the account (at least 6 characters): ', 'Repeat it: ']);
    expect(r.stderr).toMatch(/Your new recovery phrase.*\n\n {4}(\S+ ){11}\S+\n/);
    expect(r.stdout).toMatch(/^Added \S+ "Typed" \(sr25519, substrate\)\.\n$/);
    expect(r.stderr).not.toContain(PASSWORD);
  });

  it.each([
    [['--words', '15'], '--words is 12 or 24, not "15".'],
    [['--type', 'sr25520'], '--type is sr25519, ed25519, ecdsa or ethereum, not "sr25520".'],
    [['--kdf', 'fast'], '--kdf is default or compat, not "fast".'],
  ])('%j: exit 2, one sentence naming the allowed values, nothing asked or made', async (extra, sentence) => {
    const before = await box.json<unknown[]>(['account', 'list']);
    const r = await box.run(['account', 'create', '--name', 'Nope', '--mnemonic-out', box.path('no.txt'), ...extra, '--json'], { tty: true, answers: [] });
    expect(r.code).toBe(2);
    expect(jsonErrorOf(r)).toEqual({ name: 'UsageError', message: `${sentence} Run \`keepsake account create --help\` to see its options and an example.` });
    expect(r.prompts).toEqual([]);
    expect(existsSync(box.path('no.txt'))).toBe(false);
    expect(await box.json<unknown[]>(['account', 'list'])).toEqual(before);
  });

  it('the same without --json: "keepsake: " and the sentence on stderr', async () => {
    const r = await box.run(['account', 'create', '--name', 'Nope', '--words', '15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('keepsake: --words is 12 or 24, not "15". Run `keepsake account create --help` to see its options and an example.\n');
  });

  it('no password source and no terminal: exit 2, nothing made', async () => {
    const r = await box.run(['account', 'create', '--name', 'Nope', '--mnemonic-out', box.path('no.txt'), '--json']);
    expect(r.code).toBe(2);
    expect(jsonErrorOf(r).name).toBe('PasswordRequiredError');
    expect(existsSync(box.path('no.txt'))).toBe(false);
  });

  it('no --mnemonic-out when not on a terminal: exit 2 before the password is read', async () => {
    const r = await box.run(['account', 'create', '--name', 'Nope', '--password-file', pw]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keepsake: .*--mnemonic-out/);
  });
});
