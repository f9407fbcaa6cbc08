/**
 * The interactive paths, on a pseudo-terminal (util-linux `script`): `account remove` asks for
 * confirmation, passwords are asked without echo, and `account export-all --rekey` asks each
 * account's password and re-locks every entry with the batch password — so the extension restores
 * the whole file with that one password (ui-keyring `restoreAccounts` decodes every entry with it).
 */
import { stat } from 'node:fs/promises';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, HAS_SCRIPT, readJson, restoreFiles, sandboxFrom, type Template, template } from '../../support/cli.js';
import { hex, labelledPair, oracleBatch, oracleBatchOpen, oracleFile, oracleOpen, oracleReady } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';

/** The passwords of Alpha, Beta and Gamma, and of the batch file Gamma came in. */
const S = testSecrets('tty', ['a', 'b', 'c', 'batch']);

let a: KeyringPair;
let b: KeyringPair;
let c: KeyringPair;
/** Alpha (sr25519, S.a), Beta (ecdsa, S.b), and Gamma (ed25519, a batch entry under S.c kept unchecked). */
let mixed: Template;

describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
  beforeAll(async () => {
    await oracleReady();
    a = labelledPair('sr25519', 'tty-a', { name: 'Alpha' });
    b = labelledPair('ecdsa', 'tty-b', { name: 'Beta' });
    c = labelledPair('ed25519', 'tty-c', { name: 'Gamma' });
    mixed = await template(async (box) => {
      for (const [name, file, pw] of [
        ['a.json', oracleFile(a, S.a), S.a],
        ['b.json', oracleFile(b, S.b), S.b],
        ['batch.json', oracleBatch([oracleFile(c, S.c)], S.batch), S.batch],
      ] as const) {
        expect((await restoreFiles(box, [await box.write(name, file)], pw)).restored).toHaveLength(1);
      }
    });
  });

  afterAll(async () => {
    await mixed?.remove();
  });

  it('account remove asks first: "n" keeps the account, "y" removes it', async () => {
    const box = await sandboxFrom(mixed);
    const no = await box.tty(['account', 'remove', a.address], [{ wait: /\[y\/N\]/, send: 'n' }]);
    expect(no.code).not.toBe(EXIT.ok);
    expect(no.transcript).toMatch(/Alpha/);
    expect(await box.list()).toEqual(mixed.accounts);
    const yes = await box.tty(['account', 'remove', a.address], [{ wait: /\[y\/N\]/, send: 'y' }]);
    expect(yes.code, yes.transcript).toBe(EXIT.ok);
    expect((await box.list()).map((x) => x.name)).toEqual(['Beta', 'Gamma']);
  });

  it('restore asks for the password without echoing it', async () => {
    const box = await sandboxFrom(mixed);
    const file = await box.write('d.json', oracleFile(labelledPair('sr25519', 'tty-d', { name: 'Delta' }), S.a));
    const r = await box.tty(['restore', file], [{ wait: /[Pp]assword/, send: S.a }]);
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).not.toContain(S.a);
    expect(r.transcript).not.toMatch(/^\s+at /m);
    expect((await box.list()).map((x) => x.name)).toContain('Delta');
  });

  /** `account export-all --rekey` in a copy of the vault, answering the batch password twice, then each account's password (`beta` for Beta). */
  async function exportAllRekeyed(beta: string) {
    const box = await sandboxFrom(mixed);
    const out = box.path('all.json');
    const r = await box.tty(
      ['account', 'export-all', '--out', out, '--rekey', '--kdf', 'compat'],
      [
        { wait: /[Bb]atch password/, send: S.batch },
        { wait: /[Rr]epeat/, send: S.batch },
        { wait: /Alpha/, send: S.a },
        { wait: /Beta/, send: beta },
        { wait: /Gamma/, send: S.c },
      ],
    );
    return { box, out, r };
  }

  it('export-all --rekey asks each account’s password and re-locks every entry with the batch password', async () => {
    const { box, out, r } = await exportAllRekeyed(S.b);
    expect(r.code, r.transcript).toBe(EXIT.ok);
    for (const s of S.all) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
    const entries = oracleBatchOpen(await readJson<EncryptedJson>(out), S.batch);
    // What the extension does on restore: every entry decoded with the one batch password.
    const opened = entries.map((entry) => oracleOpen(entry, S.batch));
    expect(opened.map((p) => hex(p.encodePkcs8())).sort()).toEqual([a, b, c].map((p) => hex(p.encodePkcs8())).sort());
    expect(await box.list()).toEqual(mixed.accounts);
  });

  it('export-all --rekey with a wrong account password → exit 3 and no file', async () => {
    const { box, out, r } = await exportAllRekeyed('not-' + S.b);
    expect(r.code, r.transcript).toBe(EXIT.wrongPassword);
    expect(r.transcript).not.toMatch(/^\s+at /m);
    for (const s of [...S.all, 'not-' + S.b]) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
    await expect(stat(out)).rejects.toThrow();
    expect(await box.list()).toEqual(mixed.accounts);
  });
});
