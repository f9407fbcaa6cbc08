import { describe, expect, it } from 'vitest';
import { thrown } from '../../../test/support/rejection.js';
import { bytesToHex, concatBytes, u32le } from '../../crypto/bytes.js';
import { SCRYPT_LIMITS } from '../../crypto/scrypt.js';
import { CorruptFileError } from '../../errors/file.js';
import { KdfParamsTooLargeError, UnsupportedKdfParamsError } from '../../errors/kdf.js';
import { base64Decode, type JsonObject } from '../json.js';
import {
  formatScryptParams,
  kdfParams,
  SCRYPT_COMPAT,
  SCRYPT_DEFAULT,
  SCRYPT_HEADER_LENGTH,
  scryptHeaderRead,
  scryptParamsCheck,
  scryptReadableByOlderWallets,
} from './kdf.js';
import { loadVectors } from '../../../test/support/vectors.js';

const vectors = loadVectors<{ json: { file: JsonObject }[] }>('polkadot-js');

const SALT = new Uint8Array(32).fill(0x5a);

/** salt ‖ N ‖ p ‖ r, the order Polkadot{.js} writes (scrypt/toU8a.ts), then some body. */
function header(N: number, p: number, r: number): Uint8Array {
  return concatBytes(SALT, u32le(N), u32le(p), u32le(r), new Uint8Array(24 + 16 + 117));
}

describe('scryptHeaderRead', () => {
  it('reads the vectors: salt, then N=2^15, p=1, r=8', () => {
    const scryptFiles = vectors.json.filter((v) => Array.isArray((v.file['encoding'] as JsonObject)['type']));
    expect(scryptFiles.length).toBe(3);
    for (const v of scryptFiles) {
      const bytes = base64Decode(v.file['encoded'] as string)!;
      const { salt, params } = scryptHeaderRead(bytes);
      expect(params).toEqual({ N: 1 << 15, p: 1, r: 8 });
      expect(bytesToHex(salt)).toBe(bytesToHex(bytes.subarray(0, 32)));
    }
  });

  it('reads every parameter set Polkadot{.js} readers accept within the caps', () => {
    for (const [N, p, r] of [
      [1 << 15, 1, 8],
      [1 << 15, 3, 8],
      [1 << 16, 2, 8],
      [1 << 17, 1, 8],
    ] as const) {
      expect(scryptHeaderRead(header(N, p, r)).params).toEqual({ N, p, r });
    }
  });

  it('refuses a body too short to hold the parameters', () => {
    for (const n of [0, 1, 32, SCRYPT_HEADER_LENGTH - 1]) {
      const err = thrown(() => scryptHeaderRead(new Uint8Array(n), 'x.json'));
      expect(err, `${n} bytes`).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message).toContain('x.json');
    }
  });

  it('refuses parameters over the caps, naming them and the caps', () => {
    for (const [N, p, r, shown] of [
      [1 << 21, 1, 8, 'N=2^21, r=8, p=1'],
      [1 << 15, 1, 17, 'N=2^15, r=17, p=1'],
      [1 << 15, 5, 8, 'N=2^15, r=8, p=5'],
      [0xffffffff, 0xffffffff, 0xffffffff, 'N=4294967295, r=4294967295, p=4294967295'],
      [(1 << 20) + 1, 1, 8, 'N=1048577, r=8, p=1'],
    ] as const) {
      const err = thrown(() => scryptHeaderRead(header(N, p, r)));
      expect(err, shown).toBeInstanceOf(KdfParamsTooLargeError);
      expect((err as Error).message).toContain(shown);
      expect((err as Error).message).toContain('N ≤ 2^20, r ≤ 16, p ≤ 4');
    }
  });

  it('refuses parameters under the caps that no Polkadot{.js} writer uses', () => {
    for (const [N, p, r] of [
      [1 << 14, 1, 8],
      [1 << 15, 2, 8],
      [1 << 15, 1, 9],
      [1 << 20, 4, 16],
      [0, 1, 8],
      [1 << 17, 0, 8],
      [1 << 17, 1, 0],
      [(1 << 15) + 1, 1, 8],
      // In Polkadot{.js}'s list, but over keepsake's p cap.
      [1 << 13, 10, 8],
    ] as const) {
      const err = thrown(() => scryptHeaderRead(header(N, p, r)));
      const expected = p > SCRYPT_LIMITS.p ? KdfParamsTooLargeError : UnsupportedKdfParamsError;
      expect(err, `N=${N} p=${p} r=${r}`).toBeInstanceOf(expected);
    }
  });
});

describe('scryptParamsCheck and friends', () => {
  it('accepts what keepsake writes', () => {
    expect(() => scryptParamsCheck(SCRYPT_DEFAULT)).not.toThrow();
    expect(() => scryptParamsCheck(SCRYPT_COMPAT)).not.toThrow();
    expect(SCRYPT_DEFAULT).toEqual({ N: 1 << 17, r: 8, p: 1 });
    expect(SCRYPT_COMPAT).toEqual({ N: 1 << 15, r: 8, p: 1 });
  });

  it('caps at N ≤ 2^20, r ≤ 16, p ≤ 4 (DESIGN.md)', () => {
    expect(SCRYPT_LIMITS).toEqual({ N: 1 << 20, r: 16, p: 4 });
  });

  it('kdfParams: default is N=2^17, compat N=2^15 (what wallets from before mid-2025 open)', () => {
    expect(kdfParams('default')).toEqual({ N: 1 << 17, r: 8, p: 1 });
    expect(kdfParams('compat')).toEqual({ N: 1 << 15, r: 8, p: 1 });
    expect(scryptReadableByOlderWallets(kdfParams('compat'))).toBe(true);
    expect(scryptReadableByOlderWallets(kdfParams('default'))).toBe(false);
  });

  it('says which files wallets from before mid-2025 can open', () => {
    expect(scryptReadableByOlderWallets(SCRYPT_COMPAT)).toBe(true);
    expect(scryptReadableByOlderWallets(SCRYPT_DEFAULT)).toBe(false);
    expect(scryptReadableByOlderWallets({ N: 1 << 16, r: 8, p: 2 })).toBe(false);
  });

  it('prints N as a power of two when it is one', () => {
    expect(formatScryptParams({ N: 1 << 17, r: 8, p: 1 })).toBe('N=2^17, r=8, p=1');
    expect(formatScryptParams({ N: 1000, r: 8, p: 1 })).toBe('N=1000, r=8, p=1');
    expect(formatScryptParams({ N: 0, r: 8, p: 1 })).toBe('N=0, r=8, p=1');
  });
});
