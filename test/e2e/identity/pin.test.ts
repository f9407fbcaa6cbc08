/**
 * The PIN (issue 4): a wrong PIN exits 3, shows no phrase and changes no identity or account;
 * repeated wrong PINs lock the identity for a while (PinLockedError, exit 1, with the wait);
 * a PIN shorter than 6 characters is a usage error (exit 2) and creates nothing.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT, expectNoPhrase, expectRefused, okJson, recoverIdentity, sandbox } from '../../support/cli.js';
import { DEV_PHRASE } from '../../support/vectors.js';

const PIN = '271828';
const WRONG = '271829';

describe('a wrong PIN', () => {
  it('exits 3 from show-phrase, derive, find and account export, shows no phrase, and leaves identities and accounts as they were', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);
    const wrong = await box.secret('wrong', WRONG);
    const newPassword = await box.secret('new-password', 'file-password-1');
    const root = okJson<{ address: string }>(await box.run(['identity', 'derive', 'dev', '--path', '', '--pin-file', pin, '--json']));
    const identitiesBefore = await box.identities();
    const accountsBefore = await box.list();
    expect(accountsBefore).toHaveLength(1);

    const attempts = [
      ['identity', 'show-phrase', 'dev', '--pin-file', wrong, '--json'],
      ['identity', 'show-phrase', '1', '--pin-file', wrong],
      ['identity', 'derive', 'dev', '--network', 'polkadot', '--pin-file', wrong, '--json'],
    ];
    for (const args of attempts) {
      const r = await box.run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(EXIT.wrongPassword);
      expect(r.stdout).toBe('');
      expectNoPhrase(r, DEV_PHRASE);
      expect(r.stderr).toMatch(/wrong PIN/i);
      expect(r.stderr).not.toContain(WRONG);
      expect(r.stderr).not.toContain(PIN);
    }
    // The right PIN resets the count, so the next wrong ones are not yet locked out.
    expect(okJson<{ mnemonic: string }>(await box.run(['identity', 'show-phrase', 'dev', '--pin-file', pin, '--json'])).mnemonic).toBe(DEV_PHRASE);

    const find = await box.run(['identity', 'find', 'dev', root.address, '--pin-file', wrong, '--json']);
    expectRefused(find, EXIT.wrongPassword, { json: true, name: 'WrongPinError' });
    expectNoPhrase(find, DEV_PHRASE);

    const out = box.path('export.json');
    const exported = await box.run(['account', 'export', root.address, '--out', out, '--pin-file', wrong, '--password-file', newPassword, '--json']);
    expectRefused(exported, EXIT.wrongPassword, { json: true, name: 'WrongPinError' });
    expectNoPhrase(exported, DEV_PHRASE);
    expect(existsSync(out), 'a wrong PIN must write no file').toBe(false);

    expect(await box.identities()).toEqual(identitiesBefore);
    expect(await box.list()).toEqual(accountsBefore);
  });

  it('after 4 wrong PINs in a row the next try, even with the right PIN, is refused with the wait (PinLockedError, exit 1)', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);
    const wrong = await box.secret('wrong', WRONG);
    const before = await box.identities();
    const messages: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = await box.run(['identity', 'show-phrase', 'dev', '--pin-file', wrong, '--json']);
      const error = expectRefused(r, EXIT.wrongPassword, { json: true, name: 'WrongPinError' });
      expectNoPhrase(r, DEV_PHRASE);
      messages.push(error);
    }
    // The fourth wrong PIN says how long the next try must wait.
    expect(messages[3]).toMatch(/30 seconds/);

    for (const args of [
      ['identity', 'show-phrase', 'dev', '--pin-file', pin, '--json'],
      ['identity', 'derive', 'dev', '--network', 'kusama', '--pin-file', pin, '--json'],
    ]) {
      const locked = await box.run(args);
      const error = expectRefused(locked, EXIT.failed, { json: true, name: 'PinLockedError' });
      expect(error).toMatch(/try again in \d+ seconds?/);
      expectNoPhrase(locked, DEV_PHRASE);
    }
    // Human output: one line on stderr with the wait, nothing on stdout.
    const human = await box.run(['identity', 'show-phrase', 'dev', '--pin-file', pin]);
    expect(human.code).toBe(EXIT.failed);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/locked.*\d+ seconds?/);
    expectNoPhrase(human, DEV_PHRASE);

    expect(await box.identities()).toEqual(before);
    expect(await box.list()).toEqual([]);
  });
});

describe('a PIN shorter than 6 characters', () => {
  it('is a usage error (exit 2) for create and recover, and creates no identity', async () => {
    const box = await sandbox();
    const short = await box.secret('short', '12345');
    const m = await box.secret('m', DEV_PHRASE);
    const out = box.path('phrase.txt');
    const created = await box.run(['identity', 'create', '--name', 'short', '--pin-file', short, '--mnemonic-out', out, '--json']);
    expect(expectRefused(created, EXIT.usage, { json: true })).toMatch(/6/);
    expect(existsSync(out)).toBe(false);
    const recovered = await box.run(['identity', 'recover', '--name', 'short', '--mnemonic-file', m, '--pin-file', short, '--json']);
    expect(expectRefused(recovered, EXIT.usage, { json: true })).toMatch(/6/);
    expectNoPhrase(recovered, DEV_PHRASE);
    expect(await box.identities()).toEqual([]);
  });
});

describe('no phrase in any output', () => {
  it('a derivation path written without its leading slash (`--path polkadot`) is refused without showing words of the phrase', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'dev', DEV_PHRASE, PIN);
    const r = await box.run(['identity', 'derive', 'dev', '--path', 'polkadot', '--pin-file', pin, '--json']);
    expect(r.code).not.toBe(EXIT.ok);
    expect(r.stdout).toBe('');
    // A word of the phrase at the start of a word of the message (the bug this catches prints "walkpolkadot").
    for (const word of DEV_PHRASE.split(' ')) expect(r.stderr, `stderr shows the phrase word "${word}": ${r.stderr}`).not.toMatch(new RegExp(`\\b${word}`));
    expect(await box.list()).toEqual([]);
  });
});
