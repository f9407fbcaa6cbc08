import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, DEV_ALICE, DEV_PHRASE, jsonErrorOf } from '../../testIo.js';

/**
 * The account commands other than create, in process (issue 13 item 3): add, list, rename, export,
 * export-all, verify, remove — each one's main path and its refusals, those before a prompt asking nothing.
 */

const PASSWORD = 'account-password';
let box: CliSandbox;
let pw: string;
let suri: string;

beforeAll(() => {
  box = cliSandbox();
  pw = box.file('pw.txt', PASSWORD);
  suri = box.file('suri.txt', `${DEV_PHRASE}//Alice`);
});
afterAll(() => box.remove());

type Account = { address: string; name: string; network: string | null; verified: boolean };

describe('account add', () => {
  it('adds //Alice from a phrase file, at the known address', async () => {
    const added = await box.json<Account & { status?: string }>(['account', 'add', '--name', 'Alice', '--suri-file', suri, '--password-file', pw]);
    expect(added).toMatchObject({ address: DEV_ALICE, name: 'Alice' });
  });

  it('the same key again: refused (exit 1) before a password is asked; --on-duplicate update renames it, asking none', async () => {
    const again = await box.run(['account', 'add', '--name', 'Again', '--suri-file', suri, '--json'], { tty: true, answers: [PASSWORD, PASSWORD] });
    expect(again.code).toBe(1);
    expect(again.prompts).toEqual([]);
    expect(jsonErrorOf(again).name).toBe('DuplicateAccountError');
    const updated = await box.run(
      ['account', 'add', '--name', 'Alice (kusama)', '--network', 'kusama', '--suri-file', suri, '--on-duplicate', 'update', '--json'],
      { tty: true, answers: [] },
    );
    expect(updated.code).toBe(0);
    expect(updated.prompts).toEqual([]);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      status: 'updated',
      name: 'Alice (kusama)',
      network: 'kusama',
      previous: { name: 'Alice', network: 'substrate' },
    });
  });

  it('--on-duplicate merge: exit 2, the allowed values named', async () => {
    const r = await box.run(['account', 'add', '--name', 'X', '--suri-file', suri, '--on-duplicate', 'merge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'keepsake: --on-duplicate is refuse, update or relock, not "merge". Run `keepsake account add --help` to see its options and an example.\n',
    );
  });
});

describe('account list and rename', () => {
  it('lists the account in its network format, or in the one asked for', async () => {
    const [own] = await box.json<Account[]>(['account', 'list']);
    expect(own).toMatchObject({ name: 'Alice (kusama)', network: 'kusama' });
    const [generic] = await box.json<Account[]>(['account', 'list', '--network', 'substrate']);
    expect(generic!.address).toBe(DEV_ALICE);
  });

  it('renames it by address; a name that is not there is refused (exit 1)', async () => {
    expect(await box.json(['account', 'rename', DEV_ALICE, 'Alice'])).toMatchObject({ name: 'Alice' });
    const r = await box.run(['account', 'rename', 'Nobody', 'X', '--json']);
    expect(r.code).toBe(1);
    expect(jsonErrorOf(r).name).toBe('AccountNotFoundError');
  });
});

describe('account export, export-all and verify', () => {
  it('export: a Polkadot{.js} file (compat) that opens with the password; a wrong password writes nothing (exit 3)', async () => {
    const out = box.path('alice.json');
    expect(await box.json(['account', 'export', 'Alice', '--out', out, '--kdf', 'compat', '--password-file', pw])).toEqual({
      address: expect.any(String),
      out,
    });
    const inspected = await box.json<{ kdf: { N: number } }>(['inspect', out]);
    expect(inspected.kdf.N).toBe(1 << 15);
    const wrong = await box.run(['account', 'export', 'Alice', '--out', box.path('wrong.json'), '--json'], { tty: true, answers: ['not-the-password'] });
    expect(wrong.code).toBe(3);
    expect(existsSync(box.path('wrong.json'))).toBe(false);
  });

  it('export --format pdf or --kdf weak: exit 2 before the password is asked', async () => {
    for (const extra of [
      ['--format', 'pdf'],
      ['--kdf', 'weak'],
    ]) {
      const r = await box.run(['account', 'export', 'Alice', '--out', box.path('x.json'), ...extra], { tty: true, answers: [PASSWORD] });
      expect(r.code).toBe(2);
      expect(r.prompts).toEqual([]);
    }
  });

  it('export-all: the batch password asked twice, the file written; an existing --out is refused first (exit 1)', async () => {
    const out = box.path('all.json');
    const r = await box.run(['account', 'export-all', '--out', out, '--json'], { tty: true, answers: [PASSWORD, PASSWORD] });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ out, accounts: 1, rekeyed: false });
    const exists = await box.run(['account', 'export-all', '--out', out, '--json'], { tty: true, answers: [] });
    expect(exists.code).toBe(1);
    expect(jsonErrorOf(exists).name).toBe('OutputExistsError');
    expect(exists.prompts).toEqual([]);
    expect(JSON.parse(readFileSync(out, 'utf8')).accounts).toHaveLength(1);
  });

  it('verify: the key checked with the password', async () => {
    expect(await box.json(['account', 'verify', 'Alice', '--password-file', pw])).toMatchObject({ name: 'Alice', network: 'kusama', wasVerified: true });
  });
});

describe('account remove', () => {
  it('needs --yes in a script (exit 2); on a terminal, no keeps it (exit 1); --yes removes it', async () => {
    expect((await box.run(['account', 'remove', 'Alice'])).code).toBe(2);
    const no = await box.run(['account', 'remove', 'Alice'], { tty: 'stdin', answers: ['no'] });
    expect(no.code).toBe(1);
    expect(no.prompts).toEqual([expect.stringMatching(/^Remove \S+ "Alice" from the vault\? .* \[y\/N\] $/)]);
    expect(await box.json(['account', 'remove', 'Alice', '--yes'])).toMatchObject({ name: 'Alice' });
    expect(await box.json(['account', 'list'])).toEqual([]);
  });
});
