import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, DEV_ALICE, DEV_PHRASE, jsonErrorOf } from '../../testIo.js';

/**
 * The identity commands in process (issue 13 item 3): create, recover, derive, show-phrase, list,
 * rename, find, remove — each one's main path and its refusals, those before the PIN asking nothing.
 */

const PIN = '864200';
let box: CliSandbox;
let pin: string;
let phrase: string;

beforeAll(() => {
  box = cliSandbox();
  pin = box.file('pin.txt', PIN);
  phrase = box.file('phrase.txt', DEV_PHRASE);
});
afterAll(() => box.remove());

/** `keepsake identity <argv> --pin-file <the PIN's file>`: its --json answer. */
function withPin<T = unknown>(...argv: string[]): Promise<T> {
  return box.json<T>(['identity', ...argv, '--pin-file', pin]);
}

type Identity = { id: number; name: string; accounts: { address: string; path: string }[] };

describe('identity create and recover', () => {
  it('create: a new 12-word phrase in --mnemonic-out, sealed under the PIN; show-phrase gives it back', async () => {
    const created = await withPin<{ id: number; name: string; mnemonicFile: string }>(
      'create',
      '--name',
      'Fresh',
      '--words',
      '12',
      '--mnemonic-out',
      box.path('fresh.txt'),
    );
    const written = readFileSync(box.path('fresh.txt'), 'utf8').trim();
    expect(written.split(' ')).toHaveLength(12);
    expect(await withPin('show-phrase', String(created.id))).toEqual({ mnemonic: written });
  });

  it('create --words 15: exit 2 in the words of before', async () => {
    const r = await box.run(['identity', 'create', '--name', 'Bad', '--words', '15', '--pin-file', pin, '--json']);
    expect(r.code).toBe(2);
    expect(jsonErrorOf(r).message).toMatch(/^--words is 12 or 24, not "15"\./);
  });

  it('recover: the phrase from a file, the PIN asked twice on a terminal', async () => {
    const r = await box.run(['identity', 'recover', '--name', 'Dev', '--mnemonic-file', phrase], { tty: true, answers: [PIN, PIN] });
    expect(r.code).toBe(0);
    expect(r.prompts).toEqual(['New PIN (at least 6 characters): ', 'Repeat it: ']);
    expect(r.stdout).toMatch(/^Recovered identity \d+ "Dev"\./);
  });

  it('recover: a name that cannot be one is refused before the PIN is asked (exit 2)', async () => {
    const r = await box.run(['identity', 'recover', '--name', ' ', '--mnemonic-file', phrase, '--json'], { tty: true, answers: [PIN, PIN] });
    expect(r.code).toBe(2);
    expect(jsonErrorOf(r).name).toBe('InvalidNameError');
    expect(r.prompts).toEqual([]);
  });

  it('recover: a phrase with a wrong word is refused before the PIN is asked', async () => {
    const bad = box.file('bad-phrase.txt', DEV_PHRASE.replace('curtain', 'curtainx'));
    const r = await box.run(['identity', 'recover', '--name', 'Bad', '--mnemonic-file', bad], { tty: true, answers: [PIN, PIN] });
    expect(r.code).toBe(1);
    expect(r.prompts).toEqual([]);
    expect(r.stderr).not.toContain('curtainx');
  });
});

describe('identity derive, list, find', () => {
  it('derive --path //Alice gives the known address; list shows it under the identity', async () => {
    const derived = await withPin<{ address: string; path: string; status: string }>('derive', 'Dev', '--path', '//Alice', '--name', 'Alice');
    expect(derived).toMatchObject({ address: DEV_ALICE, path: '//Alice', status: 'added' });
    const list = await box.json<Identity[]>(['identity', 'list']);
    expect(list.find((i) => i.name === 'Dev')?.accounts).toEqual([expect.objectContaining({ address: DEV_ALICE, path: '//Alice' })]);
  });

  it('derive again: refused as already in the vault (exit 1); --on-duplicate update keeps the key and changes the name', async () => {
    const again = await box.run(['identity', 'derive', 'Dev', '--path', '//Alice', '--pin-file', pin, '--json']);
    expect(again.code).toBe(1);
    expect(jsonErrorOf(again).name).toBe('DuplicateAccountError');
    const updated = await withPin<{ status: string; name: string }>('derive', 'Dev', '--path', '//Alice', '--name', 'Alice 2', '--on-duplicate', 'update');
    expect(updated).toMatchObject({ status: 'updated', name: 'Alice 2' });
  });

  it('derive with an unknown --type or --on-duplicate: exit 2 before the PIN is asked', async () => {
    for (const extra of [
      ['--type', 'rsa'],
      ['--on-duplicate', 'relock'],
    ]) {
      const r = await box.run(['identity', 'derive', 'Dev', '--path', '//Bob', ...extra], { tty: true, answers: [PIN] });
      expect(r.code).toBe(2);
      expect(r.prompts).toEqual([]);
      expect(r.stderr).toMatch(new RegExp(`^keepsake: ${extra[0]} is .* or .*, not "${extra[1]}"\\. Run \`keepsake identity derive --help\``));
    }
  });

  it('derive with a bad path, an unknown network or from an identity that is not there: refused before the PIN is asked', async () => {
    const cases: [string[], number, string][] = [
      [['Dev', '--path', 'Alice'], 1, 'InvalidPathError'],
      [['Dev', '--network', 'atlantis'], 2, 'UnknownNetworkError'],
      [['Nobody', '--network', 'polkadot'], 1, 'IdentityNotFoundError'],
    ];
    for (const [argv, code, name] of cases) {
      const r = await box.run(['identity', 'derive', ...argv, '--json'], { tty: true, answers: [PIN] });
      expect({ code: r.code, name: jsonErrorOf(r).name, prompts: r.prompts }).toEqual({ code, name, prompts: [] });
    }
  });

  it('a wrong PIN: exit 3, nothing derived', async () => {
    const before = await box.json<Identity[]>(['identity', 'list']);
    const r = await box.run(['identity', 'derive', 'Dev', '--path', '//Charlie', '--json'], { tty: true, answers: ['000000'] });
    expect(r.code).toBe(3);
    expect(jsonErrorOf(r).name).toBe('WrongPinError');
    expect(await box.json<Identity[]>(['identity', 'list'])).toEqual(before);
  });

  it('find: an address that is no address is refused before the PIN is asked (exit 1)', async () => {
    const r = await box.run(['identity', 'find', 'Dev', 'not-an-address'], { tty: true, answers: [PIN] });
    expect(r.code).toBe(1);
    expect(r.prompts).toEqual([]);
  });

  it('an identity that is not there: exit 1, named', async () => {
    const r = await box.run(['identity', 'show-phrase', 'Nobody', '--pin-file', pin, '--json']);
    expect(r.code).toBe(1);
    expect(jsonErrorOf(r).name).toBe('IdentityNotFoundError');
  });
});

describe('identity rename and remove', () => {
  it('rename, then remove with --yes takes its accounts along', async () => {
    expect(await box.json(['identity', 'rename', 'Dev', 'Old dev'])).toMatchObject({ name: 'Old dev' });
    const removed = await box.json<Identity>(['identity', 'remove', 'Old dev', '--yes']);
    expect(removed).toMatchObject({ name: 'Old dev', accounts: [expect.objectContaining({ address: DEV_ALICE })] });
    expect((await box.json<Identity[]>(['identity', 'list'])).map((i) => i.name)).toEqual(['Fresh']);
  });

  it('remove without --yes: exit 2 in a script; on a terminal, answering no removes nothing (exit 1)', async () => {
    const script = await box.run(['identity', 'remove', 'Fresh']);
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/needs confirmation.*--yes/);
    const no = await box.run(['identity', 'remove', 'Fresh'], { tty: 'stdin', answers: ['n'] });
    expect(no.code).toBe(1);
    expect(no.prompts).toEqual(['Remove the identity "Fresh"? [y/N] ']);
    expect(no.stdout).toBe('Nothing was removed.\n');
    expect((await box.json<Identity[]>(['identity', 'list'])).map((i) => i.name)).toEqual(['Fresh']);
  });
});
