/**
 * Renaming and removing an identity (issue 12 item 13; ux review §3 "No `identity remove` or
 * `identity rename`"): the real CLI on a vault of its own.
 * - `identity rename ID NEWNAME` renames; a name another identity has is refused (exit 1), the vault unchanged.
 * - `identity remove ID` needs confirmation: `--yes` in scripts; without it and not on a terminal,
 *   exit 2 and nothing changes; on a terminal it lists the accounts derived from the identity, says
 *   that keepsake cannot know whether the phrase was kept ("Without a written copy of its recovery
 *   phrase or a backup file holding it, this identity is lost") and asks.
 * - Removing takes the derived accounts with it (they have no key of their own); accounts restored
 *   from files stay.
 * - The sealed phrase leaves the vault's bytes: the vault file and its WAL no longer hold the sealed
 *   ciphertext (secure_delete + the WAL truncated), as `account remove` does for a key file.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXIT,
  expectRefused,
  HAS_SCRIPT,
  okJson,
  recoverIdentity,
  sandboxFrom,
  template,
  type AccountJson,
  type Sandbox,
  type Template,
  type IdentityJson,
} from '../../support/cli.js';
import { LEGAL_WINNER } from '../../support/secrets.js';
import { DEV_PHRASE } from '../../support/vectors.js';

const PIN = '246810';
const WARNING = /Without a written copy of its recovery phrase or a backup file holding it, this identity is lost/i;

/**
 * Made once (each PIN opening runs the real scrypt), copied into each test's own folder: two
 * identities ("Phone" with two derived accounts, "Laptop" with one) and an account with a password of
 * its own, added from the dev phrase's //file key.
 */
let made: Template;
beforeAll(async () => {
  made = await template(async (box) => {
    const pin = await recoverIdentity(box, 'Phone', DEV_PHRASE, PIN);
    await recoverIdentity(box, 'Laptop', LEGAL_WINNER, PIN);
    okJson(await box.run(['identity', 'derive', 'Phone', '--network', 'polkadot', '--pin-file', pin, '--json']));
    okJson(await box.run(['identity', 'derive', 'Phone', '--network', 'kusama', '--pin-file', pin, '--json']));
    okJson(await box.run(['identity', 'derive', 'Laptop', '--network', 'polkadot', '--pin-file', pin, '--json']));
    // Removing an identity must leave an account that has a key of its own.
    const suri = await box.secret('suri.txt', `${DEV_PHRASE}//file`);
    const pw = await box.secret('pw.txt', 'file password 10');
    okJson(await box.run(['account', 'add', '--name', 'From a file', '--suri-file', suri, '--password-file', pw, '--json']));
  });
});
afterAll(() => made?.remove());

async function fixture(): Promise<{ box: Sandbox }> {
  return { box: await sandboxFrom(made) };
}

async function identities(box: Sandbox): Promise<IdentityJson[]> {
  return okJson<IdentityJson[]>(await box.run(['identity', 'list', '--json']));
}

function vaultBytes(vault: string): Buffer {
  return Buffer.concat([vault, `${vault}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

function sealedOf(vault: string, name: string): string {
  const db = new Database(vault, { readonly: true });
  try {
    return (db.prepare('SELECT sealed FROM identities WHERE name = ?').get(name) as { sealed: string }).sealed;
  } finally {
    db.close();
  }
}

describe('identity rename', () => {
  it('renames an identity; its accounts keep their names and now show the new identity name; a taken name is refused', async () => {
    const { box } = await fixture();
    const before = await identities(box);
    const renamed = okJson<IdentityJson>(await box.run(['identity', 'rename', 'Phone', 'Old phone', '--json']));
    expect(renamed.name).toBe('Old phone');
    expect(renamed.id).toBe(before.find((i) => i.name === 'Phone')!.id);
    const after = await identities(box);
    expect(after.map((i) => i.name)).toEqual(['Old phone', 'Laptop']);
    expect(after[0]!.accounts).toEqual(before[0]!.accounts);
    const accounts = await box.list();
    expect(accounts.filter((a) => a.identity === 'Old phone')).toHaveLength(2);

    // By id too, and in words.
    const text = await box.run(['identity', 'rename', String(renamed.id), 'Phone 2']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/Renamed identity \d+ to "Phone 2"/);

    const taken = await box.run(['identity', 'rename', 'Phone 2', 'Laptop']);
    expectRefused(taken, EXIT.failed, { match: /"Laptop" already exists/ });
    expect((await identities(box)).map((i) => i.name)).toEqual(['Phone 2', 'Laptop']);
  });
});

describe('identity remove', () => {
  it('without --yes and not on a terminal: exit 2, one sentence, and nothing is removed', async () => {
    const { box } = await fixture();
    const before = await identities(box);
    const r = await box.run(['identity', 'remove', 'Phone']);
    expectRefused(r, EXIT.usage, { match: /needs confirmation.*--yes/ });
    expect(await identities(box)).toEqual(before);
  });

  it('with --yes removes the identity and the accounts derived from it (listed in the result), and leaves the rest', async () => {
    const { box } = await fixture();
    const before = await identities(box);
    const phone = before.find((i) => i.name === 'Phone')!;
    const accountsBefore = await box.list();
    const removed = okJson<IdentityJson>(await box.run(['identity', 'remove', 'Phone', '--yes', '--json']));
    expect(removed.name).toBe('Phone');
    expect(removed.accounts.map((a) => a.address).sort()).toEqual(phone.accounts.map((a) => a.address).sort());
    expect(removed.accounts).toHaveLength(2);

    expect((await identities(box)).map((i) => i.name)).toEqual(['Laptop']);
    const accountsAfter = await box.list();
    const gone = new Set(phone.accounts.map((a) => a.address));
    expect(accountsAfter).toEqual(accountsBefore.filter((a: AccountJson) => !gone.has(a.address)));
    expect(accountsAfter.map((a) => a.name).sort()).toEqual(['From a file', 'Laptop Polkadot Relay Chain']);

    // In words: what was removed, by name.
    const text = await box.run(['identity', 'remove', 'Laptop', '--yes']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/Removed identity \d+ "Laptop" and 1 account derived from it/);
    expect(text.stdout).toContain('"Laptop Polkadot Relay Chain"');
    expect(await identities(box)).toEqual([]);
  });

  it('an unknown identity is refused (exit 1), the vault unchanged', async () => {
    const { box } = await fixture();
    const before = await identities(box);
    expectRefused(await box.run(['identity', 'remove', 'Tablet', '--yes']), EXIT.failed, { match: /No identity is called "Tablet"/ });
    expect(await identities(box)).toEqual(before);
  });

  it("leaves no copy of the identity's sealed phrase in the vault file or its WAL", async () => {
    const { box } = await fixture();
    const sealed = JSON.parse(sealedOf(box.vault, 'Phone')) as Record<string, unknown>;
    // The ciphertext of the phrase: found while the identity is there (the search works).
    const needles = Object.values(sealed).filter((v): v is string => typeof v === 'string' && v.length >= 40);
    expect(needles.length).toBeGreaterThan(0);
    // A connection of our own stays open, as the browser wallet's server keeps one: SQLite then does not
    // fold the WAL back and delete it when the CLI exits, so only the remove's own checkpoint can empty it.
    const held = new Database(box.vault);
    try {
      // A first statement opens the WAL index (a connection that never read holds nothing).
      expect(held.pragma('journal_mode', { simple: true })).toBe('wal');
      for (const n of needles) expect(vaultBytes(box.vault).indexOf(n), 'the sealed phrase is in the vault before').toBeGreaterThan(-1);
      okJson(await box.run(['identity', 'remove', 'Phone', '--yes', '--json']));
      const bytes = vaultBytes(box.vault);
      for (const n of needles) expect(bytes.indexOf(n), 'the sealed phrase is still in the vault bytes').toBe(-1);
    } finally {
      held.close();
    }
  });

  it.runIf(HAS_SCRIPT)(
    'on a terminal: lists the derived accounts, says the phrase cannot be checked, and asks; "n" keeps everything, "y" removes',
    async () => {
      const { box } = await fixture();
      const before = await identities(box);
      const phone = before.find((i) => i.name === 'Phone')!;

      const no = await box.tty(['identity', 'remove', 'Phone'], [{ wait: /Remove the identity "Phone"\? \[y\/N\]/, send: 'n' }]);
      expect(no.transcript).toMatch(WARNING);
      for (const a of phone.accounts) expect(no.transcript).toContain(a.address);
      expect(no.transcript).toMatch(/with 2 accounts derived from it/);
      expect(no.transcript).toContain('Nothing was removed.');
      expect(no.code).toBe(EXIT.failed);
      expect(await identities(box)).toEqual(before);

      const yes = await box.tty(['identity', 'remove', 'Phone'], [{ wait: /Remove the identity "Phone"\? \[y\/N\]/, send: 'y' }]);
      expect(yes.code, yes.transcript).toBe(EXIT.ok);
      expect(yes.transcript).toMatch(/Removed identity \d+ "Phone" and 2 accounts derived from it/);
      expect((await identities(box)).map((i) => i.name)).toEqual(['Laptop']);
    },
  );
});
