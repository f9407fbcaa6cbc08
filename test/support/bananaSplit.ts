/**
 * Test-only Banana Split helpers shared by the unit, route and browser tests: an independent decoder
 * (written from the format's description: secrets.js shares, node:crypto scrypt N=2^15 over
 * SHA-512(title), @noble secretbox — sharing nothing with src/), and a fake camera's video file.
 */
import { createHash, scryptSync } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import secrets from 'secrets.js-grempe';

/** The secret v1 shard texts hold, opened without keepsake's code: the first `r` shares combined by secrets.js, then scrypt and secretbox. */
export function bananaSplitDecodeIndependent(shardTexts: readonly string[], passphrase: string): string {
  const shards = shardTexts.map((t) => JSON.parse(t) as { v: number; t: string; r: number; d: string; n: string });
  const hexShares = shards.map((s) => s.d[0] + Buffer.from(s.d.slice(1), 'base64').toString('hex'));
  const sealed = Buffer.from(secrets.combine(hexShares.slice(0, shards[0]!.r)), 'hex');
  const salt = createHash('sha512').update(shards[0]!.t, 'utf8').digest();
  const key = scryptSync(Buffer.from(passphrase, 'utf8'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const plain = xsalsa20poly1305(key, Buffer.from(shards[0]!.n, 'base64')).decrypt(sealed);
  return Buffer.from(plain).toString('utf8');
}

/** An RGBA image (pngjs's `data`), as a frame of a video. */
export type RgbaImage = { width: number; height: number; data: Uint8Array };

/**
 * A YUV4MPEG2 video (the format Chromium's `--use-file-for-fake-video-capture` reads: a text header,
 * then each frame as "FRAME\n" and its I420 planes — Y full size, U and V at half width and height)
 * of `images`, each centred on white in a square frame large enough for all, `repeat` frames each.
 * RGB to YUV with the full-range BT.601 weights of JPEG (the header says C420jpeg).
 */
export function y4mVideo(images: readonly RgbaImage[], options: { repeat: number; fps: number }): Buffer {
  const side = Math.ceil((Math.max(...images.flatMap((i) => [i.width, i.height])) + 64) / 2) * 2;
  const header = Buffer.from(`YUV4MPEG2 W${side} H${side} F${options.fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frames = images.map((image) => i420Frame(image, side));
  const parts: Buffer[] = [header];
  for (const frame of frames) for (let k = 0; k < options.repeat; k++) parts.push(Buffer.from('FRAME\n', 'ascii'), frame);
  return Buffer.concat(parts);
}

function i420Frame(image: RgbaImage, side: number): Buffer {
  const rgb = (x: number, y: number): [number, number, number] => {
    const ix = x - Math.floor((side - image.width) / 2);
    const iy = y - Math.floor((side - image.height) / 2);
    if (ix < 0 || iy < 0 || ix >= image.width || iy >= image.height) return [255, 255, 255];
    const o = (iy * image.width + ix) * 4;
    const a = image.data[o + 3]! / 255;
    // Transparent pixels are the white paper under them.
    return [0, 1, 2].map((c) => Math.round(image.data[o + c]! * a + 255 * (1 - a))) as [number, number, number];
  };
  const half = side / 2;
  const out = Buffer.alloc(side * side + 2 * half * half);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [r, g, b] = rgb(x, y);
      out[y * side + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  for (let y = 0; y < half; y++) {
    for (let x = 0; x < half; x++) {
      let u = 0;
      let v = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [r, g, b] = rgb(2 * x + dx, 2 * y + dy);
        u += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        v += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      out[side * side + y * half + x] = clamp(u / 4);
      out[side * side + half * half + y * half + x] = clamp(v / 4);
    }
  }
  return out;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}
