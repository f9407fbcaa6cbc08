import { scrypt as nodeScrypt } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** Caps for scrypt parameters read from untrusted files (DESIGN.md): memory is 128·N·r bytes. */
export const SCRYPT_LIMITS = { N: 1 << 20, r: 16, p: 4 } as const;

/**
 * Work bound (N·r·p) for keepsake's own sealed formats (identity phrases, whole-wallet backups): twice
 * what keepsake writes for a PIN (2^18·8·1), so a tampered file cannot make one unlock take minutes.
 */
export const KEEPSAKE_MAX_COST = 1 << 22;

/** What RFC 7914 (and node:crypto) accept: N a power of two above 1 and below 2^(16·r), r and p at least 1. */
export function scryptParamsValid({ N, r, p }: ScryptParams): boolean {
  return Number.isSafeInteger(N) && Number.isSafeInteger(r) && Number.isSafeInteger(p) && N > 1 && (N & (N - 1)) === 0 && r >= 1 && p >= 1 && Math.log2(N) < 16 * r;
}

/**
 * scrypt (RFC 7914) on node:crypto's native implementation, off the main thread (libuv pool),
 * so several files can be opened in parallel on all cores.
 *
 * Callers check parameters against {@link SCRYPT_LIMITS} first; this function only sizes `maxmem`.
 *
 * @example
 * const key = await scrypt(utf8('pw'), salt, { N: 1 << 17, r: 8, p: 1 }, 64)
 */
export function scrypt(password: Uint8Array, salt: Uint8Array, { N, r, p }: ScryptParams, dkLen: number): Promise<Uint8Array> {
  // Node refuses when 128·N·r exceeds maxmem (default 32 MiB); give it what the parameters need.
  const maxmem = 128 * N * r + 1024 * 1024 * 2;
  return new Promise((resolve, reject) => {
    nodeScrypt(password, salt, dkLen, { N, r, p, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });
}
