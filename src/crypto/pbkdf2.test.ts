import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KdfParamsTooLargeError } from '../errors/kdf.js';
import { utf8 } from './bytes.js';
import { pbkdf2, pbkdf2Check } from './pbkdf2.js';

describe('pbkdf2Check', () => {
  it('accepts a count up to the cap and refuses one over it, naming both', () => {
    expect(() => pbkdf2Check(10_000, 10_000)).not.toThrow();
    expect(() => pbkdf2Check(10_001, 10_000)).toThrow(KdfParamsTooLargeError);
    expect(() => pbkdf2Check(10_001, 10_000)).toThrow(/PBKDF2 parameters 10001 iterations, over keepsake's limits \(at most 10000\)/);
  });
});

describe('pbkdf2', () => {
  it('is PBKDF2-HMAC-SHA256 as node:crypto computes it', async () => {
    const salt = utf8('salt');
    expect(await pbkdf2(utf8('password'), salt, 3, 32, 'sha256')).toEqual(new Uint8Array(pbkdf2Sync('password', 'salt', 3, 32, 'sha256')));
  });
});
