import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.js';
import { withPasswordKey } from './password.js';

/** A derivation that records the password bytes it was given and returns a key it keeps a handle on. */
function recorder() {
  const seen: { secret?: Uint8Array; key?: Uint8Array } = {};
  const derive = async (secret: Uint8Array) => {
    seen.secret = secret;
    expect(secret).toEqual(utf8('pw'));
    seen.key = Uint8Array.from([1, 2, 3, 4]);
    return seen.key;
  };
  return { seen, derive };
}

describe('withPasswordKey', () => {
  it("gives `use` the key and returns its result; the password's bytes and the key are zeroed after", async () => {
    const { seen, derive } = recorder();
    const result = await withPasswordKey('pw', derive, (key) => {
      expect(key).toEqual(Uint8Array.from([1, 2, 3, 4]));
      expect(seen.secret).toEqual(new Uint8Array(2)); // already wiped while the key is used
      return key.reduce((a, b) => a + b, 0);
    });
    expect(result).toBe(10);
    expect(seen.key).toEqual(new Uint8Array(4));
  });

  it('zeroes the key when `use` throws, and passes the error on', async () => {
    const { seen, derive } = recorder();
    await expect(
      withPasswordKey('pw', derive, async () => {
        throw new Error('use failed');
      }),
    ).rejects.toThrow('use failed');
    expect(seen.key).toEqual(new Uint8Array(4));
    expect(seen.secret).toEqual(new Uint8Array(2));
  });

  it("zeroes the password's bytes when the derivation rejects, and never calls `use`", async () => {
    let secret: Uint8Array | undefined;
    let used = false;
    await expect(
      withPasswordKey(
        'pw',
        async (s) => {
          secret = s;
          throw new Error('derive failed');
        },
        () => {
          used = true;
        },
      ),
    ).rejects.toThrow('derive failed');
    expect(secret).toEqual(new Uint8Array(2));
    expect(used).toBe(false);
  });

  it('takes bytes the caller encoded (and wipes them too)', async () => {
    const bytes = Uint8Array.from([0xde, 0xad]);
    const key = await withPasswordKey(
      bytes,
      async (s) => s.slice(),
      (k) => k.slice(),
    );
    expect(key).toEqual(Uint8Array.from([0xde, 0xad]));
    expect(bytes).toEqual(new Uint8Array(2));
  });
});
