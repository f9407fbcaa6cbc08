import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../src/crypto/bytes.js';
import { ecdsaAccountId, ss58Encode } from '../../../src/keys/address.js';
import { expectNoStack, expectNoSecrets, expectRefused, type Sandbox, type CliResult } from '../../support/cli.js';
import { ALICE, fixtureSandbox, fixtureSandboxRemove, VECTOR_FILES, WRONG_PASSWORD, type JsonObject } from './fixtures.js';

let box: Sandbox;
const GOOD_PASSWORD = VECTOR_FILES.find((v) => v.name === 'sr25519-v3')!.password;

beforeAll(async () => {
  box = await fixtureSandbox();
});
afterAll(() => fixtureSandboxRemove(box));

type VerifyAccount = {
  address: string;
  publicKey: string | null;
  type: string | null;
  name: string | null;
  ok: boolean;
  error?: { name: string; message: string } | null;
};
type VerifyReport = { format: string; accounts: VerifyAccount[] };

/** The address verify reports: in the network format the file used (prefix 42 for hex keys), EIP-55 for ethereum. */
function reportedAddress(v: (typeof VECTOR_FILES)[number]): string {
  if (v.keyType === 'ethereum') return v.expectedAddress;
  if (v.keyType === 'ecdsa') return ss58Encode(ecdsaAccountId(hexToBytes(v.expectedPublicKey)), 42);
  return v.file['address'] as string;
}

/** Passwords that may be checked for leaks: those that do not also occur in the file itself (a vector's name can be its password). */
function leakable(v: (typeof VECTOR_FILES)[number]): string[] {
  return JSON.stringify(v.file).includes(v.password) || v.password === 'password' ? [] : [v.password];
}

function expectVerified(run: CliResult, v: (typeof VECTOR_FILES)[number]): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as VerifyReport;
  expect(report.format).toBe('polkadot-js');
  expect(report.accounts).toHaveLength(1);
  const account = report.accounts[0]!;
  expect(account).toMatchObject({ address: reportedAddress(v), publicKey: v.expectedPublicKey, type: v.keyType, ok: true });
  // The file's own name when it has one; an unnamed account may be shown with a made-up name or null.
  const name = (v.file['meta'] as JsonObject)['name'];
  if (typeof name === 'string') expect(account.name).toBe(name);
  else expect(account.name === null || typeof account.name === 'string').toBe(true);
  expectNoStack(run);
  expectNoSecrets(run, leakable(v));
}

/**
 * A file that verify opens but would not restore (damaged, over the KDF caps, key ≠ address). The
 * exit code is 1 and one clear message names the problem: either only as an error on stderr, or as the
 * account's FAIL in verify's report (DESIGN.md: `accounts[].ok`) plus that same message once on stderr;
 * either way no stack trace and no password.
 */
async function expectNotRestorable(file: string, name: string, message: RegExp): Promise<void> {
  for (const json of [false, true]) {
    const run = await box.run(['verify', file, '--password-file', 'good.pw', ...(json ? ['--json'] : [])]);
    expectNoStack(run);
    expectNoSecrets(run, [GOOD_PASSWORD]);
    expect(run.code, `${file}${json ? ' --json' : ''}: ${run.stdout}${run.stderr}`).toBe(1);
    if (run.stdout === '') {
      expectRefused(run, 1, { name, json, match: message });
      continue;
    }
    // The report on stdout, and the same problem once on stderr (seen even when stdout is piped).
    const errLines = run.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).not.toMatch(/\n\s+at /);
    if (json)
      expect((JSON.parse(errLines[0]!) as { error: { name: string; message: string } }).error).toMatchObject({ name, message: expect.stringMatching(message) });
    else expect(errLines[0]).toMatch(message);
    if (json) {
      const report = JSON.parse(run.stdout) as VerifyReport & { ok?: boolean };
      expect(report.ok).toBe(false);
      expect(report.accounts).toHaveLength(1);
      const account = report.accounts[0]!;
      expect(account.ok).toBe(false);
      expect(account.publicKey).toBeNull();
      expect(account.error?.name).toBe(name);
      expect(account.error?.message).toMatch(message);
    } else {
      const failures = run.stdout.split('\n').filter((l) => /FAIL/.test(l));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(message);
      expect(run.stdout).not.toMatch(/Every account in this file would restore/);
    }
  }
}

describe('keepsake verify: the json vectors', () => {
  for (const v of VECTOR_FILES) {
    it(`${v.name}: --password-file F → exit 0, key checked against address`, async () => {
      expectVerified(await box.run(['verify', v.json, '--password-file', v.pw, '--json']), v);
    });

    it(`${v.name}: --password-file - (stdin) → exit 0`, async () => {
      expectVerified(await box.run(['verify', v.json, '--password-file', '-', '--json'], { stdin: `${v.password}\n` }), v);
    });
  }

  it('human output says each account would restore', async () => {
    const run = await box.run(['verify', 'good.json', '--password-file', 'good.pw']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ok .*FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH/);
    expect(run.stdout).toContain('Every account in this file would restore.');
    expectNoStack(run);
    expectNoSecrets(run, [GOOD_PASSWORD]);
  });

  it('reads only the first line of the password file, CRLF or not', async () => {
    const run = await box.run(['verify', 'good.json', '--password-file', 'good-crlf.pw', '--json']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('stdin without a final newline works too', async () => {
    const run = await box.run(['verify', 'good.json', '--password-file', '-', '--json'], { stdin: GOOD_PASSWORD });
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('keepsake verify: refusals (exit code, one clear message, no stack trace, no password)', () => {
  for (const json of [false, true]) {
    const flag = json ? ['--json'] : [];
    const suffix = json ? ' (--json)' : '';

    it(`wrong password → exit 3${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', '--password-file', 'wrong.pw', ...flag]);
      expectRefused(run, 3, { name: 'WrongPasswordError', json, match: /Wrong password/, secrets: [WRONG_PASSWORD, GOOD_PASSWORD] });
    });

    it(`wrong password from stdin → exit 3${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', '--password-file', '-', ...flag], { stdin: `${WRONG_PASSWORD}\n` });
      expectRefused(run, 3, { name: 'WrongPasswordError', json, secrets: [WRONG_PASSWORD] });
    });

    it(`wrong password on the legacy (version 2) file → exit 3${suffix}`, async () => {
      const run = await box.run(['verify', 'sr25519-v2.json', '--password-file', 'wrong.pw', ...flag]);
      expectRefused(run, 3, { name: 'WrongPasswordError', json, secrets: [WRONG_PASSWORD] });
    });

    it(`an altered ciphertext reads as a wrong password that may be tampering → exit 3${suffix}`, async () => {
      const run = await box.run(['verify', 'tampered-ciphertext.json', '--password-file', 'good.pw', ...flag]);
      expectRefused(run, 3, { name: 'WrongPasswordError', json, match: /altered/, secrets: [GOOD_PASSWORD] });
    });

    const fileLevel: { what: string; file: string; name: string; message?: RegExp }[] = [
      { what: 'not JSON', file: 'not-json.txt', name: 'NotJsonError', message: /not a JSON file/ },
      { what: 'binary garbage', file: 'binary.bin', name: 'NotJsonError' },
      // NotJsonError before issue 12 #14: a file cut off is said to be cut off.
      { what: 'JSON cut in half', file: 'truncated-text.json', name: 'TruncatedFileError', message: /is cut off: .* ends after \d+ bytes/ },
      { what: 'JSON of no known format', file: 'unknown.json', name: 'UnknownFormatError' },
      { what: '"encoded" a number', file: 'encoded-number.json', name: 'CorruptFileError' },
      { what: '"meta" a string', file: 'meta-string.json', name: 'CorruptFileError' },
      { what: 'a missing file', file: 'no-such-file.json', name: 'FileReadError', message: /does not exist/ },
    ];
    for (const c of fileLevel) {
      it(`${c.what} → exit 1, ${c.name}${suffix}`, async () => {
        const run = await box.run(['verify', c.file, '--password-file', 'good.pw', ...flag]);
        expectRefused(run, 1, { name: c.name, json, ...(c.message ? { match: c.message } : {}), secrets: [GOOD_PASSWORD] });
      });
    }

    it(`a missing password file → exit 1${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', '--password-file', 'no-such.pw', ...flag]);
      expectRefused(run, 1, { name: 'FileReadError', json, match: /no-such\.pw/ });
    });

    it(`no password source and no terminal → exit 2${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', ...flag]);
      expectRefused(run, 2, { name: 'PasswordRequiredError', json, match: /--password-file/ });
    });

    it(`an unknown option → exit 2${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', '--password-file', 'good.pw', '--frobnicate', ...flag]);
      expectRefused(run, 2, { name: 'UsageError', json, match: /^Unknown option '--frobnicate'\. Run `keepsake verify --help`/ });
    });

    it(`a password given as a flag value is not an option → exit 2${suffix}`, async () => {
      const run = await box.run(['verify', 'good.json', '--password', GOOD_PASSWORD, ...flag]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expectNoStack(run);
      expectNoSecrets(run, []);
    });
  }

  it('"encoded" cut short → exit 1, CorruptFileError', async () => {
    await expectNotRestorable('truncated-encoded.json', 'CorruptFileError', /cut short|damaged/);
  });

  it('scrypt N=2^21 in the header → exit 1, KdfParamsTooLargeError', async () => {
    await expectNotRestorable('kdf-n21.json', 'KdfParamsTooLargeError', /N=2\^21.*not decrypted/);
  });

  it('scrypt r=17 in the header → exit 1, KdfParamsTooLargeError', async () => {
    await expectNotRestorable('kdf-r17.json', 'KdfParamsTooLargeError', /r=17/);
  });

  it('scrypt p=5 in the header → exit 1, KdfParamsTooLargeError', async () => {
    await expectNotRestorable('kdf-p5.json', 'KdfParamsTooLargeError', /p=5/);
  });

  it('scrypt parameters no wallet writes → exit 1, UnsupportedKdfParamsError', async () => {
    await expectNotRestorable('kdf-unsupported.json', 'UnsupportedKdfParamsError', /N=2\^14/);
  });

  it('an address that is not the key’s → exit 1, AddressMismatchError naming both', async () => {
    await expectNotRestorable('address-mismatch.json', 'AddressMismatchError', new RegExp(`not to ${ALICE}`));
  });

  it('an address that does not decode → exit 1, InvalidAddressError', async () => {
    await expectNotRestorable('address-invalid.json', 'InvalidAddressError', /checksum/);
  });

  it('an unknown command → exit 2', async () => {
    expectRefused(await box.run(['verifyy', 'good.json', '--json']), 2, {
      name: 'UsageError',
      json: true,
      match: /^Unknown command 'verifyy'\. Did you mean verify\?/,
    });
  });
});
