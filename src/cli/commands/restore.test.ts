import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, jsonErrorOf } from '../testIo.js';
import { loadVectors } from '../../../test/support/vectors.js';

/**
 * The single-file commands in process (issue 13 item 3) — inspect, verify, restore, convert — on a
 * Polkadot{.js} v3 account file from the published vectors (test/vectors/polkadot-js.json).
 */

type JsonVector = { password: string; keyType: string; expectedAddress: string; expectedPublicKey: string; file: unknown };
const VECTOR = loadVectors<{ json: JsonVector[] }>('polkadot-js').json[0]!;

let box: CliSandbox;
let file: string;
let pw: string;

beforeAll(() => {
  box = cliSandbox();
  file = box.file('account.json', JSON.stringify(VECTOR.file));
  pw = box.file('pw.txt', VECTOR.password);
});
afterAll(() => box.remove());

describe('inspect and verify', () => {
  it('inspect names the format and the account without a password', async () => {
    const r = await box.json<{ format: string; accounts: { address: string }[] }>(['inspect', file]);
    expect(r.format).toBe('polkadot-js');
    expect(r.accounts.map((a) => a.address)).toEqual([VECTOR.expectedAddress]);
  });

  it('verify with the password: it would restore (exit 0); a wrong one: exit 3', async () => {
    const ok = await box.run(['verify', file, '--password-file', pw]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Every account in this file would restore\.\n$/);
    const wrong = await box.run(['verify', file, '--json'], { tty: true, answers: ['not-it'] });
    expect(wrong.code).toBe(3);
    expect(wrong.prompts).toEqual([`Password for ${file}: `]);
  });
});

describe('restore', () => {
  it('--on-duplicate merge: exit 2 before anything is read or asked', async () => {
    const r = await box.run(['restore', file, '--on-duplicate', 'merge'], { tty: true, answers: [VECTOR.password] });
    expect(r.code).toBe(2);
    expect(r.prompts).toEqual([]);
    expect(r.stderr).toBe('keepsake: --on-duplicate is skip or replace, not "merge". Run `keepsake restore --help` to see its options and an example.\n');
  });

  it('--network with an unknown name: exit 2 naming the close ones, before any password is asked (restore and rescue restore)', async () => {
    const r = await box.run(['restore', file, '--network', 'axa'], { tty: true, answers: [VECTOR.password] });
    expect(r.code).toBe(2);
    expect(r.prompts).toEqual([]);
    expect(r.stderr).toBe('keepsake: Unknown network "axa". Did you mean axia?\n');
    const rescue = await box.run(['rescue', 'restore', '--network', 'polkdot', '--json'], { tty: true, answers: [VECTOR.password] });
    expect(rescue.code).toBe(2);
    expect(rescue.prompts).toEqual([]);
    expect(jsonErrorOf(rescue)).toEqual({
      name: 'UnknownNetworkError',
      message: expect.stringMatching(/^Unknown network "polkdot"\. Did you mean polkadot\b/),
    });
  });

  it('restores the account (the vault made on first use), then skips it the second time', async () => {
    const first = await box.json<{ restored: { address: string }[] }>(['restore', file, '--password-file', pw]);
    expect(first.restored.map((a) => a.address)).toEqual([VECTOR.expectedAddress]);
    const second = await box.json<{ restored: unknown[]; skipped: unknown[] }>(['restore', file, '--password-file', pw]);
    expect(second).toMatchObject({ restored: [], skipped: [expect.anything()] });
  });
});

describe('convert', () => {
  /** `convert` of the vector's file to `to` at `out`, with its password and a new one. */
  const convertArgs = (to: string, out: string) => [
    'convert',
    file,
    '--to',
    to,
    '--out',
    out,
    '--password-file',
    pw,
    '--new-password-file',
    box.file('new.txt', 'new-password'),
  ];

  it('to an extension batch under a new password', async () => {
    const out = box.path('batch.json');
    const r = await box.json(convertArgs('polkadot-js-batch', out));
    expect(r).toMatchObject({ from: 'polkadot-js', to: 'polkadot-js-batch', out, accounts: 1 });
    expect((await box.json<{ format: string }>(['inspect', out])).format).toBe('polkadot-js-batch');
  });

  it('an unknown --to or --kdf: exit 2, the allowed values named, no file', async () => {
    const to = await box.run(['convert', file, '--to', 'metamask', '--out', box.path('x.json'), '--json']);
    expect(to.code).toBe(2);
    expect(jsonErrorOf(to).message).toMatch(/^--to is polkadot-js, polkadot-js-batch, apps or ethereum-keystore, not "metamask"\./);
    const kdf = await box.run(['convert', file, '--to', 'apps', '--kdf', 'fast', '--out', box.path('x.json'), '--json']);
    expect(kdf.code).toBe(2);
    expect(jsonErrorOf(kdf).message).toMatch(/^--kdf is default or compat, not "fast"\./);
  });

  it('an sr25519 key to an Ethereum keystore: refused with the reason (exit 1)', async () => {
    const r = await box.run([...convertArgs('ethereum-keystore', box.path('k.json')), '--json']);
    expect(r.code).toBe(1);
    expect(jsonErrorOf(r).name).toBe('ConversionImpossibleError');
  });
});

describe('ui', () => {
  it('a --port out of range: exit 2, no server started', async () => {
    const r = await box.run(['ui', '--port', '70000', '--no-open']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port is a number from 0 to 65535/);
  });
});
