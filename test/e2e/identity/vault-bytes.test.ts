/**
 * "The phrase is not in the vault file in clear" (issue 4; DESIGN.md Non-negotiables): after the CLI
 * creates and recovers identities and derives an account with a `///password`, the raw bytes of the
 * vault and of its `-wal` and `-shm` files hold neither phrase, nor any three consecutive words of one,
 * nor the derivation password, nor the PIN.
 *
 * The test keeps its own connection to the vault open while the CLI runs, so SQLite does not fold
 * the write-ahead log back and delete it when the CLI exits: the log's bytes are searched too.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { mnemonicGenerate, mnemonicToEntropy } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { okJson, sandbox, wordRuns } from '../../support/cli.js';
import { DEV_PHRASE } from '../../support/vectors.js';

const PIN = 'Marmalade-Sky-6021';
const PATH_PASSWORD = 'Quokka-Lantern-9134';

function haystacks(vault: string): { file: string; bytes: Buffer }[] {
  return [vault, `${vault}-wal`, `${vault}-shm`].filter((f) => existsSync(f)).map((file) => ({ file, bytes: readFileSync(file) }));
}

function expectAbsent(files: { file: string; bytes: Buffer }[], secrets: { label: string; bytes: Buffer }[]): void {
  for (const { file, bytes } of files) {
    for (const s of secrets) expect(bytes.includes(s.bytes), `${file} holds ${s.label}`).toBe(false);
  }
}

describe('the vault file', () => {
  it('never holds a phrase, three consecutive words of one, the path password or the PIN in clear (vault, -wal, -shm)', async () => {
    const box = await sandbox();
    const pin = await box.secret('pin', PIN);
    // A fresh random phrase, so no word run can be in the file by accident (the dev phrase is public anyway).
    const recovered = mnemonicGenerate(24);
    const m1 = await box.secret('m1', recovered);
    const m2 = await box.secret('m2', DEV_PHRASE);
    const out = box.path('created.txt');

    okJson(await box.run(['identity', 'create', '--name', 'created', '--words', '24', '--pin-file', pin, '--mnemonic-out', out, '--json']));
    const created = readFileSync(out, 'utf8').trim();
    const held = new Database(box.vault);
    try {
      expect(held.pragma('journal_mode', { simple: true })).toBe('wal');
      okJson(await box.run(['identity', 'recover', '--name', 'recovered', '--mnemonic-file', m1, '--pin-file', pin, '--json']));
      okJson(await box.run(['identity', 'recover', '--name', 'dev', '--mnemonic-file', m2, '--pin-file', pin, '--json']));
      okJson(
        await box.run(['identity', 'derive', 'recovered', '--network', 'polkadot', '--path', `//polkadot//0///${PATH_PASSWORD}`, '--pin-file', pin, '--json']),
      );
      okJson(await box.run(['identity', 'derive', 'created', '--network', 'kusama', '--pin-file', pin, '--json']));
      okJson(await box.run(['identity', 'derive', 'dev', '--path', `///${PATH_PASSWORD}`, '--type', 'ed25519', '--pin-file', pin, '--json']));
      // Showing the phrase reads it; it must not write it anywhere.
      okJson(await box.run(['identity', 'show-phrase', 'recovered', '--pin-file', pin, '--json']));

      const secrets = [
        ...[created, recovered, DEV_PHRASE].flatMap((phrase) =>
          wordRuns(phrase).map((run) => ({ label: `words of a phrase: "${run}"`, bytes: Buffer.from(run) })),
        ),
        ...[created, recovered].map((phrase) => ({ label: 'the BIP-39 entropy of a phrase', bytes: Buffer.from(mnemonicToEntropy(phrase)) })),
        { label: 'the path password', bytes: Buffer.from(PATH_PASSWORD) },
        { label: 'the PIN', bytes: Buffer.from(PIN) },
      ];
      const open = haystacks(box.vault);
      expect(open.map((h) => h.file)).toContain(`${box.vault}-wal`);
      expect(open.find((h) => h.file.endsWith('-wal'))!.bytes.length).toBeGreaterThan(0);
      expectAbsent(open, secrets);
      // Control: what is stored in clear (an identity's name) is found by the same search.
      expect(open.some((h) => h.bytes.includes(Buffer.from('recovered')))).toBe(true);
      // The vault still opens with the identities (the search above looked at real content).
      expect((held.prepare('SELECT name FROM identities ORDER BY id').all() as { name: string }[]).map((r) => r.name)).toEqual(['created', 'recovered', 'dev']);
      held.close();
      expectAbsent(haystacks(box.vault), secrets);
    } finally {
      if (held.open) held.close();
    }
  });
});
