import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MobileWalletExportError, NotAnExportError, UnableToDecryptError } from '../../errors/concordium.js';
import { CorruptFileError } from '../../errors/file.js';
import { KdfParamsTooLargeError } from '../../errors/kdf.js';
import {
  concordiumDecrypt,
  concordiumEncrypt,
  type ConcordiumEnvelope,
  desktopExportData,
  EXPORT_ALGORITHMS,
  mobileExportData,
} from '../../../test/support/concordium.js';
import { concordiumDesktopOpen, concordiumDesktopValidate, concordiumDesktopWrite, type ConcordiumExport } from './desktop.js';
import { rejection } from '../../../test/support/rejection.js';

// Files are made and opened with the desktop wallet's published algorithm, written independently in
// test/support/concordium.ts (node:crypto PBKDF2-HMAC-SHA256 + AES-256-CBC): never with this module.

const PW = 'desktop-pw-1';

/** A counting random source: distinct, predictable bytes. */
function countingRandom(start = 1) {
  let n = start;
  return (length: number) => Uint8Array.from({ length }, () => n++ & 0xff);
}

const asExport = (d: ReturnType<typeof desktopExportData>, rest = {}): ConcordiumExport => ({
  identities: d.identities,
  accounts: d.accounts,
  addressBook: d.addressBook,
  credentials: d.credentials,
  externalCredentials: d.externalCredentials,
  wallets: d.wallets,
  genesis: d.genesis,
  rest,
});

describe('concordiumDesktopOpen', () => {
  it('opens a desktop export to every collection, the genesis and nothing else', async () => {
    const data = desktopExportData();
    const opened = await concordiumDesktopOpen(concordiumEncrypt(data, PW), PW);
    expect(opened).toEqual(asExport(data));
  });

  it('keeps fields it does not know, at the top level and inside entries', async () => {
    const data = { ...desktopExportData(), futureField: { a: 1 }, schemaVersion: 9 };
    data.accounts[0]!['someNewFlag'] = [true, { nested: 'x' }];
    const opened = await concordiumDesktopOpen(concordiumEncrypt(data, PW), PW, { file: 'x.json' });
    expect(opened.rest).toEqual({ futureField: { a: 1 }, schemaVersion: 9 });
    expect(opened.accounts[0]!['someNewFlag']).toEqual([true, { nested: 'x' }]);
  });

  it('reads an envelope without keyLen and hashAlgorithm (defaults 32 and sha256), and without genesis or externalCredentials', async () => {
    const { externalCredentials: _e, genesis: _g, ...data } = desktopExportData({ genesisBlock: null });
    const env = concordiumEncrypt(data, PW);
    delete env.metadata['keyLen'];
    delete env.metadata['hashAlgorithm'];
    const opened = await concordiumDesktopOpen(env, PW);
    expect(opened.externalCredentials).toEqual([]);
    expect(opened.genesis).toBeUndefined();
    expect(opened.identities).toEqual(data.identities);
  });

  it('a wrong password is "Unable to decrypt", never "not an export", whatever the password', async () => {
    const env = concordiumEncrypt(desktopExportData({ identities: 1 }), PW);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 20 }), async (wrong) => {
        fc.pre(wrong !== PW);
        const err = await rejection(concordiumDesktopOpen(env, wrong, { file: 'wallet-export.json' }));
        expect(err).toBeInstanceOf(UnableToDecryptError);
        expect((err as Error).message).toMatch(/^Unable to decrypt wallet-export\.json/);
        expect((err as Error).message).not.toContain(wrong.length > 3 ? wrong : '\u0000');
      }),
      { numRuns: 40 },
    );
  });

  it('an altered last block is "Unable to decrypt" (the padding and the JSON end break)', async () => {
    const env = concordiumEncrypt(desktopExportData({ identities: 1 }), PW);
    const ct = Buffer.from(env.cipherText, 'base64');
    for (const at of [ct.length - 1, ct.length - 8, ct.length - 16]) {
      const copy = Buffer.from(ct);
      copy[at] = copy[at]! ^ 0x80;
      expect(await rejection(concordiumDesktopOpen({ ...env, cipherText: copy.toString('base64') }, PW))).toBeInstanceOf(UnableToDecryptError);
    }
  });

  it('a Mobile Wallet export is refused after decryption, with the sentence that says why', async () => {
    for (const env of [
      concordiumEncrypt(mobileExportData(), PW, { iterations: 100_000, saltLength: 32, keyLen: false }),
      concordiumEncrypt(mobileExportData(), PW),
    ]) {
      const err = await rejection(concordiumDesktopOpen(env, PW, { file: 'export.concordiumwallet' }));
      expect(err).toBeInstanceOf(MobileWalletExportError);
      expect((err as Error).message).toContain('is an export from a Concordium Mobile Wallet; those are not compatible with the desktop format');
    }
  });

  it('JSON that is not a desktop export says so, and which part is missing', async () => {
    const { identities: _i, ...noIdentities } = desktopExportData();
    const cases: [unknown, RegExp][] = [
      [noIdentities, /"identities"/],
      [{ ...desktopExportData(), identities: 'none' }, /"identities"/],
      [{ ...desktopExportData(), accounts: [1, 2] }, /"accounts".*objects/],
      [{ ...desktopExportData(), addressBook: [{ name: 'no address' }] }, /address/],
      [{ ...desktopExportData(), wallets: undefined }, /"wallets"/],
      [[1, 2, 3], /object/],
      ['a string', /object/],
      [null, /object/],
    ];
    for (const [plain, reason] of cases) {
      const err = await rejection(concordiumDesktopOpen(concordiumEncrypt(plain, PW), PW, { file: 'f.json' }));
      expect(err, JSON.stringify(plain).slice(0, 40)).toBeInstanceOf(NotAnExportError);
      expect((err as Error).message).toMatch(/not a Concordium Desktop Wallet export/);
      expect((err as Error).message).toMatch(reason);
    }
  });

  it('a damaged envelope is a damaged file; a huge iteration count is refused before any work', async () => {
    const good = concordiumEncrypt(desktopExportData({ identities: 1 }), PW);
    const ct = Buffer.from(good.cipherText, 'base64');
    const m = good.metadata;
    const damaged: [string, ConcordiumEnvelope | Record<string, unknown>][] = [
      ['no metadata', { cipherText: good.cipherText }],
      ['iv of 8 bytes', { ...good, metadata: { ...m, initializationVector: Buffer.alloc(8).toString('base64') } }],
      ['no salt', { ...good, metadata: { ...m, salt: undefined } }],
      ['empty salt', { ...good, metadata: { ...m, salt: '' } }],
      ['iterations 0', { ...good, metadata: { ...m, iterations: 0 } }],
      ['iterations as text', { ...good, metadata: { ...m, iterations: '10000' } }],
      ['iterations 1.5', { ...good, metadata: { ...m, iterations: 1.5 } }],
      ['keyLen 16', { ...good, metadata: { ...m, keyLen: 16 } }],
      ['sha512', { ...good, metadata: { ...m, hashAlgorithm: 'sha512' } }],
      ['partial block', { ...good, cipherText: ct.subarray(0, ct.length - 3).toString('base64') }],
      ['empty cipherText', { ...good, cipherText: '' }],
      ['cipherText not text', { ...good, cipherText: 42 }],
    ];
    for (const [what, env] of damaged) {
      const err = await rejection(concordiumDesktopOpen(env as ConcordiumEnvelope, PW, { file: 'f.json' }));
      expect(err, what).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message, what).toMatch(/f\.json is damaged/);
    }
    for (const iterations of [1_000_001, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const err = await rejection(concordiumDesktopOpen({ ...good, metadata: { ...m, iterations } }, PW));
      expect(err).toBeInstanceOf(KdfParamsTooLargeError);
      expect((err as Error).message).toMatch(/limit/);
    }
  });
});

describe('concordiumDesktopValidate', () => {
  it('takes the decrypted value and returns the same collections', () => {
    const data = desktopExportData();
    expect(concordiumDesktopValidate(JSON.parse(JSON.stringify(data)))).toEqual(asExport(data));
  });

  it('checks the mobile tag before anything else', () => {
    expect(() => concordiumDesktopValidate({ type: 'concordium-mobile-wallet-data', v: 1, identities: [] })).toThrow(MobileWalletExportError);
  });
});

describe('concordiumDesktopWrite', () => {
  it('writes the desktop envelope; the desktop algorithm opens it to exactly the data given', async () => {
    const data = desktopExportData();
    const env = (await concordiumDesktopWrite(asExport(data), PW)) as ConcordiumEnvelope;
    expect(Object.keys(env).sort()).toEqual(['cipherText', 'metadata']);
    expect(env.metadata).toMatchObject({ keyLen: 32, iterations: 10_000, ...EXPORT_ALGORITHMS });
    expect(Buffer.from(String(env.metadata['salt']), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(env.metadata['initializationVector']), 'base64')).toHaveLength(16);
    expect(concordiumDecrypt(env, PW)).toEqual(data);
  });

  it('uses the injected randomness for salt and IV, so a file can be made byte for byte', async () => {
    const data = asExport(desktopExportData({ identities: 1 }));
    const a = await concordiumDesktopWrite(data, PW, { random: countingRandom() });
    const b = await concordiumDesktopWrite(data, PW, { random: countingRandom() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const meta = (a as ConcordiumEnvelope).metadata;
    expect(Buffer.from(String(meta['salt']), 'base64')).toEqual(Buffer.from(Array.from({ length: 16 }, (_, i) => i + 1)));
    expect(Buffer.from(String(meta['initializationVector']), 'base64')).toEqual(Buffer.from(Array.from({ length: 16 }, (_, i) => i + 17)));
    // The same salt, IV and plaintext through the test-side algorithm give the same ciphertext.
    const plain = concordiumDecrypt(a as ConcordiumEnvelope, PW);
    const again = concordiumEncrypt(plain, PW, {
      salt: Buffer.from(Array.from({ length: 16 }, (_, i) => i + 1)),
      iv: Buffer.from(Array.from({ length: 16 }, (_, i) => i + 17)),
    });
    expect(again.cipherText).toBe((a as ConcordiumEnvelope).cipherText);
  });

  it('writes unknown top-level fields back and leaves genesis out when there is none', async () => {
    const d = desktopExportData({ genesisBlock: null });
    const env = (await concordiumDesktopWrite(asExport(d, { futureField: [1, 2] }), PW)) as ConcordiumEnvelope;
    const plain = concordiumDecrypt(env, PW) as Record<string, unknown>;
    expect(plain['futureField']).toEqual([1, 2]);
    expect('genesis' in plain).toBe(false);
  });

  it('property: write → desktop decrypt and desktop encrypt → open are both lossless', async () => {
    const json = fc.jsonValue({ maxDepth: 2 });
    const entry = fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);
    const withAddress = fc.tuple(entry, fc.string({ minLength: 1, maxLength: 60 })).map(([o, address]) => ({ ...o, address }));
    const exportArb = fc.record({
      identities: fc.array(entry, { maxLength: 3 }),
      accounts: fc.array(withAddress, { maxLength: 3 }),
      addressBook: fc.array(withAddress, { maxLength: 3 }),
      credentials: fc.array(entry, { maxLength: 2 }),
      externalCredentials: fc.array(entry, { maxLength: 2 }),
      wallets: fc.array(entry, { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(exportArb, fc.string({ minLength: 6, maxLength: 30 }), async (lists, password) => {
        const written = (await concordiumDesktopWrite({ ...lists, genesis: { id: 1, genesisBlock: 'ab' }, rest: {} }, password)) as ConcordiumEnvelope;
        expect(concordiumDecrypt(written, password)).toEqual({ ...lists, genesis: { id: 1, genesisBlock: 'ab' } });
        const opened = await concordiumDesktopOpen(concordiumEncrypt(lists, password), password);
        expect(opened).toEqual({ ...lists, genesis: undefined, rest: {} });
      }),
      { numRuns: 25 },
    );
  });
});
