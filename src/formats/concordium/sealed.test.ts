/**
 * How Concordium objects are sealed in the vault (issue 14): each opens only with its seal's key, in
 * its own row (collection and key are bound in), unaltered; and what stays readable (the listing)
 * holds no identity object. XChaCha20-Poly1305 and scrypt are checked independently: the box is
 * opened here with node's scrypt and @noble's cipher called directly, not with this module.
 */
import { scryptSync } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desktopExportData } from '../../../test/support/concordium.js';
import { base64Decode } from '../json.js';
import { concordiumListing, concordiumSeal, concordiumSealKdfNew, concordiumSealKey, concordiumUnseal, CONCORDIUM_SEAL_SCRYPT } from './sealed.js';

const fast = { N: 1 << 10, r: 8, p: 1 };
const kdfFast = () => ({ ...concordiumSealKdfNew(), ...fast });

describe('Concordium seal', () => {
  it('uses scrypt N=2^17, r=8, p=1 with a 32-byte salt, and the key is scrypt(password, salt)[0..32] (node:crypto as the oracle)', async () => {
    expect(CONCORDIUM_SEAL_SCRYPT).toEqual({ N: 1 << 17, r: 8, p: 1 });
    const kdf = concordiumSealKdfNew();
    expect(base64Decode(kdf.salt)).toHaveLength(32);
    const small = { ...kdf, ...fast };
    const key = await concordiumSealKey('pässword 1', small);
    const oracle = scryptSync(Buffer.from('pässword 1', 'utf8'), base64Decode(small.salt)!, 64, { N: fast.N, r: fast.r, p: fast.p }).subarray(0, 32);
    expect(Buffer.from(key)).toEqual(oracle);
  });

  it('a sealed item is nonce ‖ XChaCha20-Poly1305 with its row bound in, and opens only in that row with that key', async () => {
    const key = await concordiumSealKey('pw-123456', kdfFast());
    const item = { collection: 'identities' as const, key: 'sha256:ab' };
    const json = JSON.stringify({ randomness: '00ff', name: 'Ana' });
    const sealed = concordiumSeal(key, item, json);
    // Independently: the @noble cipher with the documented associated data.
    const aad = new TextEncoder().encode('keepsake concordium item v1\nidentities\nsha256:ab');
    expect(new TextDecoder().decode(xchacha20poly1305(key, sealed.subarray(0, 24), aad).decrypt(sealed.subarray(24)))).toBe(json);
    expect(concordiumUnseal(key, item, sealed)).toBe(json);
    const other = await concordiumSealKey('pw-654321', kdfFast());
    expect(concordiumUnseal(other, item, sealed)).toBeUndefined();
    expect(concordiumUnseal(key, { ...item, key: 'sha256:ac' }, sealed)).toBeUndefined();
    expect(concordiumUnseal(key, { ...item, collection: 'accounts' }, sealed)).toBeUndefined();
    expect(concordiumUnseal(key, item, sealed.subarray(0, 30))).toBeUndefined();
  });

  it('round-trips any text, and any changed byte is refused (property)', async () => {
    const key = await concordiumSealKey('pw-123456', kdfFast());
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (text, at, flip) => {
        const item = { collection: 'credentials' as const, key: 'k' };
        const sealed = concordiumSeal(key, item, text);
        expect(concordiumUnseal(key, item, sealed)).toBe(text);
        const bad = sealed.slice();
        const i = at % bad.length;
        bad[i] = bad[i]! ^ flip;
        expect(concordiumUnseal(key, item, bad)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('the listing keeps what a list shows, and no part of an identity object, credential id or wallet identifier', () => {
    const d = desktopExportData({ tag: 'L' });
    const identity = concordiumListing('identities', d.identities[0]!);
    expect(identity).toMatchObject({ name: d.identities[0]!['name'], status: 'confirmed', provider: 'Notabene (Staging)', link: '1', number: '0' });
    expect(identity.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    const account = concordiumListing('accounts', d.accounts[0]!);
    expect(account).toMatchObject({ key: d.accounts[0]!['address'], name: d.accounts[0]!['name'], link: '1', status: 'confirmed' });
    const credential = concordiumListing('credentials', d.credentials[0]!);
    expect(credential).toMatchObject({ link: d.credentials[0]!['accountAddress'], name: null });
    const wallet = concordiumListing('wallets', d.wallets[0]!);
    const shown = JSON.stringify([identity, account, credential, wallet, concordiumListing('externalCredentials', d.externalCredentials[0]!)]);
    for (const secret of [
      String(d.identities[0]!['identityObject']).slice(20, 60),
      String(d.identities[0]!['randomness']),
      'Ana L0',
      String(d.credentials[0]!['credId']),
      String(d.externalCredentials[0]!['credId']),
      String(d.wallets[0]!['identifier']),
    ])
      expect(shown).not.toContain(secret);
    // The same object gives the same key (how a second import finds it present); another gives another.
    expect(concordiumListing('identities', d.identities[0]!).key).toBe(identity.key);
    expect(concordiumListing('identities', d.identities[1]!).key).not.toBe(identity.key);
  });
});
