/** Which meta says Talisman wrote a file (formats/talisman.ts): its `origin`, one of Talisman's AccountType values. */
import { describe, expect, it } from 'vitest';
import { talismanMeta } from './talisman.js';

describe('talismanMeta', () => {
  it('is Talisman for each of its AccountType origins, and for nothing else', () => {
    for (const origin of ['TALISMAN', 'QR', 'LEDGER', 'DCENT', 'WATCHED', 'SIGNET']) expect(talismanMeta({ name: 'a', origin }), origin).toBe(true);
    for (const origin of [undefined, 'talisman', 'polkadot', '', 1, { type: 'TALISMAN' }])
      expect(talismanMeta({ name: 'a', origin }), String(origin)).toBe(false);
    expect(talismanMeta({ name: 'a', derivationPath: '//0' })).toBe(false);
  });
});
