import { beforeEach, describe, expect, it, vi } from 'vitest';
import { concatBytes, u32le } from '../../crypto/bytes.js';
import { scrypt } from '../../crypto/scrypt.js';
import { CorruptFileError } from '../../errors/file.js';
import { KdfParamsTooLargeError, UnsupportedKdfParamsError } from '../../errors/kdf.js';
import { base64Decode, base64Encode, type JsonObject } from '../json.js';
import { polkadotJsBatchOpen } from './batch.js';
import { polkadotJsDecrypt } from './decrypt.js';
import { polkadotJsOpen } from './open.js';
import { polkadotJsParse, type PolkadotJsBatch, type PolkadotJsSingle } from './parse.js';
import { rejection } from '../../../test/support/rejection.js';
import { loadVectors } from '../../../test/support/vectors.js';

// "Validate at the boundary, before expensive work": every refusal below must happen before
// scrypt is called. scrypt is replaced by a spy that fails loudly, so a refusal that came too late
// would surface as the spy's error (and a call count), never as hours of CPU or gigabytes of memory.
vi.mock(import('../../crypto/scrypt.js'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, scrypt: vi.fn(() => Promise.reject(new Error('scrypt must not run in this test'))) };
});

type JsonVector = { password: string; keyType: string; file: JsonObject };
const vectors = loadVectors<{ json: JsonVector[] }>('polkadot-js');
const vector = vectors.json.find((v) => v.keyType === 'sr25519' && (v.file['encoding'] as JsonObject)['version'] === '3')!;
const BYTES = base64Decode(vector.file['encoded'] as string)!;

function single(encoded: Uint8Array): PolkadotJsSingle {
  const parsed = polkadotJsParse({ ...vector.file, encoded: base64Encode(encoded) });
  if (parsed.kind !== 'single') throw new Error('expected a single-account file');
  return parsed;
}

function withParams(N: number, p: number, r: number): Uint8Array {
  return concatBytes(BYTES.subarray(0, 32), u32le(N), u32le(p), u32le(r), BYTES.subarray(44));
}

beforeEach(() => {
  vi.mocked(scrypt).mockClear();
});

describe('polkadotJsOpen refuses before any scrypt', () => {
  it('(the spy is wired: an intact file does reach scrypt)', async () => {
    const err = await rejection(polkadotJsOpen(single(BYTES), vector.password));
    expect((err as Error).message).toBe('scrypt must not run in this test');
    expect(scrypt).toHaveBeenCalledTimes(1);
  });

  for (const length of [0, 20, 43, 44, 44 + 24, 44 + 24 + 16, 100, BYTES.length - 1]) {
    it(`CorruptFileError for "encoded" cut to ${length} bytes`, async () => {
      const err = await rejection(polkadotJsOpen(single(BYTES.subarray(0, length)), vector.password, { file: 'cut.json' }));
      expect(err).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message).toContain('cut.json');
      expect(scrypt).not.toHaveBeenCalled();
    });
  }

  it('CorruptFileError for "encoded" with bytes appended', async () => {
    expect(await rejection(polkadotJsOpen(single(concatBytes(BYTES, new Uint8Array(3))), vector.password))).toBeInstanceOf(CorruptFileError);
    expect(scrypt).not.toHaveBeenCalled();
  });

  for (const [what, N, p, r] of [
    ['N=2^21', 1 << 21, 1, 8],
    ['r=17', 1 << 15, 1, 17],
    ['p=5', 1 << 15, 5, 8],
    ['N=2^31, r and p at 2^32-1', 2 ** 31, 0xffffffff, 0xffffffff],
  ] as const) {
    it(`KdfParamsTooLargeError for ${what} written into the header`, async () => {
      const err = await rejection(polkadotJsOpen(single(withParams(N, p, r)), vector.password));
      expect(err).toBeInstanceOf(KdfParamsTooLargeError);
      expect(scrypt).not.toHaveBeenCalled();
    });
  }

  for (const [what, N, p, r] of [
    ['N=2^14', 1 << 14, 1, 8],
    ['N=2^20, r=16, p=4 (at the caps)', 1 << 20, 4, 16],
    ['p=2 with N=2^15', 1 << 15, 2, 8],
    ['N=0', 0, 1, 8],
  ] as const) {
    it(`UnsupportedKdfParamsError for ${what}`, async () => {
      const err = await rejection(polkadotJsOpen(single(withParams(N, p, r)), vector.password));
      expect(err).toBeInstanceOf(UnsupportedKdfParamsError);
      expect(scrypt).not.toHaveBeenCalled();
    });
  }

  it('checks the parameters before the length, so a cut file with huge parameters says so', async () => {
    const err = await rejection(polkadotJsOpen(single(withParams(1 << 21, 1, 8).subarray(0, 60)), vector.password));
    expect(err).toBeInstanceOf(KdfParamsTooLargeError);
    expect(scrypt).not.toHaveBeenCalled();
  });
});

describe('polkadotJsDecrypt and the batch reader refuse before any scrypt', () => {
  it('KdfParamsTooLargeError for a batch file with N=2^21', async () => {
    const batch = polkadotJsParse({
      encoded: base64Encode(withParams(1 << 21, 1, 8)),
      encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      accounts: [],
    }) as PolkadotJsBatch;
    expect(await rejection(polkadotJsBatchOpen(batch, 'pw'))).toBeInstanceOf(KdfParamsTooLargeError);
    expect(scrypt).not.toHaveBeenCalled();
  });

  it('CorruptFileError for a body shorter than a nonce and a tag', async () => {
    const err = await rejection(polkadotJsDecrypt(single(BYTES.subarray(0, 44 + 24 + 15)), 'pw'));
    expect(err).toBeInstanceOf(CorruptFileError);
    expect(scrypt).not.toHaveBeenCalled();
  });
});
