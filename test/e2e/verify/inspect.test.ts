import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../src/crypto/bytes.js';
import { ecdsaAccountId, ss58Encode } from '../../../src/keys/address.js';
import { expectNoStack, expectNoSecrets, expectRefused, type Sandbox } from '../../support/cli.js';
import { fixtureSandbox, fixtureSandboxRemove, VECTOR_FILES, type JsonObject } from './fixtures.js';

let box: Sandbox;

beforeAll(async () => {
  box = await fixtureSandbox();
});
afterAll(() => fixtureSandboxRemove(box));

/** The address inspect shows: as the file has it, except hex keys, which become their account's address. */
function shownAddress(v: (typeof VECTOR_FILES)[number]): string {
  if (v.keyType === 'ethereum') return v.expectedAddress;
  if (v.keyType === 'ecdsa') return ss58Encode(ecdsaAccountId(hexToBytes(v.expectedPublicKey)), 42);
  return v.file['address'] as string;
}

describe('keepsake inspect: the json vectors', () => {
  for (const v of VECTOR_FILES) {
    it(`${v.name}: --json gives the format and the account, without a password`, async () => {
      const run = await box.run(['inspect', v.json, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { format: string; accounts: JsonObject[] };
      expect(report.format).toBe('polkadot-js');
      expect(report.accounts).toHaveLength(1);
      const account = report.accounts[0]!;
      expect(account).toMatchObject({ address: shownAddress(v), type: v.keyType });
      const name = (v.file['meta'] as JsonObject)['name'];
      if (typeof name === 'string') expect(account['name']).toBe(name);
      else expect(account['name'] === null || typeof account['name'] === 'string').toBe(true);
      expect(Object.keys(account)).toEqual(expect.arrayContaining(['address', 'type', 'name']));
      // inspect decrypts nothing, so it has no public key to show and no verdict.
      expect(account['ok']).toBeUndefined();
    });
  }

  it('human output names the format, the encryption and the account', async () => {
    const run = await box.run(['inspect', 'good.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Polkadot{.js} account file');
    expect(run.stdout).toMatch(/scrypt N=2\^15 r=8 p=1/);
    expect(run.stdout).toContain(VECTOR_FILES.find((v) => v.name === 'sr25519-v3')!.file['address'] as string);
    expect(run.stdout).toContain('"e2e account"');
    expectNoStack(run);
    expectNoSecrets(run, ['version3']);
  });

  it('--json works before the command name too', async () => {
    const run = await box.run(['--json', 'inspect', 'good.json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { format: string }).format).toBe('polkadot-js');
  });

  it('recognises an Ethereum keystore', async () => {
    const run = await box.run(['inspect', 'keystore.json', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { format: string }).format).toBe('ethereum-keystore');
  });
});

describe('keepsake inspect: refusals (exit code, one line on stderr, no stack trace)', () => {
  const cases: { what: string; args: string[]; code: number; name: string; message?: RegExp }[] = [
    { what: 'not JSON', args: ['not-json.txt'], code: 1, name: 'NotJsonError', message: /not a JSON file/ },
    { what: 'binary garbage', args: ['binary.bin'], code: 1, name: 'NotJsonError' },
    // NotJsonError before issue 12 #14: a file cut off is said to be cut off.
    { what: 'JSON cut in half', args: ['truncated-text.json'], code: 1, name: 'TruncatedFileError', message: /is cut off: .* ends after \d+ bytes/ },
    { what: 'JSON of no known format', args: ['unknown.json'], code: 1, name: 'UnknownFormatError', message: /not a wallet file keepsake recognises/ },
    { what: 'an empty list', args: ['empty-list.json'], code: 1, name: 'UnknownFormatError' },
    { what: '"encoded" a number', args: ['encoded-number.json'], code: 1, name: 'CorruptFileError', message: /damaged/ },
    { what: '"meta" a string', args: ['meta-string.json'], code: 1, name: 'CorruptFileError' },
    { what: '"content" a number', args: ['content-number.json'], code: 1, name: 'CorruptFileError' },
    { what: '"encoded" cut inside the scrypt header', args: ['truncated-header.json'], code: 1, name: 'CorruptFileError' },
    { what: 'scrypt N=2^21', args: ['kdf-n21.json'], code: 1, name: 'KdfParamsTooLargeError', message: /N=2\^21.*over keepsake's limits/ },
    { what: 'scrypt r=17', args: ['kdf-r17.json'], code: 1, name: 'KdfParamsTooLargeError', message: /r=17/ },
    { what: 'scrypt p=5', args: ['kdf-p5.json'], code: 1, name: 'KdfParamsTooLargeError', message: /p=5/ },
    { what: 'scrypt parameters no wallet writes', args: ['kdf-unsupported.json'], code: 1, name: 'UnsupportedKdfParamsError', message: /N=2\^14/ },
    { what: 'a missing file', args: ['no-such-file.json'], code: 1, name: 'FileReadError', message: /does not exist/ },
    { what: 'a directory', args: ['.'], code: 1, name: 'FileReadError' },
    { what: 'no file argument', args: [], code: 2, name: 'UsageError' },
    {
      what: 'an unknown option',
      args: ['good.json', '--frobnicate'],
      code: 2,
      name: 'UsageError',
      message: /^Unknown option '--frobnicate'\. Run `keepsake inspect --help`/,
    },
  ];
  for (const c of cases) {
    for (const json of [false, true]) {
      it(`${c.what}${json ? ' (--json)' : ''} → exit ${c.code}, ${c.name}`, async () => {
        const run = await box.run(['inspect', ...c.args, ...(json ? ['--json'] : [])]);
        expectRefused(run, c.code, { name: c.name, json, ...(c.message ? { match: c.message } : {}), secrets: ['version3'] });
      });
    }
  }

  it('an unknown command → exit 2', async () => {
    expectRefused(await box.run(['inspekt', 'good.json', '--json']), 2, {
      name: 'UsageError',
      json: true,
      match: /^Unknown command 'inspekt'\. Did you mean inspect\?/,
    });
    const human = await box.run(['frobnicate']);
    expectRefused(human, 2, { name: 'UsageError', json: false, match: /^Unknown command 'frobnicate'\. Run `keepsake --help`/ });
  });

  it('names the file in the message', async () => {
    const run = await box.run(['inspect', 'unknown.json']);
    expect(run.stderr).toContain('unknown.json');
  });
});
