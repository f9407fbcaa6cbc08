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
import { EXIT, HAS_SCRIPT, okJson, readJson, type RestoreJson, sandboxFrom, type Template, template } from '../../support/cli.js';
import { hex, labelledPair, oracleBatch, oracleBatchOpen, oracleFile, oracleOpen, oracleReady } from '../../support/oracle.js';

const PW_A = 'tty-Secret-A-1';
const PW_B = 'tty-Secret-B-2';
const PW_C = 'tty-Secret-C-3';
const BATCH_PW = 'tty-Batch-Secret-4';
const SECRETS = [PW_A, PW_B, PW_C, BATCH_PW];

let a: KeyringPair;
let b: KeyringPair;
let c: KeyringPair;
/** Alpha (sr25519, PW_A), Beta (ecdsa, PW_B), and Gamma (ed25519, a batch entry under PW_C kept unchecked). */
let mixed: Template;

describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
  beforeAll(async () => {
    await oracleReady();
    a = labelledPair('sr25519', 'tty-a', { name: 'Alpha' });
    b = labelledPair('ecdsa', 'tty-b', { name: 'Beta' });
    c = labelledPair('ed25519', 'tty-c', { name: 'Gamma' });
    mixed = await template(async (box) => {
      for (const [name, file, pw] of [
        ['a.json', oracleFile(a, PW_A), PW_A],
        ['b.json', oracleFile(b, PW_B), PW_B],
        ['batch.json', oracleBatch([oracleFile(c, PW_C)], BATCH_PW), BATCH_PW],
      ] as const) {
        const pwFile = await box.secret(`pw-${name}.txt`, pw);
        expect(okJson<RestoreJson>(await box.run(['restore', await box.write(name, file), '--password-file', pwFile, '--json'])).restored).toHaveLength(1);
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
    const file = await box.write('d.json', oracleFile(labelledPair('sr25519', 'tty-d', { name: 'Delta' }), PW_A));
    const r = await box.tty(['restore', file], [{ wait: /[Pp]assword/, send: PW_A }]);
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).not.toContain(PW_A);
    expect(r.transcript).not.toMatch(/^\s+at /m);
    expect((await box.list()).map((x) => x.name)).toContain('Delta');
  });

  it('export-all --rekey asks each account’s password and re-locks every entry with the batch password', async () => {
    const box = await sandboxFrom(mixed);
    const out = box.path('all.json');
    const r = await box.tty(
      ['account', 'export-all', '--out', out, '--rekey', '--kdf', 'compat'],
      [
        { wait: /[Bb]atch password/, send: BATCH_PW },
        { wait: /[Rr]epeat/, send: BATCH_PW },
        { wait: /Alpha/, send: PW_A },
        { wait: /Beta/, send: PW_B },
        { wait: /Gamma/, send: PW_C },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    for (const s of SECRETS) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
    const entries = oracleBatchOpen(await readJson<EncryptedJson>(out), BATCH_PW);
    // What the extension does on restore: every entry decoded with the one batch password.
    const opened = entries.map((entry) => oracleOpen(entry, BATCH_PW));
    expect(opened.map((p) => hex(p.encodePkcs8())).sort()).toEqual([a, b, c].map((p) => hex(p.encodePkcs8())).sort());
    expect(await box.list()).toEqual(mixed.accounts);
  });

  it('export-all --rekey with a wrong account password → exit 3 and no file', async () => {
    const box = await sandboxFrom(mixed);
    const out = box.path('all.json');
    const r = await box.tty(
      ['account', 'export-all', '--out', out, '--rekey', '--kdf', 'compat'],
      [
        { wait: /[Bb]atch password/, send: BATCH_PW },
        { wait: /[Rr]epeat/, send: BATCH_PW },
        { wait: /Alpha/, send: PW_A },
        { wait: /Beta/, send: 'not-' + PW_B },
        { wait: /Gamma/, send: PW_C },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.wrongPassword);
    expect(r.transcript).not.toMatch(/^\s+at /m);
    for (const s of [...SECRETS, 'not-' + PW_B]) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
    await expect(stat(out)).rejects.toThrow();
    expect(await box.list()).toEqual(mixed.accounts);
  });
});
