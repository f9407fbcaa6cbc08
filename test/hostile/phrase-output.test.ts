/**
 * Security review #12 and #13 (issue 11 item 12): a new recovery phrase is shown only on a terminal,
 * never written to a stderr that is a file, a pipe or CI output, nor with --json; without a terminal
 * `--mnemonic-out FILE` is required, and the refusal comes before any work (no vault change, no file).
 * A failed `account create` leaves no phrase file behind: the phrase file, the backup file and the
 * vault change together or not at all.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first). The
 * child's stdout and stderr are pipes, as `> stdout.log 2> stderr.log` makes them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { type CliResult, EXIT, expectRefused, sandbox, type Sandbox } from '../support/cli.js';

const PW = 'phrase-out-Secret-7';
const PIN = '864213';
const WORDS = new Set(wordlist);

/** The longest run of consecutive BIP-39 words in `text` (a shown phrase is a run of 12 or 24). */
function longestWordRun(text: string): number {
  let run = 0;
  let longest = 0;
  for (const token of text.split(/[^a-z]+/)) {
    run = WORDS.has(token) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** No phrase in either stream, and the refusal is the documented usage error naming --mnemonic-out. */
function expectPhraseRefused(r: CliResult, json: boolean): void {
  const message = expectRefused(r, EXIT.usage, { json, match: /--mnemonic-out FILE/ });
  expect(message).toMatch(/only on a terminal/);
  expect(longestWordRun(r.stderr)).toBeLessThan(12);
  expect(longestWordRun(r.stdout)).toBeLessThan(12);
}

/** What is in the sandbox folder (the vault, its inputs, and any file a command left). */
function folder(box: Sandbox): string[] {
  return readdirSync(box.dir).sort();
}

/** The two ways a run has no terminal to show a phrase on: --json, or stderr redirected (a pipe here). */
const NOT_A_TERMINAL: [string, string[]][] = [
  ['--json', ['--json']],
  ['stderr a file or pipe', []],
];

describe('the new phrase never goes to a stderr that is not a terminal (review #12)', () => {
  it.each(NOT_A_TERMINAL)('account create, %s, without --mnemonic-out: exit 2 before any work — no phrase, no account, no file', async (_label, extra) => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const before = folder(box);
    const r = await box.run([...extra, 'account', 'create', '--name', 'Piped', '--password-file', pw, '--kdf', 'compat']);
    expectPhraseRefused(r, extra.length > 0);
    expect(folder(box)).toEqual(before); // not even the vault was created
    expect(await box.list()).toEqual([]);
  });

  it.each(NOT_A_TERMINAL)('identity create, %s, without --mnemonic-out: exit 2 before any work — no phrase, no identity', async (_label, extra) => {
    const box = await sandbox();
    const pin = await box.secret('pin.txt', PIN);
    const before = folder(box);
    const r = await box.run([...extra, 'identity', 'create', '--name', 'Piped', '--pin-file', pin]);
    expectPhraseRefused(r, extra.length > 0);
    expect(folder(box)).toEqual(before);
    // No vault at all, so no identity (`identity list` created an empty vault here before issue 12 #17; now it refuses a missing one).
    expect(existsSync(box.vault)).toBe(false);
  });

  it('with --mnemonic-out the phrase goes to that file (0600) and nowhere else', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const out = box.path('m.txt');
    const r = await box.run(['account', 'create', '--name', 'Filed', '--password-file', pw, '--mnemonic-out', out, '--kdf', 'compat']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(longestWordRun(r.stderr + r.stdout)).toBeLessThan(12);
  });
});

describe('a failed account create leaves no phrase file (review #13)', () => {
  it('--backup naming a folder (with --force): exit 1 "nothing was changed", and no phrase file, no account', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    await mkdir(box.path('bdir'));
    const r = await box.run([
      'account',
      'create',
      '--name',
      'Leftover',
      '--password-file',
      pw,
      '--mnemonic-out',
      box.path('left-m.txt'),
      '--backup',
      box.path('bdir'),
      '--force',
      '--kdf',
      'compat',
    ]);
    expectRefused(r, EXIT.failed, { match: /bdir: it is a folder; nothing was changed/ });
    expect(existsSync(box.path('left-m.txt'))).toBe(false);
    expect(statSync(box.path('bdir')).isDirectory()).toBe(true);
    expect(readdirSync(box.path('bdir'))).toEqual([]);
    expect(await box.list()).toEqual([]);
    expect(folder(box).filter((n) => n.endsWith('.tmp') || n.endsWith('.old'))).toEqual([]);
  });

  it('--mnemonic-out and --backup naming the same file: exit 2 before any work (one would have replaced the other)', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const same = box.path('both.txt');
    const r = await box.run(['account', 'create', '--name', 'Same', '--password-file', pw, '--mnemonic-out', same, '--backup', same, '--kdf', 'compat']);
    expectRefused(r, EXIT.usage, { match: /same file/ });
    expect(existsSync(same)).toBe(false);
    expect(await box.list()).toEqual([]);
  });
});
