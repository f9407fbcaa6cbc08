import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, DEV_PHRASE } from './testIo.js';

/** The scripted terminal itself: a prompt nobody answers ends the command instead of hanging the test. */

let box: CliSandbox;
let suri: string;

beforeAll(() => {
  box = cliSandbox();
  suri = box.file('suri.txt', `${DEV_PHRASE}//testIo`);
});
afterAll(() => box.remove());

describe('testIo', () => {
  it('a hidden prompt without an answer is cancelled: a missing secret (exit 2), counted', async () => {
    const r = await box.run(['account', 'add', '--name', 'X', '--suri-file', suri], { tty: true });
    expect(r.code).toBe(2);
    expect(r.prompts).toEqual(['New password for the account (at least 6 characters): ']);
    expect(r.unanswered).toBe(1);
  });

  it('a confirmation without an answer is a no (exit 1), counted; a script has no prompt at all', async () => {
    await box.json(['account', 'add', '--name', 'X', '--suri-file', suri, '--password-file', box.file('pw.txt', 'password-1')]);
    const r = await box.run(['account', 'remove', 'X'], { tty: 'stdin' });
    expect(r.code).toBe(1);
    expect(r.unanswered).toBe(1);
    const script = await box.run(['account', 'remove', 'X']);
    expect(script.prompts).toEqual([]);
    expect(await box.json(['account', 'list'])).toHaveLength(1);
  });
});
