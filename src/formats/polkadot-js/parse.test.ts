import fc from 'fast-check';
import { thrown } from '../../../test/support/rejection.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../crypto/bytes.js';
import { BaseError } from '../../errors/base.js';
import { CorruptFileError, UnknownFormatError } from '../../errors/file.js';
import { UnsupportedKeyTypeError } from '../../errors/keyType.js';
import type { KeyType } from '../../keys/types.js';
import { base64Decode, type JsonObject } from '../json.js';
import { polkadotJsLooksLike, polkadotJsParse } from './parse.js';
import { loadVectors } from '../../../test/support/vectors.js';

type JsonVector = { password: string; keyType: KeyType; expectedPublicKey: string; expectedAddress: string; ss58Prefix: number; file: JsonObject };
const vectors = loadVectors<{ json: JsonVector[] }>('polkadot-js');

const V3 = vectors.json.find((v) => v.file['encoding'] !== undefined && (v.file['encoding'] as JsonObject)['version'] === '3')!.file;

/** A deep copy of a vector file with `edit` applied. */
function edited(file: JsonObject, edit: (f: JsonObject & { encoding: JsonObject }) => void): JsonObject {
  const copy = structuredClone(file) as JsonObject & { encoding: JsonObject };
  edit(copy);
  return copy;
}

describe('polkadotJsParse: the json vectors', () => {
  it('has the four vectors', () => {
    expect(vectors.json.map((v) => v.keyType).sort()).toEqual(['ecdsa', 'ethereum', 'sr25519', 'sr25519']);
  });

  for (const v of vectors.json) {
    it(`parses the ${v.keyType} file (version ${(v.file['encoding'] as JsonObject)['version']})`, () => {
      const parsed = polkadotJsParse(v.file);
      expect(parsed.kind).toBe('single');
      if (parsed.kind !== 'single') return;
      expect(parsed.keyType).toBe(v.keyType);
      expect(parsed.address).toBe(v.file['address']);
      expect(parsed.meta).toEqual(v.file['meta']);
      expect(parsed.json).toBe(v.file);
      const encoding = v.file['encoding'] as JsonObject;
      expect(parsed.version).toBe(encoding['version']);
      expect(parsed.cipher).toBe(Array.isArray(encoding['type']) && encoding['type'].includes('scrypt') ? 'scrypt' : 'legacy');
      const text = v.file['encoded'] as string;
      expect(bytesToHex(parsed.encoded)).toBe(text.startsWith('0x') ? text : bytesToHex(base64Decode(text)!));
    });
  }
});

describe('polkadotJsParse: other shapes Polkadot{.js} writes', () => {
  it('reads the legacy plain-string `type` and a `none` body', () => {
    expect(polkadotJsParse(edited(V3, (f) => (f.encoding['type'] = 'xsalsa20-poly1305'))).cipher).toBe('legacy');
    expect(polkadotJsParse(edited(V3, (f) => (f.encoding['type'] = ['none']))).cipher).toBe('none');
  });

  it('does not record a key type for version 0 or a string `content`', () => {
    const v0 = polkadotJsParse(edited(V3, (f) => (f.encoding['version'] = '0')));
    expect(v0.kind === 'single' && v0.keyType).toBeUndefined();
    const str = polkadotJsParse(edited(V3, (f) => (f.encoding['content'] = 'pkcs8')));
    expect(str.kind === 'single' && str.keyType).toBeUndefined();
    const missing = polkadotJsParse(edited(V3, (f) => delete f.encoding['version']));
    expect(missing.version).toBe('0');
  });

  it('reads a missing `meta` as empty', () => {
    const parsed = polkadotJsParse(edited(V3, (f) => delete f['meta']));
    expect(parsed.kind === 'single' && parsed.meta).toEqual({});
  });

  it('keeps unknown fields in `json`', () => {
    const parsed = polkadotJsParse(edited(V3, (f) => (f['extra'] = { keep: true })));
    expect(parsed.json['extra']).toEqual({ keep: true });
  });

  it('reads a batch file and its unauthenticated preview', () => {
    const batch = {
      encoded: V3['encoded'],
      encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      accounts: [{ address: 'A', meta: { name: 'one' } }, { address: 7 }, 'junk'],
    };
    const parsed = polkadotJsParse(batch);
    expect(parsed.kind).toBe('batch');
    if (parsed.kind !== 'batch') return;
    expect(parsed.accounts).toEqual([
      { address: 'A', meta: { name: 'one' } },
      { address: '', meta: {} },
      { address: '', meta: {} },
    ]);
    expect(polkadotJsParse({ ...batch, accounts: undefined }).kind).toBe('batch');
  });
});

describe('polkadotJsParse: damaged and foreign files', () => {
  const corrupt: [string, (f: JsonObject & { encoding: JsonObject }) => void][] = [
    ['encoded is a number', (f) => (f['encoded'] = 12345)],
    ['encoded is null', (f) => (f['encoded'] = null)],
    ['encoded is an object', (f) => (f['encoded'] = { a: 1 })],
    ['encoded is not base64 or hex', (f) => (f['encoded'] = 'not base64!')],
    ['encoded is odd-length hex', (f) => (f['encoded'] = '0xabc')],
    ['encoded has an impossible base64 length', (f) => (f['encoded'] = 'AAAAA')],
    ['meta is a string', (f) => (f['meta'] = 'name')],
    ['meta is a list', (f) => (f['meta'] = [])],
    ['address is missing', (f) => delete f['address']],
    ['address is a number', (f) => (f['address'] = 42)],
    ['address is empty', (f) => (f['address'] = '')],
    ['content is a number', (f) => (f.encoding['content'] = 3)],
    ['content is an object', (f) => (f.encoding['content'] = { 0: 'pkcs8' })],
    ['content holds a number', (f) => (f.encoding['content'] = ['pkcs8', 1])],
    ['content is missing', (f) => delete f.encoding['content']],
    ['type is a number', (f) => (f.encoding['type'] = 1)],
    ['type is missing', (f) => delete f.encoding['type']],
    ['type holds null', (f) => (f.encoding['type'] = ['scrypt', null])],
    ['type is scrypt alone', (f) => (f.encoding['type'] = ['scrypt'])],
    ['version is an object', (f) => (f.encoding['version'] = {})],
    ['version is a list', (f) => (f.encoding['version'] = ['3'])],
  ];
  for (const [what, edit] of corrupt) {
    it(`CorruptFileError when ${what}`, () => {
      const err = thrown(() => polkadotJsParse(edited(V3, edit), 'backup.json'));
      expect(err).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message).toMatch(/^backup\.json is damaged: /);
    });
  }

  it('CorruptFileError when a batch `accounts` is not a list', () => {
    const batch = edited(V3, (f) => {
      f.encoding['content'] = ['batch-pkcs8'];
      f['accounts'] = { a: 1 };
    });
    expect(thrown(() => polkadotJsParse(batch))).toBeInstanceOf(CorruptFileError);
  });

  const foreign: [string, unknown][] = [
    ['a string', 'hello'],
    ['null', null],
    ['a list', [V3]],
    ['no encoding', { encoded: V3['encoded'], address: V3['address'] }],
    ['encoding is a string', { ...V3, encoding: 'scrypt' }],
    ['no encoded', { encoding: V3['encoding'], address: V3['address'] }],
    ['an unknown cipher', edited(V3, (f) => (f.encoding['type'] = ['aes-256-gcm']))],
    ['a version 3 content that is not pkcs8', edited(V3, (f) => (f.encoding['content'] = ['jwk', 'sr25519']))],
    ['an empty version 3 content', edited(V3, (f) => (f.encoding['content'] = []))],
  ];
  for (const [what, value] of foreign) {
    it(`UnknownFormatError for ${what}`, () => {
      expect(thrown(() => polkadotJsParse(value))).toBeInstanceOf(UnknownFormatError);
    });
  }

  it('UnsupportedKeyTypeError, naming the kind, for a key type another wallet keeps in this format', () => {
    const err = thrown(() =>
      polkadotJsParse(
        edited(V3, (f) => (f.encoding['content'] = ['pkcs8', 'ton'])),
        'ton.json',
      ),
    );
    expect(err).toBeInstanceOf(UnsupportedKeyTypeError);
    expect((err as Error).message).toBe('A TON account (ton.json) was not restored: only Polkadot and Ethereum keys are kept in keepsake.');
    const other = thrown(() => polkadotJsParse(edited(V3, (f) => (f.encoding['content'] = ['pkcs8', 'bls12-381']))));
    expect((other as Error).message).toMatch(/^A "bls12-381" account was not restored/);
    // A type that is not a plain word is not echoed.
    const hostile = thrown(() => polkadotJsParse(edited(V3, (f) => (f.encoding['content'] = ['pkcs8', '\u001b[2Jx'.repeat(50)]))));
    expect((hostile as Error).message).toMatch(/^An unknown-type account was not restored/);
  });

  it('polkadotJsLooksLike needs both `encoded` and an `encoding` object', () => {
    expect(polkadotJsLooksLike(V3)).toBe(true);
    expect(polkadotJsLooksLike({ encoded: 1, encoding: {} })).toBe(true);
    expect(polkadotJsLooksLike({ encoded: 1, encoding: [] })).toBe(false);
    expect(polkadotJsLooksLike({ encoding: {} })).toBe(false);
    expect(polkadotJsLooksLike(null)).toBe(false);
  });

  it('throws only CorruptFileError, UnknownFormatError or UnsupportedKeyTypeError when any field holds any JSON value', () => {
    const paths = [
      'encoded',
      'address',
      'meta',
      'accounts',
      'encoding',
      'encoding.content',
      'encoding.type',
      'encoding.version',
      'encoding.content.0',
      'encoding.content.1',
      'encoding.type.0',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const file = structuredClone(V3) as Record<string, unknown>;
        for (const [path, value] of edits) {
          const keys = path.split('.');
          let target: unknown = file;
          for (const k of keys.slice(0, -1)) target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[k] : undefined;
          if (typeof target === 'object' && target !== null) (target as Record<string, unknown>)[keys.at(-1)!] = value;
        }
        const err = thrown(() => polkadotJsParse(file));
        if (err !== undefined) {
          expect(err).toBeInstanceOf(BaseError);
          expect(err instanceof CorruptFileError || err instanceof UnknownFormatError || err instanceof UnsupportedKeyTypeError, String(err)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
