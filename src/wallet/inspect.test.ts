import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/bytes.js';
import { SCRYPT_COMPAT } from '../formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { ss58Encode } from '../keys/address.js';
import { inspectFile } from './inspect.js';

/** An Apps "Export all" entry with no key (a QR or external account). */
function watchOnly(seed: number, name: string): object {
  const publicKey = new Uint8Array(32).fill(seed);
  return { address: ss58Encode(publicKey, 42), meta: { name }, publicKey: bytesToHex(publicKey), type: 'sr25519' };
}

describe('inspectFile: Apps "Export all" lists (security review #15)', () => {
  it('a list of watch-only entries only is not "encrypted", and says so', async () => {
    const report = await inspectFile(JSON.stringify([watchOnly(1, 'Cold'), watchOnly(2, 'Ledger')]));
    expect(report.format).toBe('apps');
    expect(report.encrypted).toBe(false);
    expect(report.accounts.map((a) => a.name)).toEqual(['Cold', 'Ledger']);
    expect(report.notes.join(' ')).toMatch(/No entry in the list holds a key: nothing in it is encrypted/);
  });

  it('a list with one keyed entry is encrypted', async () => {
    const pair = await pairFromSuri('//Alice', 'sr25519');
    const keyed = await polkadotJsWrite(pair, 'pw', { meta: { name: 'Alice' }, prefix: 42, params: SCRYPT_COMPAT });
    const report = await inspectFile(JSON.stringify([watchOnly(1, 'Cold'), keyed]));
    expect(report.encrypted).toBe(true);
    expect(report.notes.join(' ')).toMatch(/separate Polkadot\{\.js\} file with its own password/);
  });
});
