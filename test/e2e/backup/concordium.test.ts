/**
 * Concordium Desktop Wallet exports in and out (issue 5, "What to build" 4; DESIGN.md "Concordium
 * Desktop Wallet export"). Every export file here is made by the test from the desktop wallet's
 * published algorithm and schema (./concordium.ts), and every file keepsake writes is opened with
 * that same test-side algorithm — never with keepsake's reader.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type AddressJson, EXIT, expectRefused, type ImportJson, okJson, readJson, vaultDump } from '../../support/cli.js';
import {
  concordiumDecrypt,
  concordiumEncrypt,
  type ConcordiumEnvelope,
  type DesktopExport,
  desktopExportData,
  GENESIS_TESTNET,
  mobileExportData,
} from '../../support/concordium.js';

const PW = 'desk-Export-pw-7';

let dataA: DesktopExport;
let fileA: ConcordiumEnvelope;

beforeAll(() => {
  dataA = desktopExportData({ tag: 'A' });
  fileA = concordiumEncrypt(dataA, PW);
});

/** A folder with the export files and the password file, and a vault that already holds export A. */
async function withA() {
  const b = await sandbox();
  const pw = await b.secret('pw.txt', PW);
  const a = await b.write('wallet-export.json', fileA);
  okJson<ImportJson>(await b.run(['backup', 'import', a, '--password-file', pw, '--json']));
  return { b, pw, a };
}

describe('inspect', () => {
  it('names a desktop export and a mobile export without a password', async () => {
    const b = await sandbox();
    const desktop = await b.write('wallet-export.json', fileA);
    const mobile = await b.write('mobile.json', concordiumEncrypt(mobileExportData(), PW, { iterations: 100_000, saltLength: 32, keyLen: false }));
    const d = okJson<{ format: string; label: string; kdf: { name: string; iterations: number } | null; accounts: unknown[] }>(
      await b.run(['inspect', desktop, '--json']),
    );
    expect(d.format).toBe('concordium-desktop');
    expect(d.label).toMatch(/Concordium Desktop Wallet/);
    expect(d.kdf).toEqual({ name: 'pbkdf2-sha256', iterations: 10_000 });
    const text = await b.run(['inspect', desktop]);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout + text.stderr).toMatch(/Concordium Desktop Wallet export/);
    const m = okJson<{ format: string; label: string }>(await b.run(['inspect', mobile, '--json']));
    expect(m.format).toBe('concordium-mobile');
    expect(m.label).toMatch(/Concordium Mobile Wallet/);
    // inspect never decrypts: no name from inside the file is shown.
    expect(d.accounts).toEqual([]);
    expect(text.stdout).not.toContain(String(dataA.identities[0]!['name']));
  });
});

describe('backup import of a desktop export', () => {
  it('brings in identities, accounts and the address book and lists every one as imported', async () => {
    const b = await sandbox();
    const pw = await b.secret('pw.txt', PW);
    const a = await b.write('wallet-export.json', fileA);
    const report = okJson<ImportJson>(await b.run(['backup', 'import', a, '--password-file', pw, '--json']));
    expect(report.format).toBe('concordium-desktop');
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.items.every((i) => i.status === 'imported')).toBe(true);
    const names = (kind: string) => report.items.filter((i) => i.kind === kind).map((i) => i.name);
    expect(names('concordium-identity')).toEqual(dataA.identities.map((i) => i['name']));
    expect(report.items.filter((i) => i.kind === 'concordium-account').map((i) => [i.name, i.address])).toEqual(
      dataA.accounts.map((x) => [x['name'], x['address']]),
    );
    expect(report.items.filter((i) => i.kind === 'address').map((i) => [i.name, i.address])).toEqual(dataA.addressBook.map((x) => [x['name'], x['address']]));

    const book = await b.list<AddressJson>('address');
    expect(book.map((e) => ({ address: e.address, name: e.name, note: e.note, kind: e.kind }))).toEqual(
      dataA.addressBook.map((e) => ({ address: e['address'], name: e['name'], note: e['note'] ?? null, kind: 'concordium' })),
    );
  });

  it('prints the summary as text too: every identity, account and address by name', async () => {
    const b = await sandbox();
    const pw = await b.secret('pw.txt', PW);
    const a = await b.write('wallet-export.json', fileA);
    const r = await b.run(['backup', 'import', a, '--password-file', pw]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const text = r.stdout + r.stderr;
    for (const i of dataA.identities) expect(text).toContain(String(i['name']));
    for (const x of [...dataA.accounts, ...dataA.addressBook]) expect(text).toContain(String(x['address']));
    expect(text).not.toContain(PW);
  });

  it('accepts an export without keyLen and hashAlgorithm (defaults 32 / sha256) and one under the mobile parameters: the content decides', async () => {
    const b = await sandbox();
    const pw = await b.secret('pw.txt', PW);
    const bare = concordiumEncrypt(dataA, PW);
    delete bare.metadata['keyLen'];
    delete bare.metadata['hashAlgorithm'];
    const r1 = okJson<ImportJson>(await b.run(['backup', 'import', await b.write('bare.json', bare), '--password-file', pw, '--json']));
    expect(r1.items.filter((i) => i.status === 'imported')).toHaveLength(r1.items.length);
    expect(r1.items.length).toBe(dataA.identities.length + dataA.accounts.length + dataA.addressBook.length);

    const other = desktopExportData({ tag: 'M' });
    const mobileParams = concordiumEncrypt(other, PW, { iterations: 100_000, saltLength: 32, keyLen: false });
    const r2 = okJson<ImportJson>(await b.run(['backup', 'import', await b.write('mobile-params.json', mobileParams), '--password-file', pw, '--json']));
    expect(r2.items.every((i) => i.status === 'imported')).toBe(true);
    expect(r2.items.length).toBe(other.identities.length + other.accounts.length + other.addressBook.length);
  });

  it('importing the same file twice reports everything "present" under its name and changes nothing', async () => {
    const { b, pw, a } = await withA();
    const before = vaultDump(b.vault);
    const again = okJson<ImportJson>(await b.run(['backup', 'import', a, '--password-file', pw, '--json']));
    expect(again.items.length).toBe(dataA.identities.length + dataA.accounts.length + dataA.addressBook.length);
    for (const item of again.items) {
      expect(item.status, JSON.stringify(item)).toBe('present');
      expect(item.presentAs).toBe(item.name);
    }
    expect(again.restored).toEqual([]);
    expect(again.skipped).toHaveLength(again.items.length);
    for (const s of again.skipped) expect(s.reason).toMatch(/already present/);
    expect(vaultDump(b.vault)).toEqual(before);
    const text = await b.run(['backup', 'import', a, '--password-file', pw]);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout + text.stderr).toMatch(/already present as "Concordium identity A0"/);
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a file from another network (genesis block) is refused and nothing changes', async () => {
    const { b, pw } = await withA();
    const before = vaultDump(b.vault);
    const testnet = await b.write('testnet.json', concordiumEncrypt(desktopExportData({ tag: 'T', genesisBlock: GENESIS_TESTNET }), PW));
    const msg = expectRefused(await b.run(['backup', 'import', testnet, '--password-file', pw]), EXIT.failed, { secrets: [PW] });
    expect(msg).toMatch(/network|genesis/i);
    expect(vaultDump(b.vault)).toEqual(before);
    expectRefused(await b.run(['backup', 'import', testnet, '--password-file', pw, '--json']), EXIT.failed, {
      longerThan: 20,
      json: true,
      match: /network|genesis/i,
    });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a second file of the same network adds to the first; an address already in the book is reported under its name there', async () => {
    const { b, pw } = await withA();
    const dataC = desktopExportData({ tag: 'C', identities: 1 });
    // One of its address-book entries is already in keepsake's book, under the user's own name.
    const known = String(dataC.addressBook.at(-1)!['address']);
    okJson(await b.run(['address', 'add', known, '--name', 'My name for it', '--json']));
    const c = await b.write('c.json', concordiumEncrypt(dataC, PW));
    const r = okJson<ImportJson>(await b.run(['backup', 'import', c, '--password-file', pw, '--json']));
    expect(r.items.filter((i) => i.address !== known).every((i) => i.status === 'imported')).toBe(true);
    expect(r.items.find((i) => i.address === known)).toMatchObject({ status: 'present', presentAs: 'My name for it' });
    expect(await b.list('address')).toHaveLength(dataA.addressBook.length + dataC.addressBook.length);
  });
});

describe('refusals: a clear reason each, exit code as documented, nothing changed', () => {
  it('a wrong password: exit 3, "Unable to decrypt"', async () => {
    const { b, a } = await withA();
    const before = vaultDump(b.vault);
    const wrong = await b.secret('wrong.txt', 'desk-Export-pw-8');
    const msg = expectRefused(await b.run(['backup', 'import', a, '--password-file', wrong]), EXIT.wrongPassword, { secrets: ['desk-Export-pw-8'] });
    expect(msg).toMatch(/Unable to decrypt/);
    expect(msg).not.toMatch(/not a Concordium Desktop Wallet export/);
    expectRefused(await b.run(['backup', 'import', a, '--password-file', wrong, '--json']), EXIT.wrongPassword, {
      longerThan: 20,
      json: true,
      match: /Unable to decrypt/,
    });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a Mobile Wallet export is refused after decryption with the sentence about the mobile wallet', async () => {
    const { b, pw } = await withA();
    const before = vaultDump(b.vault);
    const mobile = await b.write('mobile.json', concordiumEncrypt(mobileExportData(), PW, { iterations: 100_000, saltLength: 32, keyLen: false }));
    const msg = expectRefused(await b.run(['backup', 'import', mobile, '--password-file', pw]), EXIT.failed, { secrets: [PW] });
    expect(msg).toMatch(/is an export from a Concordium Mobile Wallet; those are not compatible with the desktop format/);
    // The same content under the desktop envelope's parameters: still refused, by what it holds.
    const disguised = await b.write('disguised.json', concordiumEncrypt(mobileExportData(), PW));
    expectRefused(await b.run(['backup', 'import', disguised, '--password-file', pw, '--json']), EXIT.failed, {
      longerThan: 20,
      json: true,
      match: /Concordium Mobile Wallet/,
    });
    // Refused *after* decryption: with a wrong password it is a wrong password.
    const wrong = await b.secret('wrong.txt', 'not-the-password');
    expectRefused(await b.run(['backup', 'import', mobile, '--password-file', wrong]), EXIT.wrongPassword, { match: /Unable to decrypt/ });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a file that decrypts to JSON without "identities" gets its own "not an export" message (exit 1)', async () => {
    const { b, pw } = await withA();
    const before = vaultDump(b.vault);
    const { identities: _drop, ...rest } = desktopExportData({ tag: 'X' });
    const noIdentities = await b.write('no-identities.json', concordiumEncrypt(rest, PW));
    const msg = expectRefused(await b.run(['backup', 'import', noIdentities, '--password-file', pw]), EXIT.failed, { secrets: [PW] });
    expect(msg).toMatch(/not a Concordium Desktop Wallet export/);
    expect(msg).toMatch(/identities/);
    expect(msg).not.toMatch(/Unable to decrypt/);
    const list = await b.write('a-list.json', concordiumEncrypt([1, 2, 3], PW));
    expectRefused(await b.run(['backup', 'import', list, '--password-file', pw]), EXIT.failed, { match: /not a Concordium Desktop Wallet export/ });
    const badEntry = desktopExportData({ tag: 'Y' });
    badEntry.accounts.push({ name: 'no address' });
    const bad = await b.write('bad-entry.json', concordiumEncrypt(badEntry, PW));
    expectRefused(await b.run(['backup', 'import', bad, '--password-file', pw]), EXIT.failed, { match: /not a Concordium Desktop Wallet export/ });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a tampered or damaged file: exit 3 when the ciphertext was altered, exit 1 when the envelope is damaged', async () => {
    const { b, pw } = await withA();
    const before = vaultDump(b.vault);
    const other = desktopExportData({ tag: 'Z' });
    const good = concordiumEncrypt(other, PW);
    // The last ciphertext byte garbles the last block (padding and the closing brace): not a plausible file any more.
    const ct = Buffer.from(good.cipherText, 'base64');
    ct[ct.length - 1]! ^= 0x01;
    const tampered = await b.write('tampered.json', { ...good, cipherText: ct.toString('base64') });
    expectRefused(await b.run(['backup', 'import', tampered, '--password-file', pw]), EXIT.wrongPassword, { match: /Unable to decrypt/ });

    const damaged: [string, ConcordiumEnvelope][] = [
      ['iv', { ...good, metadata: { ...good.metadata, initializationVector: Buffer.alloc(8).toString('base64') } }],
      ['partial block', { ...good, cipherText: ct.subarray(0, ct.length - 5).toString('base64') }],
      ['keyLen', { ...good, metadata: { ...good.metadata, keyLen: 16 } }],
      ['no salt', { ...good, metadata: { ...good.metadata, salt: undefined } }],
    ];
    for (const [what, env] of damaged) {
      const file = await b.write(`damaged-${what.replace(/ /g, '-')}.json`, env);
      const msg = expectRefused(await b.run(['backup', 'import', file, '--password-file', pw]), EXIT.failed, { secrets: [PW] });
      expect(msg, what).toMatch(/damaged|metadata|cipherText/);
    }
    // PBKDF2 iterations from the file are untrusted: a huge count is refused before any work, and says so.
    const huge = await b.write('huge.json', { ...good, metadata: { ...good.metadata, iterations: 2_000_000_000 } });
    expectRefused(await b.run(['backup', 'import', huge, '--password-file', pw]), EXIT.failed, { match: /limit/i });
    // A truncated file is not JSON any more.
    const text = await readFile(await b.write('whole.json', good), 'utf8');
    const cut = await b.write('cut.json', text.slice(0, Math.floor(text.length / 2)));
    expectRefused(await b.run(['backup', 'import', cut, '--password-file', pw]), EXIT.failed);
    expect(vaultDump(b.vault)).toEqual(before);
  });
});

describe('backup export --format concordium-desktop', () => {
  it('writes a file the desktop algorithm opens to exactly the data imported (every field kept)', async () => {
    const { b, pw } = await withA();
    const out = b.path('back-to-desktop.json');
    const r = okJson<{ identities: number; accounts: number; addresses: number }>(
      await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, '--json']),
    );
    expect(r).toMatchObject({ identities: dataA.identities.length, accounts: dataA.accounts.length, addresses: dataA.addressBook.length });
    const written = await readJson<ConcordiumEnvelope>(out);
    expect(Object.keys(written).sort()).toEqual(['cipherText', 'metadata']);
    expect(written.metadata).toMatchObject({
      keyLen: 32,
      iterations: 10_000,
      encryptionMethod: 'AES-256',
      keyDerivationMethod: 'PBKDF2WithHmacSHA256',
      hashAlgorithm: 'sha256',
    });
    expect(Buffer.from(String(written.metadata['salt']), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(written.metadata['initializationVector']), 'base64')).toHaveLength(16);
    expect(concordiumDecrypt(written, PW)).toEqual(dataA);
    // Nothing inside is readable without the password.
    const raw = await readFile(out, 'utf8');
    for (const x of [...dataA.identities, ...dataA.accounts, ...dataA.addressBook]) expect(raw).not.toContain(String(x['name']));
    for (const x of dataA.accounts) expect(raw).not.toContain(String(x['address']));
  });

  it('needs a password of at least 6 characters and a .json name', async () => {
    const { b } = await withA();
    const short = await b.secret('short.txt', '12345');
    expectRefused(await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', b.path('x.json'), '--password-file', short]), EXIT.usage, {
      secrets: ['12345'],
    });
    const pw = await b.secret('pw6.txt', '123456');
    // The data stays sealed under the imported file's password (PW), given beside the new one.
    const sealedUnder = await b.secret('import-pw.txt', PW);
    expectRefused(await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', b.path('x.txt'), '--password-file', pw]), EXIT.usage, {
      match: /\.json/,
    });
    const ok = okJson<{ out: string }>(
      await b.run([
        'backup',
        'export',
        '--format',
        'concordium-desktop',
        '--out',
        b.path('x.json'),
        '--password-file',
        pw,
        '--concordium-password-file',
        sealedUnder,
        '--json',
      ]),
    );
    expect(concordiumDecrypt(await readJson(ok.out), '123456')).toEqual(dataA);
  });

  it('keeps everything through a keepsake backup too: desktop file → vault → keepsake backup → fresh vault → desktop file', async () => {
    const { b, pw } = await withA();
    const backup = b.path('keepsake.json');
    okJson(await b.run(['backup', 'export', '--out', backup, '--password-file', pw, '--json']));
    const fresh = b.path('fresh.sqlite');
    okJson<ImportJson>(await b.run(['backup', 'import', backup, '--password-file', pw, '--json'], { vault: fresh }));
    const out = b.path('again-desktop.json');
    okJson(await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, '--json'], { vault: fresh }));
    expect(concordiumDecrypt(await readJson(out), PW)).toEqual(dataA);
    // And the fresh vault also refuses another network's file.
    const testnet = await b.write('testnet.json', concordiumEncrypt(desktopExportData({ tag: 'T', genesisBlock: GENESIS_TESTNET }), PW));
    const before = vaultDump(fresh);
    expectRefused(await b.run(['backup', 'import', testnet, '--password-file', pw], { vault: fresh }), EXIT.failed, { match: /network|genesis/i });
    expect(vaultDump(fresh)).toEqual(before);
  });
});
