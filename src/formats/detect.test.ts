import fc from 'fast-check';
import { thrown } from '../../test/support/rejection.js';
import { describe, expect, it } from 'vitest';
import { BaseError } from '../errors/base.js';
import { CorruptFileError, EmptyFileError, NotJsonError, ShardNotBackupError, TruncatedFileError, UnknownFormatError } from '../errors/file.js';
import { plural } from '../text/plural.js';
import { FORMAT_LABELS, formatDetect, type FormatName } from './detect.js';
import type { JsonObject } from './json.js';
import { loadVectors } from '../../test/support/vectors.js';
import { DESKTOP_ENVELOPE_STUB } from '../../test/support/concordium.js';

type JsonVector = { keyType: string; file: JsonObject };
const polkadot = loadVectors<{ json: JsonVector[] }>('polkadot-js');
const keystore = loadVectors<{ file: JsonObject }>('ethereum-keystore');
const V3 = polkadot.json[0]!.file;

const batch = {
  encoded: V3['encoded'],
  encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
  accounts: [{ address: V3['address'], meta: { name: 'a' } }],
};
const concordiumMobile = {
  cipherText: 'AAAA',
  metadata: { iterations: 100000, salt: 'AAAA', initializationVector: 'AAAA', encryptionMethod: 'AES-256', keyDerivationMethod: 'PBKDF2WithHmacSHA256' },
};

/** Only keepsake's own errors may leave formatDetect, whatever the input. */
function detectOrOwnError(text: string): void {
  try {
    formatDetect(text, 'input.json');
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
  }
}

describe('formatDetect: what each file is', () => {
  const cases: [string, unknown, FormatName][] = [
    ...polkadot.json.map((v): [string, unknown, FormatName] => [`the ${v.keyType} vector`, v.file, 'polkadot-js']),
    ['an extension batch', batch, 'polkadot-js-batch'],
    ['an Apps "Export all" list', [V3, { address: V3['address'], meta: { name: 'multisig' }, publicKey: '0x00', type: 'sr25519' }], 'apps'],
    ['the Ethereum keystore vector', keystore.file, 'ethereum-keystore'],
    ['a geth keystore with "Crypto"', { version: 3, Crypto: keystore.file['crypto'] }, 'ethereum-keystore'],
    ['a Concordium Desktop export', DESKTOP_ENVELOPE_STUB, 'concordium-desktop'],
    ['a Concordium Mobile export', concordiumMobile, 'concordium-mobile'],
    ['a keepsake backup', { type: 'keepsake-backup', version: 1 }, 'keepsake-backup'],
  ];
  for (const [what, value, format] of cases) {
    it(`${what} → ${format}`, () => {
      expect(formatDetect(JSON.stringify(value)).format).toBe(format);
      expect(FORMAT_LABELS[format]).toBeTruthy();
    });
  }

  it('reads a file with a byte-order mark and surrounding whitespace', () => {
    expect(formatDetect(`\ufeff\n  ${JSON.stringify(V3, null, 2)}\n`).format).toBe('polkadot-js');
  });

  it('returns the validated single file', () => {
    const detected = formatDetect(JSON.stringify(V3));
    expect(detected.format === 'polkadot-js' && detected.file.address).toBe(V3['address']);
  });
});

describe('formatDetect: refusals', () => {
  // '', '   ', '{' and '[1,2' were NotJsonError here before issue 12 #14: empty and cut-off files are said to be so (below).
  for (const text of ['hello', 'PK\u0003\u0004', '\u0000\u0001\u0002', '42', 'null', 'true', '"a string"', '{"a":1,}', "{'a':1}", '<html></html>']) {
    it(`NotJsonError for ${JSON.stringify(text)}`, () => {
      const err = thrown(() => formatDetect(text, 'x.json'));
      expect(err).toBeInstanceOf(NotJsonError);
      expect((err as Error).message).toContain('x.json');
    });
  }

  for (const text of ['', '   ', '\ufeff']) {
    it(`EmptyFileError for ${JSON.stringify(text)}`, () => {
      const err = thrown(() => formatDetect(text, 'x.json'));
      expect(err).toBeInstanceOf(EmptyFileError);
      expect((err as Error).message).toMatch(/^x\.json is empty/);
    });
  }

  it('TruncatedFileError for a real file cut anywhere, naming the bytes it has', () => {
    const text = JSON.stringify(V3);
    for (const end of [1, 2, 40, 300, text.length - 1]) {
      const err = thrown(() => formatDetect(text.slice(0, end), 'x.json'));
      expect(err, String(end)).toBeInstanceOf(TruncatedFileError);
      expect((err as Error).message).toContain(`after ${plural(end, 'byte')}.`);
    }
  });

  const unknown: [string, string][] = [
    ['an empty object', '{}'],
    ['an empty list', '[]'],
    ['a list of numbers', '[1,2]'],
    ['a list of objects without string addresses', '[{"address":1}]'],
    ['a list mixing accounts and numbers', `[${JSON.stringify(V3)},1]`],
    ['a version 3 object without crypto', '{"version":3}'],
    ['crypto without a version', `{"crypto":${JSON.stringify(keystore.file['crypto'])}}`],
    ['a Concordium envelope without metadata', '{"cipherText":"AAAA"}'],
    ['an unrelated object', '{"name":"x","accounts":[]}'],
  ];
  for (const [what, text] of unknown) {
    it(`UnknownFormatError for ${what}`, () => {
      expect(thrown(() => formatDetect(text))).toBeInstanceOf(UnknownFormatError);
    });
  }

  it('CorruptFileError for a Polkadot{.js} file with a broken field', () => {
    expect(thrown(() => formatDetect(JSON.stringify({ ...V3, encoded: 5 })))).toBeInstanceOf(CorruptFileError);
    expect(thrown(() => formatDetect(JSON.stringify({ ...V3, meta: 'x' })))).toBeInstanceOf(CorruptFileError);
  });

  it('detects without checking KDF parameters or decrypting (that is for inspect/verify)', () => {
    const bytes = Buffer.from(V3['encoded'] as string, 'base64');
    bytes.writeUInt32LE(1 << 21, 32);
    expect(formatDetect(JSON.stringify({ ...V3, encoded: bytes.toString('base64') })).format).toBe('polkadot-js');
  });

  it('survives deeply nested JSON', () => {
    const depth = 100_000;
    detectOrOwnError('['.repeat(depth) + ']'.repeat(depth));
    detectOrOwnError('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
  });
});

describe('formatDetect: garbage in, only keepsake errors out', () => {
  it('any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => detectOrOwnError(s)),
      { numRuns: 1000 },
    );
  });

  it('any JSON document', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (s) => detectOrOwnError(s)),
      { numRuns: 1000 },
    );
  });

  it('any JSON document with an opening brace, including the keys the formats look for', () => {
    const key = fc.constantFrom(
      'encoded',
      'encoding',
      'address',
      'meta',
      'accounts',
      'version',
      'crypto',
      'Crypto',
      'cipherText',
      'metadata',
      'type',
      'content',
    );
    const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    const encoding = fc.record(
      {
        content: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(['pkcs8', 'sr25519']), fc.constant(['batch-pkcs8'])),
        type: fc.jsonValue({ maxDepth: 1 }),
        version: fc.jsonValue({ maxDepth: 0 }),
      },
      { requiredKeys: [] },
    );
    const polkadotish = fc.record(
      {
        encoded: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        encoding,
        address: fc.jsonValue({ maxDepth: 1 }),
        meta: fc.jsonValue({ maxDepth: 1 }),
        accounts: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['encoded', 'encoding'] },
    );
    fc.assert(
      fc.property(fc.oneof(object, polkadotish, fc.array(fc.oneof(object, polkadotish), { maxLength: 3 })), (value) => detectOrOwnError(JSON.stringify(value))),
      { numRuns: 1000 },
    );
  });

  it('the vector files with bytes cut off or changed', () => {
    const texts = [...polkadot.json.map((v) => JSON.stringify(v.file)), JSON.stringify(keystore.file), JSON.stringify(batch)];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (text, a, b, insert) => {
        const i = a % (text.length + 1);
        const j = Math.min(text.length, i + (b % 8));
        detectOrOwnError(text.slice(0, i));
        detectOrOwnError(text.slice(0, i) + insert + text.slice(j));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a Banana Split shard given as a backup file', () => {
  const sets = loadVectors<{ sets: { name: string; shards: string[] }[] }>('banana-split').sets;
  it('every published shard (v0 and v1) is named as a shard of its set, with the way to recover: never "unknown format"', () => {
    for (const set of sets) {
      for (const text of set.shards) {
        const e = thrown(() => formatDetect(text, 'shard.json'));
        expect(e, set.name).toBeInstanceOf(ShardNotBackupError);
        const shard = JSON.parse(text) as { t: string; r: number };
        expect((e as ShardNotBackupError).message).toContain(`shard.json is a Banana Split shard of "${shard.t}"`);
        expect((e as ShardNotBackupError).next).toEqual({ do: 'combine-shards', required: shard.r });
      }
    }
  });

  it('a hostile title is cut short in the sentence', () => {
    const e = thrown(() => formatDetect(JSON.stringify({ v: 1, t: 'x'.repeat(10_000), r: 2, d: '8AA', n: 'AA' }))) as ShardNotBackupError;
    expect(e).toBeInstanceOf(ShardNotBackupError);
    expect(e.message.length).toBeLessThan(400);
  });
});
