/**
 * Ethereum keystore v3 (Web3 Secret Storage): the published vector, files keepsake writes opened by an
 * independent implementation (test/e2e/convert/oracle.ts: @noble/hashes + node:crypto AES, written from
 * the spec), files that implementation writes opened by keepsake, the KDF caps, and damaged files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eip55,
  ethAddress,
  ethPrivateKey,
  GETH_LIGHT,
  hex,
  keystoreDecrypt,
  keystoreEncrypt,
  type Json,
  type KeystoreKdf,
} from '../../test/e2e/convert/oracle.js';
import { BaseError } from '../errors/base.js';
import { CorruptFileError, UnknownFormatError } from '../errors/file.js';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import { WrongPasswordError } from '../errors/password.js';
import { ethereumKeystoreDecrypt, ethereumKeystoreParse, ethereumKeystoreWrite, KEYSTORE_PBKDF2_MAX, KEYSTORE_SCRYPT_DEFAULT } from './ethereum-keystore.js';
import { rejection } from '../../test/support/rejection.js';
import { loadVectors, EIP55_EXAMPLES } from '../../test/support/vectors.js';

const VECTOR = loadVectors('ethereum-keystore');

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const cryptoOf = (json: Json) => json['crypto'] as Json;
const paramsOf = (json: Json) => cryptoOf(json)['kdfparams'] as Json;

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(ethPrivateKey);
/** Passwords of any Unicode: keystores use the UTF-8 bytes as they are (geth `[]byte(auth)`). */
const passwordArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('', 'testpassword', 'pässwörd', '密码', '🔑'),
);

describe('the published vector (Web3 Secret Storage, PBKDF2)', () => {
  it('parses without deriving: pbkdf2-hmac-sha256, 262144 iterations, no address recorded', () => {
    const ks = ethereumKeystoreParse(VECTOR.file);
    expect(ks.kdf).toMatchObject({ name: 'pbkdf2', c: 262144, dklen: 32 });
    expect(hex(ks.kdf.salt)).toBe(paramsOf(VECTOR.file)['salt']);
    expect(hex(ks.iv)).toBe('6087dab2f9fdbbfaddc31a909735c1e6');
    expect(ks.address).toBeNull();
    expect(ks.id).toBe(VECTOR.file['id']);
  });

  it('decrypts to the expected private key, as the independent implementation does', async () => {
    const key = await ethereumKeystoreDecrypt(ethereumKeystoreParse(VECTOR.file), VECTOR.password);
    expect(hex(key)).toBe(VECTOR.expectedPrivateKey);
    const oracle = await keystoreDecrypt(VECTOR.file, VECTOR.password);
    expect(hex(oracle.privateKey)).toBe(VECTOR.expectedPrivateKey);
    expect(oracle.address).toBe(VECTOR.expectedAddressLowercase);
  });

  it('refuses a wrong password with WrongPasswordError', async () => {
    const err = await rejection(ethereumKeystoreDecrypt(ethereumKeystoreParse(VECTOR.file), 'testpassworD', { file: 'vector.json' }));
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as Error).message).not.toContain('testpassworD');
  });

  it.each([
    ['mac', (j: Json) => flipHex(cryptoOf(j), 'mac')],
    ['ciphertext', (j: Json) => flipHex(cryptoOf(j), 'ciphertext')],
    ['salt', (j: Json) => flipHex(paramsOf(j), 'salt')],
  ])('a flipped %s byte fails the MAC (WrongPasswordError)', async (_, alter) => {
    const json = clone(VECTOR.file);
    alter(json);
    expect(await rejection(ethereumKeystoreDecrypt(ethereumKeystoreParse(json), VECTOR.password))).toBeInstanceOf(WrongPasswordError);
  });
});

function flipHex(o: Json, field: string, at = 5): void {
  const bytes = Buffer.from(String(o[field]).replace(/^0x/, ''), 'hex');
  bytes[at]! ^= 0x01;
  o[field] = bytes.toString('hex');
}

describe('keystores keepsake writes, opened by the independent implementation', () => {
  it('round-trips random keys and passwords (small scrypt N for speed)', async () => {
    await fc.assert(
      fc.asyncProperty(keyArb, passwordArb, async (key, password) => {
        const address20 = Buffer.from(ethAddress(key).slice(2), 'hex');
        const json = clone(await ethereumKeystoreWrite(key, new Uint8Array(address20), password, { params: { N: 1 << 10, r: 8, p: 1 } }));
        expect(json['version']).toBe(3);
        expect(json['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(json['address']).toBe(ethAddress(key).slice(2));
        expect(cryptoOf(json)).toMatchObject({ cipher: 'aes-128-ctr', kdf: 'scrypt', kdfparams: { dklen: 32, n: 1024, r: 8, p: 1 } });
        const opened = await keystoreDecrypt(json, password);
        expect(hex(opened.privateKey)).toBe(hex(key));
        expect(opened.address).toBe(ethAddress(key));
        // …and keepsake reads back what it wrote.
        expect(hex(await ethereumKeystoreDecrypt(ethereumKeystoreParse(json), password))).toBe(hex(key));
      }),
      { numRuns: 8 },
    );
  });

  it("writes geth's standard parameters by default (scrypt N=2^18, r=8, p=1)", async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(7));
    const json = clone(await ethereumKeystoreWrite(key, Buffer.from(ethAddress(key).slice(2), 'hex'), 'pw'));
    expect(KEYSTORE_SCRYPT_DEFAULT).toEqual({ N: 1 << 18, r: 8, p: 1 });
    expect(paramsOf(json)).toMatchObject({ n: 1 << 18, r: 8, p: 1, dklen: 32 });
    expect(String(paramsOf(json)['salt'])).toMatch(/^[0-9a-f]{64}$/);
    expect(String((cryptoOf(json)['cipherparams'] as Json)['iv'])).toMatch(/^[0-9a-f]{32}$/);
    const opened = await keystoreDecrypt(json, 'pw', 'node');
    expect(hex(opened.privateKey)).toBe(hex(key));
  });

  it('is byte for byte reproducible with injected randomness', async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(9));
    const address20 = Buffer.from(ethAddress(key).slice(2), 'hex');
    const seeded = () => {
      let n = 0;
      return (length: number) => Uint8Array.from({ length }, () => n++ & 0xff);
    };
    const params = { N: 1 << 10, r: 8, p: 1 };
    const a = await ethereumKeystoreWrite(key, address20, 'pw', { params, random: seeded() });
    const b = await ethereumKeystoreWrite(key, address20, 'pw', { params, random: seeded() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The oracle writes the same file from the same salt and iv.
    const oracle = await keystoreEncrypt(
      key,
      'pw',
      { kdf: 'scrypt', n: 1 << 10, r: 8, p: 1 },
      { salt: Uint8Array.from({ length: 32 }, (_, i) => i), iv: Uint8Array.from({ length: 16 }, (_, i) => 32 + i) },
    );
    expect(a['crypto']).toEqual(oracle['crypto']);
  });
});

describe('keystores the independent implementation writes, opened by keepsake', () => {
  const kdfArb: fc.Arbitrary<KeystoreKdf> = fc.oneof(
    fc.constant(GETH_LIGHT),
    fc.record({ kdf: fc.constant('scrypt' as const), n: fc.constantFrom(2, 1 << 8, 1 << 10), r: fc.constantFrom(1, 8, 16), p: fc.constantFrom(1, 2, 6) }),
    fc.record({ kdf: fc.constant('pbkdf2' as const), c: fc.integer({ min: 1, max: 4096 }) }),
  );
  /** Spellings real tools use: `Crypto` (old geth / MyEtherWallet), 0x-prefixed and upper-case hex, a string version. */
  const spellingArb = fc.record({ capitalCrypto: fc.boolean(), prefix0x: fc.boolean(), upper: fc.boolean() });

  it('opens them to the same key (scrypt incl. geth light N=2^12 p=6, and pbkdf2)', async () => {
    await fc.assert(
      fc.asyncProperty(keyArb, passwordArb, kdfArb, spellingArb, async (key, password, kdf, spelling) => {
        const json = respell(await keystoreEncrypt(key, password, kdf), spelling);
        const ks = ethereumKeystoreParse(json);
        expect(ks.kdf.name).toBe(kdf.kdf);
        expect(ks.address?.replace(/^0x/, '').toLowerCase()).toBe(ethAddress(key).slice(2));
        expect(hex(await ethereumKeystoreDecrypt(ks, password))).toBe(hex(key));
        expect(await rejection(ethereumKeystoreDecrypt(ks, `${password}x`))).toBeInstanceOf(WrongPasswordError);
      }),
      { numRuns: 12 },
    );
  });
});

function respell(json: Json, { capitalCrypto, prefix0x, upper }: { capitalCrypto: boolean; prefix0x: boolean; upper: boolean }): Json {
  const h = (v: unknown) => {
    const s = upper ? String(v).toUpperCase() : String(v);
    return prefix0x ? `0x${s}` : s;
  };
  const c = cryptoOf(json);
  const out: Json = { ...json };
  const crypto = {
    ...c,
    ciphertext: h(c['ciphertext']),
    mac: h(c['mac']),
    cipherparams: { iv: h((c['cipherparams'] as Json)['iv']) },
    kdfparams: { ...(c['kdfparams'] as Json), salt: h(paramsOf(json)['salt']) },
  };
  delete out['crypto'];
  out[capitalCrypto ? 'Crypto' : 'crypto'] = crypto;
  return out;
}

describe('KDF parameters are capped before anything is derived', () => {
  const scryptFile = (n: number, r: number, p: number): Json => {
    const json = clone(VECTOR.file);
    const c = cryptoOf(json);
    c['kdf'] = 'scrypt';
    c['kdfparams'] = { dklen: 32, n, r, p, salt: paramsOf(json)['salt'] };
    return json;
  };
  const pbkdf2File = (c: number): Json => {
    const json = clone(VECTOR.file);
    paramsOf(json)['c'] = c;
    return json;
  };

  // ethereumKeystoreParse is synchronous and never derives: refusing there means no scrypt/PBKDF2 ran.
  it.each([
    ['n=2^21', () => scryptFile(1 << 21, 8, 1)],
    ['n=2^31', () => scryptFile(2 ** 31, 8, 1)],
    ['r=17', () => scryptFile(1 << 12, 17, 1)],
    ['r=2^20', () => scryptFile(1 << 12, 1 << 20, 1)],
    ['N·r·p > 2^23 (n=2^20, r=8, p=2)', () => scryptFile(1 << 20, 8, 2)],
    ['N·r·p > 2^23 (n=2^18, r=8, p=5)', () => scryptFile(1 << 18, 8, 5)],
    ['p=2^30', () => scryptFile(1 << 10, 8, 2 ** 30)],
    // 128·N·r over 256 MiB, though N, r and N·r·p are within their caps (1 GiB from a 457-byte file).
    ['128·N·r = 1 GiB (n=2^20, r=8, p=1)', () => scryptFile(1 << 20, 8, 1)],
    ['128·N·r = 1 GiB (n=2^19, r=16, p=1)', () => scryptFile(1 << 19, 16, 1)],
    // 128·r·p = 512 MiB of blocks: node:crypto's maxmem would refuse it with a RangeError.
    ['128·r·p = 512 MiB (n=2, r=1, p=2^22)', () => scryptFile(2, 1, 2 ** 22)],
    ['c = 10,000,001', () => pbkdf2File(KEYSTORE_PBKDF2_MAX + 1)],
    ['c = 2^40', () => pbkdf2File(2 ** 40)],
  ])('%s → KdfParamsTooLargeError, naming the limits', (_, make) => {
    const err = (() => {
      try {
        ethereumKeystoreParse(make(), 'big.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(KdfParamsTooLargeError);
    expect((err as Error).message).toMatch(/limit/);
  });

  it.each([
    ['geth standard (n=2^18, r=8, p=1): 128·N·r = 256 MiB exactly', () => scryptFile(1 << 18, 8, 1)],
    ['N·r·p = 2^23 exactly (n=2^18, r=8, p=4)', () => scryptFile(1 << 18, 8, 4)],
    ['geth light (n=2^12, r=8, p=6)', () => scryptFile(1 << 12, 8, 6)],
    ['r=16', () => scryptFile(1 << 12, 16, 1)],
    ['c = 10,000,000', () => pbkdf2File(KEYSTORE_PBKDF2_MAX)],
  ])('%s is within the caps', (_, make) => {
    expect(() => ethereumKeystoreParse(make())).not.toThrow();
  });
});

describe('damaged files: a CorruptFileError that says what is wrong, never a TypeError', () => {
  const scryptJson = (): Json => {
    const json = clone(VECTOR.file);
    cryptoOf(json)['kdf'] = 'scrypt';
    cryptoOf(json)['kdfparams'] = { dklen: 32, n: 1024, r: 8, p: 1, salt: paramsOf(json)['salt'] };
    return json;
  };
  const del = (path: string[]) => (json: Json) => {
    const last = path[path.length - 1]!;
    let o: Json = json;
    for (const k of path.slice(0, -1)) o = o[k] as Json;
    delete o[last];
  };
  const set = (path: string[], value: unknown) => (json: Json) => {
    const last = path[path.length - 1]!;
    let o: Json = json;
    for (const k of path.slice(0, -1)) o = o[k] as Json;
    o[last] = value;
  };
  const cases: [string, () => Json, (j: Json) => void][] = [
    ['no crypto', () => clone(VECTOR.file), del(['crypto'])],
    ['crypto is a string', () => clone(VECTOR.file), set(['crypto'], 'aes')],
    ['no cipher', () => clone(VECTOR.file), del(['crypto', 'cipher'])],
    ['cipher aes-256-cbc', () => clone(VECTOR.file), set(['crypto', 'cipher'], 'aes-256-cbc')],
    ['no cipherparams', () => clone(VECTOR.file), del(['crypto', 'cipherparams'])],
    ['no iv', () => clone(VECTOR.file), del(['crypto', 'cipherparams', 'iv'])],
    ['iv of 15 bytes', () => clone(VECTOR.file), set(['crypto', 'cipherparams', 'iv'], '6087dab2f9fdbbfaddc31a909735c1')],
    ['iv not hex', () => clone(VECTOR.file), set(['crypto', 'cipherparams', 'iv'], 'zz87dab2f9fdbbfaddc31a909735c1e6')],
    ['iv a number', () => clone(VECTOR.file), set(['crypto', 'cipherparams', 'iv'], 12)],
    ['no ciphertext', () => clone(VECTOR.file), del(['crypto', 'ciphertext'])],
    ['ciphertext of odd length', () => clone(VECTOR.file), set(['crypto', 'ciphertext'], 'abc')],
    ['ciphertext of 31 bytes', () => clone(VECTOR.file), set(['crypto', 'ciphertext'], '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa')],
    ['ciphertext null', () => clone(VECTOR.file), set(['crypto', 'ciphertext'], null)],
    ['no mac', () => clone(VECTOR.file), del(['crypto', 'mac'])],
    ['mac of 31 bytes', () => clone(VECTOR.file), set(['crypto', 'mac'], '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9')],
    ['no kdf', () => clone(VECTOR.file), del(['crypto', 'kdf'])],
    ['kdf argon2', () => clone(VECTOR.file), set(['crypto', 'kdf'], 'argon2id')],
    ['no kdfparams', () => clone(VECTOR.file), del(['crypto', 'kdfparams'])],
    ['kdfparams an array', () => clone(VECTOR.file), set(['crypto', 'kdfparams'], [])],
    ['no salt', () => clone(VECTOR.file), del(['crypto', 'kdfparams', 'salt'])],
    ['no dklen', () => clone(VECTOR.file), del(['crypto', 'kdfparams', 'dklen'])],
    ['dklen 16', () => clone(VECTOR.file), set(['crypto', 'kdfparams', 'dklen'], 16)],
    ['pbkdf2 without c', () => clone(VECTOR.file), del(['crypto', 'kdfparams', 'c'])],
    ['pbkdf2 c = 0', () => clone(VECTOR.file), set(['crypto', 'kdfparams', 'c'], 0)],
    ['pbkdf2 c = 1.5', () => clone(VECTOR.file), set(['crypto', 'kdfparams', 'c'], 1.5)],
    ['pbkdf2 c a string', () => clone(VECTOR.file), set(['crypto', 'kdfparams', 'c'], '262144')],
    ['pbkdf2 without prf', () => clone(VECTOR.file), del(['crypto', 'kdfparams', 'prf'])],
    ['pbkdf2 prf hmac-sha512', () => clone(VECTOR.file), set(['crypto', 'kdfparams', 'prf'], 'hmac-sha512')],
    ['scrypt without n', scryptJson, del(['crypto', 'kdfparams', 'n'])],
    ['scrypt without r', scryptJson, del(['crypto', 'kdfparams', 'r'])],
    ['scrypt without p', scryptJson, del(['crypto', 'kdfparams', 'p'])],
    ['scrypt n = 1000 (not a power of two)', scryptJson, set(['crypto', 'kdfparams', 'n'], 1000)],
    ['scrypt n = 1', scryptJson, set(['crypto', 'kdfparams', 'n'], 1)],
    ['scrypt n = -1024', scryptJson, set(['crypto', 'kdfparams', 'n'], -1024)],
    ['scrypt p = 0', scryptJson, set(['crypto', 'kdfparams', 'p'], 0)],
    ['scrypt r = null', scryptJson, set(['crypto', 'kdfparams', 'r'], null)],
  ];

  it.each(cases)('%s → CorruptFileError', (_, make, alter) => {
    const json = make();
    alter(json);
    let err: unknown;
    try {
      ethereumKeystoreParse(json, 'damaged.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CorruptFileError);
    expect((err as Error).message).toContain('damaged.json');
  });

  it('a file that is not version 3 → UnknownFormatError', () => {
    for (const version of [1, 2, 4, '4', undefined, null]) {
      const json = clone(VECTOR.file);
      json['version'] = version;
      expect(() => ethereumKeystoreParse(json)).toThrow(UnknownFormatError);
    }
  });

  /** Any field of the file replaced by any JSON value, or removed: keepsake answers with one of its errors or reads it. */
  it('any field replaced by any JSON value or removed: a keepsake error or a parsed file, never a crash', async () => {
    const paths: string[][] = [];
    const walk = (o: Json, at: string[]) => {
      for (const [k, v] of Object.entries(o)) {
        paths.push([...at, k]);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Json, [...at, k]);
      }
    };
    walk(scryptJson(), []);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }), fc.boolean(), async (path, value, scrypt) => {
        const json = scrypt ? scryptJson() : clone(VECTOR.file);
        try {
          (value === undefined ? del(path) : set(path, value))(json);
        } catch {
          return; // the path does not exist in the pbkdf2 file
        }
        let ks;
        try {
          ks = ethereumKeystoreParse(json);
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(BaseError);
          return;
        }
        // Whatever parsed decrypts to a key or is refused with a keepsake error (small KDFs only: the caps let 2^23 through).
        if (ks.kdf.name === 'pbkdf2' ? ks.kdf.c <= 20_000 : ks.kdf.N * ks.kdf.r * ks.kdf.p <= 1 << 16) {
          try {
            await ethereumKeystoreDecrypt(ks, VECTOR.password);
          } catch (err) {
            expect(err, String(err)).toBeInstanceOf(BaseError);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('EIP-55 helper of the oracle', () => {
  it('matches the spec examples', () => {
    for (const a of EIP55_EXAMPLES) expect(eip55(a.toLowerCase())).toBe(a);
  });
});
