import jsQR from 'jsqr';
import pngjs from 'pngjs';
import { toBuffer } from 'qrcode';
import { ShardImageError } from '../errors/bananaSplit.js';

/**
 * The most pixels a PNG may have to be decoded (a 24-megapixel photo); its header is read first, so a
 * small file that declares a huge image is refused before any memory is taken for it.
 */
export const QR_IMAGE_MAX_PIXELS = 24_000_000;

/** The PNG file signature (PNG spec §5.2), then the IHDR chunk, whose first fields are width and height. */
const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Whether the PNG's chunks (length, type, data, CRC; PNG spec §5.3) run whole from the signature to
 * IEND. pngjs decodes a cut-off file without complaint into pixels it never wrote, so a damaged image
 * is refused here, before it is decoded.
 */
function pngChunksWhole(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    at += 12 + length;
    if (at > bytes.length) return false;
    if (type === 'IEND') return true;
  }
  return false;
}

/** Whether `bytes` start as a PNG file does. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * A QR code's text as a PNG image (`qrcode`, error correction M: a printed sheet survives a smudge),
 * 8 pixels a module and a 4-module quiet zone, black on white.
 *
 * @example
 * const png = await qrPngEncode('{"v":1,"t":"Phone",…}')
 */
export async function qrPngEncode(text: string): Promise<Uint8Array> {
  const png = await toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', scale: 8, margin: 4 });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * The text of the QR code in a PNG image (a photo, a scan, or the image keepsake writes), read with
 * pngjs and jsQR. `label` names the image in messages.
 *
 * @example
 * qrPngDecode(readFileSync('shard-1-of-3.png'), 'shard-1-of-3.png') // '{"v":1,…}'
 */
export function qrPngDecode(bytes: Uint8Array, label: string): string {
  if (!isPng(bytes) || bytes.length < 24) throw new ShardImageError({ label, reason: 'is not a PNG image' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width * height > QR_IMAGE_MAX_PIXELS) throw new ShardImageError({ label, reason: `is ${width}×${height} pixels, larger than keepsake reads` });
  if (!pngChunksWhole(bytes)) throw new ShardImageError({ label, reason: 'is a damaged PNG image (cut off or altered)' });
  let image: { width: number; height: number; data: Buffer };
  try {
    image = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new ShardImageError({ label, reason: 'is a damaged PNG image' });
  }
  const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  // jsqr is CommonJS: its function is `module.exports` and also its `default` (jsqr dist/jsQR.js), which its typings describe.
  const found = jsQR.default(rgba, image.width, image.height);
  if (found === null) throw new ShardImageError({ label, reason: 'holds no QR code keepsake can read' });
  return found.data;
}
