import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ShardImageError } from '../errors/bananaSplit.js';
import { qrPngDecode, qrPngEncode } from './qr-image.js';
import { thrownMessage } from '../../test/support/rejection.js';

const SHARD =
  '{"v":1,"t":"Pssst","r":2,"d":"8AdI3F1Xn4CK9mXEVWLWgg2gzho5WV38E/hn1OYyRMZenL/Jm6dmrZoiji2ZlMSVEW+XN9WW1I/ilDC1yiu4oBa4=","n":"a17TDZHP2iL/sdPHgFJUP3NlAC7bDgrp"}';

describe('qrPngEncode / qrPngDecode', () => {
  it('a shard text round-trips through its PNG QR image', async () => {
    expect(qrPngDecode(await qrPngEncode(SHARD), 'a.png')).toBe(SHARD);
    const long = JSON.stringify({ v: 1, t: 'x'.repeat(200), d: 'A'.repeat(1500) });
    expect(qrPngDecode(await qrPngEncode(long), 'b.png')).toBe(long);
  });

  it('refuses what is not a PNG, a cut-off PNG (pngjs would decode it into pixels it never wrote), a huge one and one without a QR code', async () => {
    const png = await qrPngEncode(SHARD);
    expect(thrownMessage(() => qrPngDecode(new TextEncoder().encode(SHARD), 'x.json'), ShardImageError)).toMatch(/^x\.json is not a PNG image/);
    for (const end of [30, 200, png.length - 1]) {
      expect(thrownMessage(() => qrPngDecode(png.subarray(0, end), 'cut.png'), ShardImageError)).toMatch(/^cut\.png is a damaged PNG image/);
    }
    const huge = Uint8Array.from(png);
    new DataView(huge.buffer).setUint32(16, 100_000);
    expect(thrownMessage(() => qrPngDecode(huge, 'huge.png'), ShardImageError)).toMatch(/larger than keepsake reads/);
    const blank = new pngjs.PNG({ width: 40, height: 40 });
    blank.data.fill(0xff);
    expect(thrownMessage(() => qrPngDecode(pngjs.PNG.sync.write(blank), 'blank.png'), ShardImageError)).toMatch(/holds no QR code/);
  });
});
