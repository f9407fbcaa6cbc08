/**
 * convertFile: every pair of polkadot-js, polkadot-js-batch, apps and ethereum-keystore, both ways,
 * with random keys (fast-check). Inputs are made by Polkadot{.js} (@polkadot/keyring, util-crypto) and
 * by the independent keystore implementation (test/e2e/convert/oracle.ts); outputs are opened by the same
 * references, never by keepsake. Then every refusal, with its reason.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPAT,
  ethAddress,
  ethPrivateKey,
  hex,
  KEY_TYPES,
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
  type KeyType,
  type KeystoreKdf,
} from '../../test/e2e/convert/oracle.js';
import { ConversionImpossibleError } from '../errors/file.js';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import { WrongPasswordError } from '../errors/password.js';
import { convertFile, CONVERT_TARGETS, type ConvertTarget } from './convert.js';
import { fileAccountsOpen } from './fileAccounts.js';
import { rejection } from '../../test/support/rejection.js';

type Format = ConvertTarget;
const FORMATS: readonly Format[] = CONVERT_TARGETS;
const FAST: KeystoreKdf = { kdf: 'scrypt', n: 1 << 10, r: 8, p: 1 };
/** A co-signer for the multisig (watch-only) entries. */
const WHO = pairFromSeed('sr25519', new Uint8Array(32).fill(1)).address;
const SINGLE = (f: Format) => f === 'polkadot-js' || f === 'ethereum-keystore';

/** What an account is, whatever file carries it: its type, its pkcs8 (secret ‖ public) and the address a Polkadot{.js} file writes. */
type Expected = { type: KeyType; pkcs8: string; fileAddress: string; name: string | null; meta: Json | null };

type Acc = { type: KeyType; seed: Uint8Array; name: string; prefix: number };

/** Passwords without the `0x…` hex form (Polkadot{.js} reads those as bytes; not this issue) and without line breaks. */
const passwordArb = fc
  .oneof(fc.string({ minLength: 1, maxLength: 16 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom('pässwörd', '密码', '🔑 key'))
  .filter((p) => !/^0x/i.test(p) && !/[\r\n]/.test(p));

function accArb(types: readonly KeyType[]): fc.Arbitrary<Acc> {
  return fc.record({
    type: fc.constantFrom(...types),
    seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,11}$/),
    prefix: fc.constantFrom(0, 2, 42),
  });
}

const META_EXTRA = { whenCreated: 1_700_000_000_000, tags: ['imported'], customField: { kept: true } };

function pairOf(a: Acc) {
  return pairFromSeed(a.type, a.seed, { name: a.name, ...META_EXTRA }, a.prefix);
}

function expectedOf(a: Acc): Expected {
  const p = pairOf(a);
  return {
    type: a.type,
    pkcs8: hex(p.encodePkcs8()),
    fileAddress: a.type === 'ecdsa' || a.type === 'ethereum' ? '0x' + hex(p.publicKey) : p.address,
    name: a.name,
    meta: { name: a.name, ...META_EXTRA },
  };
}

/** An input file in `format` made by the references, with `watch` watch-only (multisig) entries for an Apps list. */
async function makeInput(format: Format, accs: readonly Acc[], password: string, watch: readonly Json[] = []): Promise<string> {
  switch (format) {
    case 'polkadot-js':
      return JSON.stringify(polkadotToJson(pairOf(accs[0]!), password, COMPAT));
    case 'polkadot-js-batch':
      return JSON.stringify(
        polkadotBatch(
          accs.map((a) => polkadotToJson(pairOf(a), password, COMPAT)),
          password,
          COMPAT,
        ),
      );
    case 'apps':
      return JSON.stringify([...accs.map((a) => polkadotToJson(pairOf(a), password, COMPAT)), ...watch]);
    case 'ethereum-keystore':
      return JSON.stringify(await keystoreEncrypt(ethPrivateKey(accs[0]!.seed), password, FAST));
  }
}

type Out = { keyed: (Expected & { n: number | null })[]; watch: Json[] };

function scryptN(json: Json): number {
  return Buffer.from(json['encoded'] as string, 'base64').readUInt32LE(32);
}

function openPolkadot(json: Json, password: string): Expected & { n: number } {
  const o = polkadotOpen(json, password);
  return {
    type: o.type,
    pkcs8: o.pkcs8,
    fileAddress: json['address'] as string,
    name: (o.meta['name'] as string | undefined) ?? null,
    meta: o.meta as Json,
    n: scryptN(json),
  };
}

/** Opens an output with the references only. */
async function openOutput(format: Format, text: string, password: string): Promise<Out> {
  const json = JSON.parse(text) as unknown;
  switch (format) {
    case 'polkadot-js':
      return { keyed: [openPolkadot(json as Json, password)], watch: [] };
    case 'polkadot-js-batch': {
      const batch = json as Json;
      const entries = polkadotBatchOpen(batch, password);
      // The unauthenticated preview lists the same accounts.
      expect(batch['accounts']).toEqual(entries.map((e) => ({ address: e.address, meta: e.meta })));
      expect(scryptN(batch)).toBe(COMPAT.N);
      return { keyed: entries.map((e) => openPolkadot(e as unknown as Json, password)), watch: [] };
    }
    case 'apps': {
      const list = json as Json[];
      expect(Array.isArray(list)).toBe(true);
      return { keyed: list.filter((e) => 'encoded' in e).map((e) => openPolkadot(e, password)), watch: list.filter((e) => !('encoded' in e)) };
    }
    case 'ethereum-keystore': {
      const { privateKey, address } = await keystoreDecrypt(json as Json, password, 'node');
      expect((json as Json)['address']).toBe(address.slice(2));
      const p = pairFromSeed('ethereum', privateKey);
      return { keyed: [{ type: 'ethereum', pkcs8: hex(p.encodePkcs8()), fileAddress: '0x' + hex(p.publicKey), name: null, meta: null, n: null }], watch: [] };
    }
  }
}

beforeAll(polkadotReady);

describe('every conversion pair, with random keys, opened by the references', () => {
  const pairs = FORMATS.flatMap((from) => FORMATS.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', async (from, to) => {
    const types = from === 'ethereum-keystore' || to === 'ethereum-keystore' ? (['ethereum'] as const) : KEY_TYPES;
    const max = SINGLE(from) || SINGLE(to) ? 1 : 2;
    const watchable = from === 'apps' && to === 'apps';
    await fc.assert(
      fc.asyncProperty(
        fc.array(accArb(types), { minLength: 1, maxLength: max }),
        passwordArb,
        passwordArb,
        fc.integer({ min: 0, max: watchable ? 2 : 0 }),
        async (accs, inPw, outPw, watchCount) => {
          const watch = Array.from({ length: watchCount }, (_, i) => multisigEntry([WHO], `Multisig ${i}`, 1 + i));
          const input = await makeInput(from, accs, inPw, watch);
          const result = await convertFile(input, inPw, outPw, to, { kdf: 'compat' });
          expect(result).toMatchObject({ from, accounts: accs.length + watch.length, watchOnly: watch.length });
          const out = await openOutput(to, result.json, outPw);
          const expected = accs.map(expectedOf);
          expect(out.keyed.map((k) => [k.type, k.pkcs8])).toEqual(expected.map((e) => [e.type, e.pkcs8]));
          if (to !== 'ethereum-keystore') {
            // The address as the input wrote it (network prefix kept; hex public key for secp256k1 types).
            expect(out.keyed.map((k) => k.fileAddress)).toEqual(expected.map((e) => e.fileAddress));
            for (const k of out.keyed) expect(k.n, '--kdf compat writes N=2^15').toBe(COMPAT.N);
            if (from !== 'ethereum-keystore') {
              // Names and every other meta field survive (DESIGN.md: keep unknown fields through a round trip).
              for (const [k, e] of out.keyed.map((k, i) => [k, expected[i]!] as const)) expect(k.meta).toMatchObject(e.meta!);
            }
          }
          expect(out.watch.map((w) => w['address'])).toEqual(watch.map((w) => w['address']));
        },
      ),
      { numRuns: 2, endOnFailure: true },
    );
  });

  it('the default KDF for Polkadot{.js} outputs is N=2^17 (what Polkadot{.js} writes today)', async () => {
    const acc: Acc = { type: 'ed25519', seed: new Uint8Array(32).fill(3), name: 'Default', prefix: 42 };
    const out = await convertFile(await makeInput('apps', [acc], 'in'), 'in', 'out', 'polkadot-js');
    expect(scryptN(JSON.parse(out.json) as Json)).toBe(1 << 17);
    expect(openPolkadot(JSON.parse(out.json) as Json, 'out').pkcs8).toBe(expectedOf(acc).pkcs8);
  });
});

describe('watch-only entries through an Apps → Apps conversion', () => {
  it('a multisig entry keeps its meta (isMultisig, threshold, who) as Apps needs it', async () => {
    const acc: Acc = { type: 'sr25519', seed: new Uint8Array(32).fill(4), name: 'Signer', prefix: 42 };
    const other = pairFromSeed('sr25519', new Uint8Array(32).fill(5));
    const ms = multisigEntry([pairOf(acc).address, other.address], 'Treasury', 2);
    const out = await convertFile(await makeInput('apps', [acc], 'pw', [ms]), 'pw', 'pw', 'apps', { kdf: 'compat' });
    const entry = (JSON.parse(out.json) as Json[]).find((e) => e['address'] === ms['address']);
    expect(entry, 'the multisig entry is in the output').toBeDefined();
    expect(entry!['meta']).toMatchObject(ms['meta'] as Json);
  });

  it('an ed25519 QR entry (address, publicKey, type, no key) is still ed25519 when read back', async () => {
    const acc: Acc = { type: 'sr25519', seed: new Uint8Array(32).fill(6), name: 'Signer', prefix: 42 };
    const qrPair = pairFromSeed('ed25519', new Uint8Array(32).fill(7));
    const qr = {
      address: qrPair.address,
      meta: { name: 'Vault ed25519', isExternal: true, isQr: true },
      publicKey: '0x' + hex(qrPair.publicKey),
      type: 'ed25519',
    };
    const input = await makeInput('apps', [acc], 'pw', [qr]);
    const before = await fileAccountsOpen(input, 'pw');
    expect(before.entries[1]!.account?.type).toBe('ed25519');
    const out = await convertFile(input, 'pw', 'pw', 'apps', { kdf: 'compat' });
    const after = await fileAccountsOpen(out.json, 'pw');
    expect(after.entries[1]!.account).toMatchObject({ address: qr.address, type: 'ed25519' });
  });
});

describe('refusals, each with its reason and no output', () => {
  const acc = (type: KeyType, n: number, name = `${type} ${n}`): Acc => ({ type, seed: new Uint8Array(32).fill(n), name, prefix: 42 });

  it.each(['sr25519', 'ed25519', 'ecdsa'] as const)('%s key → ethereum-keystore: the key type is named', async (type) => {
    for (const from of ['polkadot-js', 'polkadot-js-batch', 'apps'] as const) {
      const err = await rejection(convertFile(await makeInput(from, [acc(type, 8)], 'pw'), 'pw', 'new', 'ethereum-keystore', { kdf: 'compat' }));
      expect(err, from).toBeInstanceOf(ConversionImpossibleError);
      expect((err as Error).message).toContain(type);
      expect((err as Error).message).toMatch(/ethereum/i);
    }
  });

  it.each([
    ['polkadot-js-batch', 'polkadot-js'],
    ['polkadot-js-batch', 'ethereum-keystore'],
    ['apps', 'polkadot-js'],
    ['apps', 'ethereum-keystore'],
  ] as const)('%s with 2+ accounts → %s: the count is given', async (from, to) => {
    await fc.assert(
      fc.asyncProperty(fc.array(accArb(['ethereum', 'sr25519']), { minLength: 2, maxLength: 3 }), async (accs) => {
        const err = await rejection(convertFile(await makeInput(from, accs, 'pw'), 'pw', 'new', to, { kdf: 'compat' }));
        expect(err).toBeInstanceOf(ConversionImpossibleError);
        expect((err as Error).message).toContain(`${accs.length} accounts`);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  });

  it('an Apps list with watch-only entries → polkadot-js-batch: says they have no key', async () => {
    const a = acc('sr25519', 9);
    const ms = multisigEntry([pairOf(a).address]);
    const err = await rejection(convertFile(await makeInput('apps', [a], 'pw', [ms]), 'pw', 'new', 'polkadot-js-batch', { kdf: 'compat' }));
    expect(err).toBeInstanceOf(ConversionImpossibleError);
    expect((err as Error).message).toMatch(/no key/);
  });

  it('an Apps list of one keyed and one watch-only entry → polkadot-js or ethereum-keystore: refused (two accounts, one without a key)', async () => {
    const a = acc('ethereum', 10);
    const input = await makeInput('apps', [a], 'pw', [multisigEntry([WHO])]);
    for (const to of ['polkadot-js', 'ethereum-keystore'] as const) {
      const err = await rejection(convertFile(input, 'pw', 'new', to, { kdf: 'compat' }));
      expect(err, to).toBeInstanceOf(ConversionImpossibleError);
      expect((err as Error).message).toMatch(/without a key/);
    }
  });

  it('an Apps list of watch-only entries only → polkadot-js: refused (no key to write)', async () => {
    const input = JSON.stringify([multisigEntry([WHO])]);
    expect(await rejection(convertFile(input, 'pw', 'new', 'polkadot-js', { kdf: 'compat' }))).toBeInstanceOf(ConversionImpossibleError);
  });

  it.each(FORMATS)('wrong input password for %s → WrongPasswordError, the password never in the message', async (from) => {
    const a = acc('ethereum', 11);
    const err = await rejection(convertFile(await makeInput(from, [a], 'the right one'), 'Wrong-Secret-42', 'new', 'apps', { kdf: 'compat' }));
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as Error).message).not.toContain('Wrong-Secret-42');
  });

  it('a batch whose entries keep their own password: refused, saying an account could not be opened', async () => {
    const a = acc('sr25519', 12);
    const b = acc('ed25519', 13);
    const input = JSON.stringify(polkadotBatch([polkadotToJson(pairOf(a), 'batch', COMPAT), polkadotToJson(pairOf(b), 'its own', COMPAT)], 'batch', COMPAT));
    const err = await rejection(convertFile(input, 'batch', 'new', 'apps', { kdf: 'compat' }));
    expect(err).toBeInstanceOf(ConversionImpossibleError);
    expect((err as Error).message).toMatch(/1 of the 2 accounts/);
  });

  it("a keystore whose address is not its key's: refused (the mismatch is named)", async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(14));
    const input = JSON.stringify(await keystoreEncrypt(key, 'pw', FAST, { address: ethAddress(ethPrivateKey(new Uint8Array(32).fill(15))).slice(2) }));
    const err = await rejection(convertFile(input, 'pw', 'new', 'polkadot-js', { kdf: 'compat' }));
    expect(err).toBeInstanceOf(ConversionImpossibleError);
    expect((err as Error).message).toMatch(/belongs to/);
  });

  it('a keystore over the KDF caps: KdfParamsTooLargeError before any derivation', async () => {
    const json = await keystoreEncrypt(ethPrivateKey(new Uint8Array(32).fill(16)), 'pw', FAST);
    ((json['crypto'] as Json)['kdfparams'] as Json)['n'] = 1 << 21;
    expect(await rejection(convertFile(JSON.stringify(json), 'pw', 'new', 'polkadot-js'))).toBeInstanceOf(KdfParamsTooLargeError);
  });
});
