/**
 * Concordium data in a plain vault is sealed (issue 14): a copy of the vault file shows no identity
 * attribute, randomness, credential or wallet identifier — only names, addresses, providers and
 * statuses, which listing needs. Exporting back to the desktop wallet asks for the password of the
 * file the data came from when the new file's is another; a keepsake backup carries the data sealed;
 * data an earlier keepsake kept readable is sealed by `concordium seal`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, EXIT, expectRefused, type ImportJson, okJson, readJson, vaultDump, type Sandbox } from '../../support/cli.js';
import {
  concordiumDecrypt,
  concordiumEncrypt,
  type ConcordiumEnvelope,
  type DesktopExport,
  desktopExportData,
  legacyConcordiumVault,
} from '../../support/concordium.js';

const PW = 'desk-Export-pw-7';
const OTHER = 'another-pw-8';

let data: DesktopExport;
beforeAll(() => {
  data = desktopExportData({ tag: 'S' });
});

/** The vault file and its `-wal` and `-shm`, as bytes. */
function vaultBytes(vault: string): Buffer {
  return Buffer.concat([vault, `${vault}-wal`, `${vault}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

/** Every secret part of the export written in this test: attributes, randomness, the identity object's keys, credentials, wallets, codes. */
function secretsOf(d: DesktopExport): string[] {
  const out: string[] = [];
  for (const i of d.identities) {
    const o = JSON.parse(String(i['identityObject'])) as {
      value: { preIdentityObject: { idCredPub: string }; attributeList: { chosenAttributes: Record<string, string> }; signature: string };
    };
    out.push(...Object.values(o.value.attributeList.chosenAttributes).filter((v) => v.length > 3), o.value.preIdentityObject.idCredPub, o.value.signature);
    out.push(String(i['randomness']), String(i['codeUri']));
  }
  for (const c of [...d.credentials, ...d.externalCredentials]) out.push(String(c['credId']));
  for (const w of d.wallets) out.push(String(w['identifier']));
  return out;
}

/** The secrets found in the bytes, as hex or as text (JSON-escaped text too). */
function found(vault: string, secrets: readonly string[]): string[] {
  const bytes = vaultBytes(vault);
  return secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(JSON.stringify(s).slice(1, -1), 'utf8')));
}

/** `backup export --format concordium-desktop --out OUT --password-file PW`, with the Concordium password file `seal` and `--json` when asked. */
function toDesktop(out: string, pw: string, options: { seal?: string; json?: boolean } = {}): string[] {
  const seal = options.seal === undefined ? [] : ['--concordium-password-file', options.seal];
  return ['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, ...seal, ...(options.json ? ['--json'] : [])];
}

async function imported(b: Sandbox, vault?: string): Promise<string> {
  const pw = await b.secret('pw.txt', PW);
  const file = await b.write('wallet-export.json', concordiumEncrypt(data, PW));
  okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', pw, '--json'], vault === undefined ? {} : { vault }));
  return pw;
}

describe('Concordium data sealed in a plain vault', () => {
  it('a copy of the vault file shows names and addresses, and no attribute, randomness, credential or wallet identifier', async () => {
    const b = await sandbox();
    await imported(b);
    const secrets = secretsOf(data);
    expect(secrets.length).toBeGreaterThan(10);
    expect(found(b.vault, secrets)).toEqual([]);
    // What listing needs is there, and listed.
    const bytes = vaultBytes(b.vault);
    expect(bytes.includes(Buffer.from(String(data.identities[0]!['name'])))).toBe(true);
    expect(bytes.includes(Buffer.from(String(data.accounts[0]!['address'])))).toBe(true);
    const list = okJson<{ identities: { name: string; provider: string; status: string; accounts: number }[]; readable: number }>(
      await b.run(['concordium', 'list', '--json']),
    );
    expect(list.identities[0]).toMatchObject({ name: data.identities[0]!['name'], provider: 'Notabene (Staging)', status: 'confirmed', accounts: 2 });
    expect(list.readable).toBe(0);
    // The same import without sealing would have put them there: the test's secrets are what the export holds.
    const clear = JSON.stringify(data);
    for (const s of secrets) expect(clear.includes(s) || clear.includes(JSON.stringify(s).slice(1, -1))).toBe(true);
  });

  it("export to the desktop format under another password asks for the import file's: refused without it (exit 3, no file, vault unchanged), written with it", async () => {
    const b = await sandbox();
    await imported(b);
    const other = await b.secret('other.txt', OTHER);
    const out = b.path('back.json');
    const before = vaultDump(b.vault);
    const refused = await b.run(toDesktop(out, other, { json: true }));
    expect(refused.code).toBe(EXIT.wrongPassword);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { name: 'ConcordiumSealedError' } });
    const text = expectRefused(await b.run(toDesktop(out, other)), EXIT.wrongPassword, {
      secrets: [OTHER],
    });
    expect(text).toMatch(/sealed in the vault under that file's password/);
    expect(text).toMatch(/wallet-export\.json/);
    expect(text).toMatch(/--concordium-password-file/);
    expect(existsSync(out)).toBe(false);
    expect(vaultDump(b.vault)).toEqual(before);
    // A wrong line, then the right one: the right one opens it.
    const lines = await b.secret('lines.txt', `wrong-one-1\n${PW}\n`);
    okJson(await b.run(toDesktop(out, other, { seal: lines, json: true })));
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), OTHER)).toEqual(data);
    // Only wrong ones: refused, naming the file.
    const wrong = await b.secret('wrong.txt', 'wrong-one-1\nwrong-two-2\n');
    const again = expectRefused(await b.run(toDesktop(b.path('x.json'), other, { seal: wrong })), EXIT.wrongPassword, {
      secrets: ['wrong-one-1', 'wrong-two-2'],
    });
    expect(again).toMatch(/no password given opens it/);
  });

  it('on a terminal, the password is asked naming the file; a wrong one is said and asked again', async () => {
    const b = await sandbox();
    await imported(b);
    const other = await b.secret('other.txt', OTHER);
    const out = b.path('tty.json');
    const r = await b.tty(toDesktop(out, other), [
      { wait: /from the Concordium export wallet-export\.json \(imported \d{4}-\d\d-\d\d\) is sealed.*Password/s, send: 'not-it-9' },
      { wait: /That password does not open it/, send: PW },
    ]);
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).not.toContain(PW);
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), OTHER)).toEqual(data);
  });

  it('a keepsake backup carries the data still sealed: a fresh vault from it shows none of it, and gives it back with the import file’s password', async () => {
    const b = await sandbox();
    await imported(b);
    const backupPw = await b.secret('backup.txt', OTHER);
    const backup = b.path('keepsake.json');
    okJson(await b.run(['backup', 'export', '--out', backup, '--password-file', backupPw, '--json']));
    const fresh = b.path('fresh.sqlite');
    okJson<ImportJson>(await b.run(['backup', 'import', backup, '--password-file', backupPw, '--json'], { vault: fresh }));
    expect(found(fresh, secretsOf(data))).toEqual([]);
    // Sealed under the desktop export's password, not the backup's: the backup password alone does not open it.
    const out = b.path('again.json');
    expectRefused(await b.run(toDesktop(out, backupPw), { vault: fresh }), EXIT.wrongPassword);
    const pw = await b.secret('pw2.txt', PW);
    okJson(
      await b.run(toDesktop(out, backupPw, { seal: pw, json: true }), {
        vault: fresh,
      }),
    );
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), OTHER)).toEqual(data);
  });

  it('a renamed item keeps its new name in the file written back (the name is not inside the seal)', async () => {
    const b = await sandbox();
    const pw = await imported(b);
    // The same export with a placeholder identity renamed: the desktop wallet's rule renames it in the vault.
    const renamed = structuredClone(data);
    const placeholder = structuredClone(data);
    placeholder.identities[0]!['status'] = 'recovered';
    const fresh = b.path('fresh.sqlite');
    const first = await b.write('placeholder.json', concordiumEncrypt(placeholder, PW));
    okJson(await b.run(['backup', 'import', first, '--password-file', pw, '--json'], { vault: fresh }));
    renamed.identities[0]!['name'] = 'Real name now';
    const second = await b.write('renamed.json', concordiumEncrypt(renamed, PW));
    const r = okJson<ImportJson>(await b.run(['backup', 'import', second, '--password-file', pw, '--json'], { vault: fresh }));
    expect(r.items.find((i) => i.name === 'Real name now')).toMatchObject({ status: 'replaced' });
    const out = b.path('renamed-out.json');
    okJson(await b.run(toDesktop(out, pw, { json: true }), { vault: fresh }));
    const back = concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), PW) as DesktopExport;
    expect(back.identities[0]).toEqual({ ...placeholder.identities[0], name: 'Real name now' });
  });
});

describe('Concordium data in a locked vault', () => {
  it('a copy of the file, its -wal and -shm show no Concordium name, address or attribute; listed and exported with the vault password', async () => {
    const b = await sandbox();
    const pw = await imported(b);
    const shown = [...data.identities.map((i) => String(i['name'])), ...data.accounts.map((a) => String(a['address']))];
    // Readable in the plain vault (listing needs them), sealed data not.
    expect(found(b.vault, shown)).toEqual(shown);
    const vaultPw = await b.secret('vault-pw.txt', 'vault password 9');
    okJson(await b.run(['vault', 'lock', '--password-file', vaultPw, '--json']));
    expect(found(b.vault, [...shown, ...secretsOf(data)])).toEqual([]);
    const list = okJson<{ accounts: { address: string }[] }>(await b.run(['--vault-password-file', vaultPw, 'concordium', 'list', '--json']));
    expect(list.accounts.map((a) => a.address).sort()).toEqual(data.accounts.map((a) => String(a['address'])).sort());
    const out = b.path('locked-export.json');
    okJson(
      await b.run(['--vault-password-file', vaultPw, 'backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, '--json']),
    );
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), PW)).toEqual(data);
    expect(found(b.vault, [...shown, ...secretsOf(data)])).toEqual([]);
  });
});

describe('Concordium data an earlier keepsake kept readable', () => {
  it('are listed as readable; `concordium seal` seals them (none left in the file) and the export asks for that password', async () => {
    const b = await sandbox();
    legacyConcordiumVault(b.vault, data);
    expect(found(b.vault, secretsOf(data)).length).toBeGreaterThan(0);
    const list = await b.run(['concordium', 'list']);
    expect(list.stdout).toMatch(/readable in a copy of the vault file: seal them with `keepsake concordium seal`/);
    expect(okJson<{ readable: number }>(await b.run(['concordium', 'list', '--json'])).readable).toBe(
      data.identities.length + data.accounts.length + data.credentials.length + data.externalCredentials.length + data.wallets.length,
    );
    // Before sealing, the export needs no other password (nothing is sealed yet).
    const any = await b.secret('any.txt', OTHER);
    okJson(await b.run(toDesktop(b.path('before.json'), any, { json: true })));
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(b.path('before.json')), OTHER)).toEqual({ ...data, addressBook: [] });

    const short = await b.secret('short.txt', '12345');
    expectRefused(await b.run(['concordium', 'seal', '--password-file', short]), EXIT.usage, { secrets: ['12345'] });
    const seal = await b.secret('seal.txt', 'seal-password-1');
    const sealed = okJson<{ sealed: number }>(await b.run(['concordium', 'seal', '--password-file', seal, '--json']));
    expect(sealed.sealed).toBeGreaterThan(0);
    okJson(await b.run(['vault', 'status', '--json']));
    expect(found(b.vault, secretsOf(data))).toEqual([]);
    expect(okJson<{ readable: number }>(await b.run(['concordium', 'list', '--json'])).readable).toBe(0);
    expect(okJson<{ sealed: number }>(await b.run(['concordium', 'seal', '--password-file', seal, '--json'])).sealed).toBe(0);

    expectRefused(await b.run(toDesktop(b.path('x.json'), any)), EXIT.wrongPassword);
    okJson(await b.run(toDesktop(b.path('after.json'), any, { seal: seal, json: true })));
    expect(concordiumDecrypt(await readJson<ConcordiumEnvelope>(b.path('after.json')), OTHER)).toEqual({ ...data, addressBook: [] });
  });
});
