import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, DEV_ALICE, DEV_PHRASE, jsonErrorOf } from '../../testIo.js';

/**
 * `backup export|import` in process (issue 13 item 3), with `verify` of the backup between: the
 * whole wallet to one file and into a fresh vault; the refusals before the password is asked.
 */

const PASSWORD = 'backup-password';
let box: CliSandbox;
let other: CliSandbox;
let pw: string;

beforeAll(async () => {
  box = cliSandbox();
  other = cliSandbox();
  pw = box.file('pw.txt', PASSWORD);
  await box.json(['account', 'add', '--name', 'Alice', '--suri-file', box.file('suri.txt', `${DEV_PHRASE}//Alice`), '--password-file', pw]);
  await box.json(['address', 'add', '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac', '--name', 'Alith']);
});
afterAll(() => {
  box.remove();
  other.remove();
});

describe('backup export, verify, import', () => {
  it('exports everything; verify says it would import; import into a fresh vault restores it', async () => {
    const out = box.path('wallet.json');
    const written = await box.run(['backup', 'export', '--out', out, '--json'], { tty: true, answers: [PASSWORD, PASSWORD] });
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ out, format: 'keepsake', accounts: 1, addresses: 1, identities: 0 });
    const verified = await other.run(['verify', out, '--password-file', pw, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ restorable: true });
    // verify only reads: the fresh vault is not made by it.
    expect(existsSync(other.path('vault.sqlite'))).toBe(false);
    const imported = await other.json<{ items: { kind: string; status: string }[] }>(['backup', 'import', out, '--password-file', pw]);
    expect(imported.items.map((i) => `${i.kind} ${i.status}`).sort()).toEqual(['account imported', 'address imported']);
    expect(await other.json(['account', 'list'])).toEqual([expect.objectContaining({ address: DEV_ALICE, name: 'Alice' })]);
  });

  it('import with a wrong password: exit 3, nothing imported', async () => {
    const r = await other.run(['backup', 'import', box.path('wallet.json'), '--json'], { tty: true, answers: ['wrong-password'] });
    expect(r.code).toBe(3);
    expect(await other.json(['account', 'list'])).toHaveLength(1);
  });

  it('export refusals before the password is asked: --format, a name not ending in .json, --pin-file without --rekey', async () => {
    const cases: [string[], RegExp][] = [
      [['--out', box.path('x.json'), '--format', 'zip'], /^--format is keepsake, concordium-desktop or nova, not "zip"\. Run `keepsake backup export --help`/],
      [['--out', box.path('x.txt')], /must end in \.json/],
      [['--out', box.path('x.json'), '--pin-file', pw], /--pin-file is for --rekey/],
    ];
    for (const [argv, message] of cases) {
      const r = await box.run(['backup', 'export', ...argv, '--json'], { tty: true, answers: [PASSWORD, PASSWORD] });
      expect(r.code).toBe(2);
      expect(r.prompts).toEqual([]);
      expect(jsonErrorOf(r).message).toMatch(message);
    }
    expect(existsSync(box.path('x.json'))).toBe(false);
  });

  it('import of a file that is no wallet file: exit 1 before the password is asked', async () => {
    const r = await other.run(['backup', 'import', other.file('notes.json', '{"hello":1}')], { tty: true, answers: [PASSWORD] });
    expect(r.code).toBe(1);
    expect(r.prompts).toEqual([]);
  });
});
