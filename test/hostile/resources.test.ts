/**
 * Resource use (issue 11 item 14; security review #11): a 457-byte Ethereum keystore asking for scrypt
 * n=2^20, r=8 made keepsake allocate 1.1 GB (a folder of them several GB), and n=2, r=1, p=2^22 gave
 * "Unexpected error (RangeError): this is a bug" on the CLI and HTTP 500 from the server. Both are now
 * refused before any derivation, with one sentence naming the parameters and the limit, exit 1 /
 * HTTP 400, and the vault unchanged. (The memory budget itself is counted in src/crypto/scrypt.test.ts.)
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverCreate } from '../../src/server/app.js';
import { vaultClose, vaultOpen, type Vault } from '../../src/vault/open.js';
import { EXIT, expectRefused, okJson, sandbox, type RestoreJson } from '../support/cli.js';

const PW = 'resources-Secret-pw-14';

/** A keystore v3 file (457 bytes or so) with the given scrypt parameters; refused before its MAC matters. */
function keystore(n: number, r: number, p: number): object {
  const hex = (bytes: number, fill: string) => fill.repeat(bytes * 2);
  return {
    address: hex(20, 'a'),
    crypto: {
      cipher: 'aes-128-ctr',
      ciphertext: hex(32, 'b'),
      cipherparams: { iv: hex(16, 'c') },
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n, p, r, salt: hex(32, 'd') },
      mac: hex(32, 'e'),
    },
    id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
    version: 3,
  };
}

const HUGE_TABLE = keystore(1 << 20, 8, 1);
const HUGE_P = keystore(2, 1, 2 ** 22);

describe('verify: a keystore asking for too much scrypt memory', () => {
  it('n=2^20, r=8 (1 GiB from a 457-byte file) → exit 1, one sentence naming the parameters and the 256 MiB limit', async () => {
    const box = await sandbox();
    expect(JSON.stringify(HUGE_TABLE).length).toBeLessThan(520);
    const file = await box.write('huge-n.json', HUGE_TABLE);
    const pw = await box.secret('pw.txt', PW);
    const line = expectRefused(await box.run(['verify', file, '--password-file', pw]), EXIT.failed, { secrets: [PW], match: /N=2\^20, r=8, p=1/ });
    expect(line).toMatch(/128·N·r ≤ 256 MiB/);
    expect(line).not.toMatch(/bug|unexpected|RangeError/i);
    const json = await box.run(['--json', 'verify', file, '--password-file', pw]);
    expect(expectRefused(json, EXIT.failed, { json: true, secrets: [PW] })).toMatch(/256 MiB/);
    expect((JSON.parse(json.stderr) as { error: { name: string } }).error.name).toBe('KdfParamsTooLargeError');
  });

  it('n=2, r=1, p=2^22 → exit 1, a clear sentence (not "this is a bug")', async () => {
    const box = await sandbox();
    const file = await box.write('huge-p.json', HUGE_P);
    const pw = await box.secret('pw.txt', PW);
    const line = expectRefused(await box.run(['verify', file, '--password-file', pw]), EXIT.failed, { secrets: [PW], match: /p=4194304/ });
    expect(line).toMatch(/128·r·p ≤ 2 MiB/);
    expect(line).not.toMatch(/bug|unexpected|RangeError/i);
  });

  it('restore of a folder of them: each file fails with KdfParamsTooLargeError, exit 1, the vault unchanged', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const before = await box.list();
    mkdirSync(box.path('ks'));
    for (let i = 0; i < 4; i++) await box.write(join('ks', `n20-${i}.json`), HUGE_TABLE);
    for (let i = 0; i < 2; i++) await box.write(join('ks', `p22-${i}.json`), HUGE_P);
    const r = await box.run(['--json', 'restore', box.path('ks'), '--password-file', pw]);
    expect(r.code, r.stderr).toBe(EXIT.failed);
    const report = JSON.parse(r.stdout) as RestoreJson;
    expect(report.restored).toEqual([]);
    expect(report.failed.map((f) => f.error.name)).toEqual(Array(6).fill('KdfParamsTooLargeError'));
    for (const f of report.failed) expect(f.error.message).not.toMatch(/bug/i);
    expect(await box.list()).toEqual(before);
  });
});

describe('the server: the same keystore is a 400 with the sentence, never a 500', () => {
  const TOKEN = 'resources-token-0123456789abcdef';
  let dir: string;
  let vault: Vault;
  let app: ReturnType<typeof serverCreate>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keepsake-resources-'));
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>keepsake</title>');
    vault = vaultOpen(join(dir, 'vault.sqlite'));
    app = serverCreate({ vault, token: TOKEN, webRoot: join(dir, 'web') });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    if (vault) vaultClose(vault);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['n=2^20, r=8', HUGE_TABLE, /256 MiB/],
    ['n=2, r=1, p=2^22', HUGE_P, /128·r·p/],
  ])('/api/verify of a keystore with %s → 400 KdfParamsTooLargeError', async (_, json, message) => {
    const { port } = app.server.address() as { port: number };
    const res = await app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { host: `127.0.0.1:${port}`, 'x-keepsake-token': TOKEN, 'content-type': 'application/json' },
      payload: JSON.stringify({ files: [{ name: 'ks.json', text: JSON.stringify(json) }], password: PW }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { name: string; message: string } };
    expect(body.error.name).toBe('KdfParamsTooLargeError');
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toContain(PW);
  });
});

describe('what a real keystore asks for still opens', () => {
  it("geth's light parameters (n=2^12, r=8, p=6) verify as before", async () => {
    const { ethereumKeystoreWrite } = await import('../../src/formats/ethereum-keystore.js');
    const { schemeLoad } = await import('../../src/keys/scheme.js');
    const scheme = await schemeLoad('ethereum');
    const pair = scheme.fromSeed(new Uint8Array(32).fill(14));
    const json = await ethereumKeystoreWrite(pair.secretKey, scheme.accountId(pair.publicKey), PW, { params: { N: 1 << 12, r: 8, p: 6 } });
    const box = await sandbox();
    const file = await box.write('light.json', json);
    const pw = await box.secret('pw.txt', PW);
    const r = okJson<{ ok: boolean }>(await box.run(['--json', 'verify', file, '--password-file', pw]));
    expect(r.ok).toBe(true);
  });
});
