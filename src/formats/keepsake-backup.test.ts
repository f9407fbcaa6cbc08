import { scryptSync } from 'node:crypto';
import { naclDecrypt, naclEncrypt } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorruptFileError, UnknownFormatError } from '../errors/file.js';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import { WrongPasswordError } from '../errors/password.js';
import type { JsonObject } from './json.js';
import { BACKUP_TYPE, BACKUP_VERSION, keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupWrite } from './keepsake-backup.js';
import { rejection, thrown } from '../../test/support/rejection.js';

// The format (DESIGN.md "keepsake's own full backup"): key = scrypt(password, salt)[0..32], body =
// NaCl secretbox (XSalsa20-Poly1305). Checked here against node:crypto's scrypt and the oracle's
// secretbox (@polkadot/util-crypto naclEncrypt/naclDecrypt), not keepsake's own crypto modules.

const PW = 'backup-pw-1';
/** The cheapest parameter set readers accept (what wallets before mid-2025 write): keeps the tests quick. */
const FAST = { N: 1 << 15, r: 8, p: 1 };
const NOW = new Date('2026-01-02T03:04:05.000Z');

function countingRandom(start = 1) {
  let n = start;
  return (length: number) => Uint8Array.from({ length }, () => n++ & 0xff);
}

type Envelope = {
  type: string;
  version: number;
  kdf: { name: string; N: number; r: number; p: number; salt: string };
  cipher: string;
  nonce: string;
  ciphertext: string;
  createdAt: string;
};

/** Opens a backup with the published recipe only. */
function oracleOpen(env: Envelope, password: string): unknown {
  const key = scryptSync(password, Buffer.from(env.kdf.salt, 'base64'), 64, { N: env.kdf.N, r: env.kdf.r, p: env.kdf.p, maxmem: 256 * 1024 * 1024 }).subarray(
    0,
    32,
  );
  const plain = naclDecrypt(Buffer.from(env.ciphertext, 'base64'), Buffer.from(env.nonce, 'base64'), key);
  if (plain === null) throw new Error('does not open');
  return JSON.parse(Buffer.from(plain).toString('utf8'));
}

/** Seals any plaintext bytes with the published recipe (to make files keepsake never writes). */
function oracleSeal(plaintext: Uint8Array, password: string): Envelope {
  const salt = Buffer.alloc(32, 9);
  const key = scryptSync(password, salt, 64, { ...FAST, maxmem: 256 * 1024 * 1024 }).subarray(0, 32);
  const { encrypted, nonce } = naclEncrypt(plaintext, key);
  return {
    type: 'keepsake-backup',
    version: 1,
    kdf: { name: 'scrypt', ...FAST, salt: salt.toString('base64') },
    cipher: 'xsalsa20-poly1305',
    nonce: Buffer.from(nonce).toString('base64'),
    ciphertext: Buffer.from(encrypted).toString('base64'),
    createdAt: NOW.toISOString(),
  };
}

const PAYLOAD: JsonObject = {
  version: 1,
  identities: [{ name: 'Main identity', sealed: { v: 1 }, createdAt: 1 }],
  accounts: [{ name: 'Savings account', publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d' }],
  addresses: [{ name: 'Landlord', address: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5', note: 'rent' }],
};

describe('keepsakeBackupWrite', () => {
  it('writes the versioned envelope of DESIGN.md, which the published recipe opens', async () => {
    const env = (await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST, now: NOW })) as Envelope;
    expect(Object.keys(env).sort()).toEqual(['cipher', 'ciphertext', 'createdAt', 'kdf', 'nonce', 'type', 'version']);
    expect(env).toMatchObject({
      type: 'keepsake-backup',
      version: 1,
      cipher: 'xsalsa20-poly1305',
      createdAt: NOW.toISOString(),
      kdf: { name: 'scrypt', ...FAST },
    });
    expect(BACKUP_TYPE).toBe('keepsake-backup');
    expect(BACKUP_VERSION).toBe(1);
    expect(Buffer.from(env.kdf.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(env.nonce, 'base64')).toHaveLength(24);
    expect(oracleOpen(env, PW)).toEqual(PAYLOAD);
  });

  it('uses scrypt N=2^17, r=8, p=1 by default', async () => {
    const env = (await keepsakeBackupWrite({ version: 1 }, PW, { now: NOW })) as Envelope;
    expect(env.kdf).toMatchObject({ N: 1 << 17, r: 8, p: 1 });
  });

  it('is byte for byte reproducible with injected randomness and clock, and fresh otherwise', async () => {
    const a = await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST, now: NOW, random: countingRandom() });
    const b = await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST, now: NOW, random: countingRandom() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = (await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST, now: NOW })) as Envelope;
    const d = (await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST, now: NOW })) as Envelope;
    expect(c.kdf.salt).not.toBe(d.kdf.salt);
    expect(c.nonce).not.toBe(d.nonce);
  });

  it('shows no name, address, note or key outside the box', async () => {
    const text = JSON.stringify(await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST }));
    for (const s of ['Main identity', 'Savings account', 'Landlord', '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5', 'rent', 'd43593c715fdd31c', PW])
      expect(text).not.toContain(s);
  });
});

describe('keepsakeBackupParse + keepsakeBackupOpen', () => {
  it('opens what the published recipe seals', async () => {
    const env = oracleSeal(new TextEncoder().encode(JSON.stringify(PAYLOAD)), PW);
    const parsed = keepsakeBackupParse(env as unknown as JsonObject, 'b.json');
    expect(parsed).toMatchObject({ version: 1, kdf: FAST, createdAt: NOW.toISOString() });
    expect(await keepsakeBackupOpen(parsed, PW)).toEqual(PAYLOAD);
  });

  it('property: any payload and password round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (raw, password) => {
          const payload = JSON.parse(JSON.stringify(raw)) as JsonObject;
          const env = await keepsakeBackupWrite(payload, password, { params: FAST });
          expect(await keepsakeBackupOpen(keepsakeBackupParse(JSON.parse(JSON.stringify(env)) as JsonObject), password)).toEqual(payload);
          expect(oracleOpen(env as unknown as Envelope, password)).toEqual(payload);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('a wrong password is a wrong password (naming the file, not showing the password)', async () => {
    const env = keepsakeBackupParse(await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST }), 'b.json');
    const err = await rejection(keepsakeBackupOpen(env, 'backup-pw-2', { file: 'b.json' }));
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as Error).message).toContain('b.json');
    expect((err as Error).message).not.toContain('backup-pw-2');
  });

  it('is authenticated: any altered byte of ciphertext, nonce or salt is refused as a wrong password or altered file', async () => {
    const json = (await keepsakeBackupWrite(PAYLOAD, PW, { params: FAST })) as Envelope;
    const ct = Buffer.from(json.ciphertext, 'base64');
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[at] = bytes[at]! ^ 1;
      return bytes.toString('base64');
    };
    const variants: Envelope[] = [0, 7, Math.floor(ct.length / 2), ct.length - 17, ct.length - 1].map((at) => ({
      ...json,
      ciphertext: flip(json.ciphertext, at),
    }));
    variants.push(
      { ...json, nonce: flip(json.nonce, 0) },
      { ...json, nonce: flip(json.nonce, 23) },
      { ...json, kdf: { ...json.kdf, salt: flip(json.kdf.salt, 31) } },
    );
    for (const v of variants) {
      const err = await rejection(keepsakeBackupOpen(keepsakeBackupParse(v as unknown as JsonObject), PW));
      expect(err).toBeInstanceOf(WrongPasswordError);
    }
  });

  it('a box that opens but holds no backup object is a damaged file, not a wrong password', async () => {
    for (const plain of ['[1,2,3]', '"text"', 'not json at all']) {
      const env = oracleSeal(new TextEncoder().encode(plain), PW);
      const err = await rejection(keepsakeBackupOpen(keepsakeBackupParse(env as unknown as JsonObject), PW, { file: 'b.json' }));
      expect(err).not.toBeInstanceOf(WrongPasswordError);
      expect((err as Error).name).toMatch(/Corrupt|NotJson|Json/);
    }
  });
});

describe('keepsakeBackupParse refuses, before any KDF work', () => {
  const base = oracleSeal(new TextEncoder().encode('{}'), PW);
  const without = (k: keyof Envelope) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k));

  it('another file type or version: not a backup this keepsake reads', () => {
    for (const v of [{ ...base, type: 'polkadot-js' }, without('type')]) {
      expect(() => keepsakeBackupParse(v as JsonObject)).toThrow(UnknownFormatError);
    }
    for (const version of [2, 0, '1', null]) {
      const err = thrown(() => keepsakeBackupParse({ ...base, version } as JsonObject, 'b.json')) as Error;
      expect(err).toBeInstanceOf(UnknownFormatError);
      expect(err.message).toMatch(/version/);
    }
  });

  it('missing or malformed fields: a damaged file, saying which', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [without('kdf'), /kdf/],
      [{ ...base, kdf: { ...base.kdf, name: 'pbkdf2' } }, /kdf/],
      [{ ...base, kdf: { ...base.kdf, N: '32768' } }, /kdf/],
      [{ ...base, kdf: { ...base.kdf, N: 32768.5 } }, /kdf/],
      [{ ...base, kdf: { ...base.kdf, salt: undefined } }, /salt/],
      [{ ...base, kdf: { ...base.kdf, salt: Buffer.alloc(8).toString('base64') } }, /salt/],
      [without('cipher'), /cipher/],
      [{ ...base, cipher: 'aes-256-gcm' }, /cipher/],
      [without('nonce'), /nonce/],
      [{ ...base, nonce: Buffer.alloc(23).toString('base64') }, /nonce/],
      [{ ...base, nonce: '%%%' }, /nonce/],
      [without('ciphertext'), /ciphertext/],
      [{ ...base, ciphertext: Buffer.alloc(10).toString('base64') }, /ciphertext/],
      [{ ...base, ciphertext: 12 }, /ciphertext/],
    ];
    for (const [v, reason] of cases) {
      let err: unknown;
      try {
        keepsakeBackupParse(v as JsonObject, 'b.json');
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(v).slice(0, 120)).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message).toMatch(/b\.json is damaged/);
      expect((err as Error).message).toMatch(reason);
    }
  });

  it('parameters within the caps that keepsake never writes: refused as what the file is (a keepsake backup), not as a Polkadot{.js} file', () => {
    let err: unknown;
    try {
      keepsakeBackupParse({ ...base, kdf: { ...base.kdf, N: 1 << 14 } } as JsonObject, 'b.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toMatch(/Polkadot/);
  });

  it('KDF parameters over the caps (N > 2^20, r > 16, p > 4), saying so', () => {
    for (const over of [{ N: 1 << 21 }, { N: 2 ** 40 }, { r: 17 }, { r: 1 << 20 }, { p: 5 }, { p: 1 << 20 }, { N: 1 << 20, r: 8, p: 1 }]) {
      let err: unknown;
      try {
        keepsakeBackupParse({ ...base, kdf: { ...base.kdf, ...over } } as JsonObject);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(over)).toBeInstanceOf(KdfParamsTooLargeError);
      expect((err as Error).message).toMatch(/limits/);
    }
  });
});
