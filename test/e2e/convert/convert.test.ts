/**
 * `keepsake convert` through the CLI: a ring through every format in both directions with a random
 * ethereum key, a multi-account ring with every key type and a watch-only entry, and every refusal with
 * its exit code and reason. Each output is opened by the references (./oracle.ts), never by keepsake.
 * The vault is never touched: every run points --vault at a path that must still not exist at the end.
 * (All sixteen format pairs, with random keys, are covered at library level in src/wallet/convert.test.ts.)
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, sandbox, expectRefused, EXIT, type Sandbox } from '../../support/cli.js';
import {
  COMPAT,
  ethAddress,
  ethPrivateKey,
  hex,
  keystoreDecrypt,
  keystoreEncrypt,
  multisigEntry,
  pairFromSeed,
  polkadotBatch,
  polkadotBatchOpen,
  polkadotOpen,
  polkadotReady,
  polkadotToJson,
  type Json,
  type KeystoreKdf,
} from './oracle.js';

const FAST: KeystoreKdf = { kdf: 'scrypt', n: 1 << 10, r: 8, p: 1 };
type Target = 'polkadot-js' | 'polkadot-js-batch' | 'apps' | 'ethereum-keystore';

let b: Sandbox;
beforeAll(async () => {
  assertBuilt();
  await polkadotReady();
  b = await sandbox({ manual: true });
});
afterEach(() => {
  expect(b.exists('vault.sqlite'), 'convert created or touched the vault').toBe(false);
});
afterAll(() => b?.remove());

/** `keepsake --vault <absent> --json convert IN --to T --out OUT …` with the passwords in files. */
async function convert(input: string, to: string, out: string, inPw: string, outPw: string, extra: readonly string[] = ['--kdf', 'compat']) {
  const inFile = await b.secret(`${out}.in.pw`, inPw);
  const outFile = await b.secret(`${out}.out.pw`, outPw);
  return b.run(['--json', 'convert', b.path(input), '--to', to, '--out', b.path(out), '--password-file', inFile, '--new-password-file', outFile, ...extra]);
}

async function convertOk(input: string, to: Target, out: string, inPw: string, outPw: string) {
  const r = await convert(input, to, out, inPw, outPw);
  expect(r.code, r.stderr).toBe(EXIT.ok);
  expect(r.stderr).not.toContain(inPw);
  expect(r.stderr).not.toContain(outPw);
  return JSON.parse(r.stdout) as { from: string; to: string; accounts: number; watchOnly: number };
}

/** The secret (pkcs8) and type of every keyed account in a file, read with the references only. */
async function secretsOf(name: string, format: Target, password: string): Promise<[string, string][]> {
  const json = await b.read(name);
  const one = (e: unknown): [string, string] => {
    const o = polkadotOpen(e, password);
    return [o.type, o.pkcs8];
  };
  switch (format) {
    case 'polkadot-js':
      return [one(json)];
    case 'polkadot-js-batch':
      return polkadotBatchOpen(json as Json, password).map(one);
    case 'apps':
      return (json as Json[]).filter((e) => 'encoded' in e).map(one);
    case 'ethereum-keystore': {
      const { privateKey } = await keystoreDecrypt(json as Json, password, 'node');
      return [['ethereum', hex(pairFromSeed('ethereum', privateKey).encodePkcs8())]];
    }
  }
}

describe('a ring through every format, both directions (random ethereum key)', () => {
  it('keystore → polkadot-js → batch → apps → keystore → apps → batch → polkadot-js → keystore', async () => {
    const [bytes] = fc.sample(fc.uint8Array({ minLength: 32, maxLength: 32 }), { numRuns: 1 });
    const key = ethPrivateKey(bytes!);
    const expected: [string, string][] = [['ethereum', hex(pairFromSeed('ethereum', key).encodePkcs8())]];
    await b.write('ring-0.json', await keystoreEncrypt(key, 'pw 0', FAST));
    const steps: Target[] = ['polkadot-js', 'polkadot-js-batch', 'apps', 'ethereum-keystore', 'apps', 'polkadot-js-batch', 'polkadot-js', 'ethereum-keystore'];
    let from = 'ethereum-keystore';
    for (const [i, to] of steps.entries()) {
      const result = await convertOk(`ring-${i}.json`, to, `ring-${i + 1}.json`, `pw ${i}`, `pw ${i + 1}`);
      expect(result).toMatchObject({ from, to, accounts: 1, watchOnly: 0 });
      expect(await secretsOf(`ring-${i + 1}.json`, to, `pw ${i + 1}`), `${from} → ${to}`).toEqual(expected);
      from = to;
    }
    const last = (await b.read('ring-8.json')) as Json;
    expect(last['address']).toBe(ethAddress(key).slice(2));
  });

  it('several accounts of every key type and a multisig: apps → apps, apps (keyed) → batch → apps', async () => {
    const pairs = (['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const).map((type, i) =>
      pairFromSeed(type, new Uint8Array(32).fill(40 + i), { name: `${type} account`, whenCreated: 1 }),
    );
    const expected = pairs.map((p): [string, string] => [p.type, hex(p.encodePkcs8())]);
    const ms = multisigEntry([pairs[0]!.address, pairs[1]!.address]);
    await b.write('many-apps.json', [...pairs.map((p) => polkadotToJson(p, 'many', COMPAT)), ms]);
    await b.write(
      'many-keyed.json',
      pairs.map((p) => polkadotToJson(p, 'many', COMPAT)),
    );

    expect(await convertOk('many-apps.json', 'apps', 'many-apps-2.json', 'many', 'many 2')).toMatchObject({ accounts: 5, watchOnly: 1 });
    expect(await secretsOf('many-apps-2.json', 'apps', 'many 2')).toEqual(expected);
    const watch = ((await b.read('many-apps-2.json')) as Json[]).filter((e) => !('encoded' in e));
    expect(watch.map((w) => w['address'])).toEqual([ms['address']]);

    await convertOk('many-keyed.json', 'polkadot-js-batch', 'many-batch.json', 'many', 'batch');
    expect(await secretsOf('many-batch.json', 'polkadot-js-batch', 'batch')).toEqual(expected);
    await convertOk('many-batch.json', 'apps', 'many-apps-3.json', 'batch', 'apps 3');
    expect(await secretsOf('many-apps-3.json', 'apps', 'apps 3')).toEqual(expected);
    // The addresses as Polkadot{.js} writes them: SS58 for sr/ed25519, the hex public key for secp256k1 types.
    expect(((await b.read('many-apps-3.json')) as Json[]).map((e) => e['address'])).toEqual(
      pairs.map((p) => (p.type === 'ecdsa' || p.type === 'ethereum' ? '0x' + hex(p.publicKey) : p.address)),
    );
  });

  it('without --kdf: Polkadot{.js} outputs use N=2^17, which @polkadot/keyring opens', async () => {
    const p = pairFromSeed('sr25519', new Uint8Array(32).fill(50), { name: 'default kdf' });
    await b.write('default-in.json', polkadotToJson(p, 'd', COMPAT));
    const r = await convert('default-in.json', 'polkadot-js', 'default-out.json', 'd', 'd2', []);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const json = (await b.read('default-out.json')) as Json;
    expect(Buffer.from(json['encoded'] as string, 'base64').readUInt32LE(32)).toBe(1 << 17);
    expect(polkadotOpen(json, 'd2').pkcs8).toBe(hex(p.encodePkcs8()));
  });
});

describe('refusals: exit code, reason, no output file', () => {
  const seedOf = (n: number) => new Uint8Array(32).fill(n);

  it.each(['sr25519', 'ed25519', 'ecdsa'] as const)('%s account → ethereum-keystore: exit 1, the key type named', async (type) => {
    const p = pairFromSeed(type, seedOf(60), { name: type });
    await b.write(`${type}.json`, polkadotToJson(p, 'pw', COMPAT));
    const err = expectRefused(await convert(`${type}.json`, 'ethereum-keystore', `${type}-ks.json`, 'pw', 'New-Pw-9'), EXIT.failed, {
      json: true,
      name: 'ConversionImpossibleError',
      secrets: ['New-Pw-9'],
    });
    expect(err).toContain(type);
    expect(b.exists(`${type}-ks.json`)).toBe(false);
  });

  it.each([
    ['polkadot-js-batch', 'polkadot-js'],
    ['polkadot-js-batch', 'ethereum-keystore'],
    ['apps', 'polkadot-js'],
    ['apps', 'ethereum-keystore'],
  ] as const)('%s with two accounts → %s: exit 1, the count named', async (from, to) => {
    const entries = [pairFromSeed('ethereum', seedOf(61)), pairFromSeed('ethereum', seedOf(62))].map((p) => polkadotToJson(p, 'two', COMPAT));
    const input = `two-${from}.json`;
    await b.write(input, from === 'apps' ? entries : polkadotBatch(entries, 'two', COMPAT));
    const err = expectRefused(await convert(input, to, `two-${from}-${to}.json`, 'two', 'new'), EXIT.failed, { json: true, name: 'ConversionImpossibleError' });
    expect(err).toMatch(/2 accounts/);
    expect(b.exists(`two-${from}-${to}.json`)).toBe(false);
  });

  it('an Apps list with a watch-only entry → polkadot-js-batch: exit 1, says it has no key', async () => {
    const p = pairFromSeed('sr25519', seedOf(63));
    await b.write('with-watch.json', [polkadotToJson(p, 'w', COMPAT), multisigEntry([p.address])]);
    const err = expectRefused(await convert('with-watch.json', 'polkadot-js-batch', 'with-watch-batch.json', 'w', 'new'), EXIT.failed, {
      json: true,
      name: 'ConversionImpossibleError',
    });
    expect(err).toMatch(/no key/);
    expect(b.exists('with-watch-batch.json')).toBe(false);
  });

  it.each(['polkadot-js', 'polkadot-js-batch', 'apps', 'ethereum-keystore'] as const)('wrong password for a %s input: exit 3, no output file', async (from) => {
    const p = pairFromSeed('ethereum', seedOf(64));
    const entry = polkadotToJson(p, 'right', COMPAT);
    const content =
      from === 'polkadot-js'
        ? entry
        : from === 'polkadot-js-batch'
          ? polkadotBatch([entry], 'right', COMPAT)
          : from === 'apps'
            ? [entry]
            : await keystoreEncrypt(ethPrivateKey(seedOf(64)), 'right', FAST);
    await b.write(`wrong-${from}.json`, content);
    const r = await convert(`wrong-${from}.json`, 'apps', `wrong-${from}-out.json`, 'Not-The-Password', 'New-Pw-9');
    expectRefused(r, EXIT.wrongPassword, { json: true, name: 'WrongPasswordError', secrets: ['Not-The-Password', 'New-Pw-9'] });
    expect(b.exists(`wrong-${from}-out.json`)).toBe(false);
  });

  it('an existing output without --force: exit 1 OutputExistsError, the file unchanged; with --force it is replaced', async () => {
    const p = pairFromSeed('ed25519', seedOf(65));
    await b.write('force-in.json', polkadotToJson(p, 'f', COMPAT));
    await b.write('force-out.json', 'precious\n');
    expectRefused(await convert('force-in.json', 'apps', 'force-out.json', 'f', 'g'), EXIT.failed, { json: true, name: 'OutputExistsError' });
    expect(await import('node:fs/promises').then((fs) => fs.readFile(b.path('force-out.json'), 'utf8'))).toBe('precious\n');
    const forced = await convert('force-in.json', 'apps', 'force-out.json', 'f', 'g', ['--kdf', 'compat', '--force']);
    expect(forced.code, forced.stderr).toBe(EXIT.ok);
    expect(await secretsOf('force-out.json', 'apps', 'g')).toEqual([['ed25519', hex(p.encodePkcs8())]]);
  });

  it('an unknown --to or --kdf: exit 2 (usage)', async () => {
    const p = pairFromSeed('ed25519', seedOf(66));
    await b.write('usage-in.json', polkadotToJson(p, 'u', COMPAT));
    expectRefused(await convert('usage-in.json', 'metamask', 'usage-out.json', 'u', 'v'), EXIT.usage, { json: true, name: 'UsageError' });
    expectRefused(await convert('usage-in.json', 'apps', 'usage-out.json', 'u', 'v', ['--kdf', 'fast']), EXIT.usage, { json: true, name: 'UsageError' });
    expect(b.exists('usage-out.json')).toBe(false);
  });
});
