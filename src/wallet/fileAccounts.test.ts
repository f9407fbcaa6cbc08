/**
 * fileAccountsOpen, the one reader of every format: Ethereum keystores (checked against their address),
 * the Apps "Export all" list with watch-only entries, and the extension's batch. Inputs are made by
 * Polkadot{.js} (@polkadot/keyring) and by an independent keystore implementation (test/e2e/convert/oracle.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPAT,
  eip55,
  ethAddress,
  ethPrivateKey,
  hex,
  keystoreEncrypt,
  multisigEntry,
  pairFromSeed,
  polkadotBatch,
  polkadotOpen,
  polkadotReady,
  polkadotToJson,
  type Json,
  type KeystoreKdf,
} from '../../test/e2e/convert/oracle.js';
import { BaseError } from '../errors/base.js';
import { CorruptFileError, FormatNotSupportedError } from '../errors/file.js';
import { AddressMismatchError, InvalidKeyError } from '../errors/key.js';
import { BatchEntryLockedError, WrongPasswordError } from '../errors/password.js';
import { fileAccountsOpen, type FileEntry } from './fileAccounts.js';
import { rejection } from '../../test/support/rejection.js';
import { loadVectors } from '../../test/support/vectors.js';
import { DESKTOP_ENVELOPE_STUB } from '../../test/support/concordium.js';

const VECTOR = loadVectors('ethereum-keystore');
const VECTOR_ADDRESS = eip55(VECTOR.expectedAddressLowercase);
const PW = 'correct horse';
/** Small scrypt: these tests are about what keepsake does with the file, not the KDF (see formats/ethereum-keystore.test.ts). */
const FAST: KeystoreKdf = { kdf: 'scrypt', n: 1 << 10, r: 8, p: 1 };

const seed = (n: number) => new Uint8Array(32).fill(n);
const text = (v: unknown) => JSON.stringify(v);
const only = (entries: FileEntry[]): FileEntry => {
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

beforeAll(polkadotReady);

describe('Ethereum keystores', () => {
  it('the vector: one ethereum account with the expected address, key checked, the file kept as given', async () => {
    const t = text(VECTOR.file);
    const { format, entries } = await fileAccountsOpen(t, VECTOR.password, { file: 'vector.json' });
    expect(format).toBe('ethereum-keystore');
    const a = only(entries).account!;
    expect(a).toMatchObject({ address: VECTOR_ADDRESS, type: 'ethereum', keyChecked: true, fileJson: t });
    expect(hex(a.accountId)).toBe(VECTOR.expectedAddressLowercase.slice(2));
    expect(a.publicKey).toHaveLength(33);
    expect(a.pair).toBeUndefined();
  });

  it('keepKeys hands out the private key; convertKeystores gives a Polkadot{.js} file @polkadot/keyring opens with the same password', async () => {
    const { entries } = await fileAccountsOpen(text(VECTOR.file), VECTOR.password, { keepKeys: true, convertKeystores: true });
    const a = only(entries).account!;
    expect(hex(a.pair!.secretKey)).toBe(VECTOR.expectedPrivateKey);
    const opened = polkadotOpen(JSON.parse(a.fileJson!), VECTOR.password);
    expect(opened.type).toBe('ethereum');
    expect(opened.address).toBe(VECTOR_ADDRESS);
    expect(opened.pkcs8).toContain(VECTOR.expectedPrivateKey);
  });

  it('a wrong password throws WrongPasswordError for the file', async () => {
    const err = await rejection(fileAccountsOpen(text(VECTOR.file), 'testpassword2', { file: 'vector.json' }));
    expect(err).toBeInstanceOf(WrongPasswordError);
  });

  it.each([
    ['lower case without 0x (geth)', (a: string) => a.slice(2)],
    ['lower case with 0x', (a: string) => a],
    ['EIP-55 with 0x', (a: string) => eip55(a)],
    ['upper case', (a: string) => '0x' + a.slice(2).toUpperCase()],
  ])('an address written %s is checked and accepted', async (_, spell) => {
    const key = ethPrivateKey(seed(1));
    const json = await keystoreEncrypt(key, PW, FAST, { address: spell(ethAddress(key)) });
    const a = only((await fileAccountsOpen(text(json), PW)).entries).account!;
    expect(a.address).toBe(eip55(ethAddress(key)));
  });

  it("an address that is not the key's → AddressMismatchError for that account (not a wrong password)", async () => {
    const key = ethPrivateKey(seed(2));
    const other = ethAddress(ethPrivateKey(seed(3)));
    const json = await keystoreEncrypt(key, PW, FAST, { address: other.slice(2) });
    const entry = only((await fileAccountsOpen(text(json), PW, { file: 'mixed-up.json' })).entries);
    expect(entry.account).toBeUndefined();
    expect(entry.error).toBeInstanceOf(AddressMismatchError);
    expect(entry.error).toMatchObject({ actual: eip55(ethAddress(key)) });
  });

  it('an altered iv (not covered by the MAC) gives another key: caught by the address check', async () => {
    const key = ethPrivateKey(seed(4));
    const json = await keystoreEncrypt(key, PW, FAST);
    const c = json['crypto'] as Json;
    const iv = Buffer.from((c['cipherparams'] as Json)['iv'] as string, 'hex');
    iv[15]! ^= 1;
    c['cipherparams'] = { iv: iv.toString('hex') };
    expect(only((await fileAccountsOpen(text(json), PW)).entries).error).toBeInstanceOf(AddressMismatchError);
  });

  it("a keystore without an address opens to the key's own address", async () => {
    const key = ethPrivateKey(seed(5));
    const json = await keystoreEncrypt(key, PW, FAST, { address: null });
    expect(only((await fileAccountsOpen(text(json), PW)).entries).account?.address).toBe(eip55(ethAddress(key)));
  });

  it.each([
    ['zero', new Uint8Array(32)],
    ['the curve order n', Buffer.from('fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141', 'hex')],
    ['2^256 - 1', new Uint8Array(32).fill(0xff)],
  ])('a keystore whose decrypted key is %s (not a secp256k1 key) → InvalidKeyError, not a crash', async (_, bad) => {
    const json = await keystoreEncrypt(new Uint8Array(bad), PW, FAST, { address: null });
    let entry: FileEntry | undefined;
    let thrown: unknown;
    try {
      entry = only((await fileAccountsOpen(text(json), PW)).entries);
    } catch (err) {
      thrown = err;
    }
    const error = thrown ?? entry?.error;
    expect(error, String(error)).toBeInstanceOf(InvalidKeyError);
  });
});

describe('the Apps "Export all" list', () => {
  const sr = pairFromSeed('sr25519', seed(11), { name: 'Savings', whenCreated: 1 }, 0);
  const ed = pairFromSeed('ed25519', seed(12), { name: 'Ledger-less', tags: ['x'] });
  const eth = pairFromSeed('ethereum', seed(13), { name: 'Moonbeam' });
  const ms = multisigEntry([sr.address, ed.address]);
  const qrPair = pairFromSeed('sr25519', seed(14));
  // A QR (Vault) account: address and public key, no key (DESIGN.md "Polkadot-JS Apps Export all").
  const qr = { address: qrPair.address, meta: { name: 'Vault QR', isExternal: true, isQr: true }, publicKey: hex(qrPair.publicKey), type: 'sr25519' };
  const ethWatch = { address: ethAddress(ethPrivateKey(seed(15))), meta: { name: 'Cold ETH', isExternal: true }, type: 'ethereum' };
  let apps: unknown[];
  let srJson: Json;

  beforeAll(() => {
    srJson = polkadotToJson(sr, PW) as unknown as Json;
    apps = [srJson, polkadotToJson(ed, PW), polkadotToJson(eth, PW), ms, qr, ethWatch];
  });

  it('opens every keyed entry and keeps the others as watch-only accounts', async () => {
    const { format, entries } = await fileAccountsOpen(text(apps), PW, { file: 'apps.json' });
    expect(format).toBe('apps');
    expect(entries.map((e) => e.error?.name ?? null)).toEqual([null, null, null, null, null, null]);
    const [a, b, c, d, e, f] = entries.map((x) => x.account!);
    expect(a).toMatchObject({ address: sr.address, type: 'sr25519', name: 'Savings', keyChecked: true, ss58Prefix: 0 });
    expect(b).toMatchObject({ address: ed.address, type: 'ed25519', name: 'Ledger-less', keyChecked: true });
    expect(c).toMatchObject({ address: eth.address, type: 'ethereum', name: 'Moonbeam', keyChecked: true });
    for (const w of [d, e, f]) expect(w).toMatchObject({ fileJson: null, keyChecked: false });
    expect(d).toMatchObject({ address: ms.address, name: 'Team multisig', type: 'sr25519' });
    expect(e).toMatchObject({ address: qr.address, name: 'Vault QR', type: 'sr25519' });
    expect(hex(e!.publicKey)).toBe(qr.publicKey);
    expect(f).toMatchObject({ address: eip55(ethWatch.address), name: 'Cold ETH', type: 'ethereum' });
    expect(hex(f!.accountId)).toBe(ethWatch.address.slice(2));
  });

  it("keepKeys gives the keyed entries' secrets (none for watch-only entries)", async () => {
    const { entries } = await fileAccountsOpen(text(apps), PW, { keepKeys: true });
    expect(entries.map((e) => e.account?.pair !== undefined)).toEqual([true, true, true, false, false, false]);
    expect(hex(entries[2]!.account!.pair!.secretKey)).toBe(hex(ethPrivateKey(seed(13))));
  });

  it('a password that opens none of the keyed entries is a wrong password for the file', async () => {
    expect(await rejection(fileAccountsOpen(text(apps), 'not it'))).toBeInstanceOf(WrongPasswordError);
  });

  it('an entry under another password is reported with that entry; the others open', async () => {
    const mixed = [srJson, polkadotToJson(ed, 'another one'), ms];
    const { entries } = await fileAccountsOpen(text(mixed), PW);
    expect(entries[0]!.account?.keyChecked).toBe(true);
    expect(entries[1]!.error).toBeInstanceOf(WrongPasswordError);
    expect(entries[2]!.account?.fileJson).toBeNull();
  });

  it('a list of watch-only entries only opens with any password', async () => {
    const { entries } = await fileAccountsOpen(text([ms, qr]), 'whatever');
    expect(entries.map((e) => e.account?.fileJson)).toEqual([null, null]);
  });

  it("an address-only entry's publicKey is used only when it gives the address; another key refuses that entry (security review #6)", async () => {
    const ecdsa = pairFromSeed('ecdsa', seed(16));
    const eth20 = pairFromSeed('ethereum', seed(17));
    const list = [
      // The full key of a 32-byte ecdsa account id or a 20-byte Ethereum address completes it.
      { address: ecdsa.address, publicKey: hex(ecdsa.publicKey), type: 'ecdsa', meta: {} },
      { address: eth20.address, publicKey: hex(eth20.publicKey), type: 'ethereum', meta: {} },
      // Another account's key under an address: sr25519, ecdsa, ethereum, and 33 bytes that are no curve point.
      { address: qr.address, publicKey: hex(sr.publicKey), type: 'sr25519', meta: { name: 'Savings' } },
      { address: ecdsa.address, publicKey: hex(eth20.publicKey), type: 'ecdsa', meta: {} },
      { address: eth20.address, publicKey: hex(eth.publicKey), type: 'ethereum', meta: {} },
      { address: eth20.address, publicKey: `0x02${'ff'.repeat(32)}`, type: 'ethereum', meta: {} },
      { address: qr.address, publicKey: `${qr.publicKey}00`, type: 'sr25519', meta: {} },
    ];
    const { entries } = await fileAccountsOpen(text(list), 'any', { file: 'list.json' });
    expect(entries.map((e) => e.error?.name ?? null)).toEqual([null, null, ...Array(5).fill('EntryKeyMismatchError')]);
    expect(hex(entries[0]!.account!.publicKey)).toBe(hex(ecdsa.publicKey));
    expect(hex(entries[1]!.account!.publicKey)).toBe(hex(eth20.publicKey));
    expect(entries[1]!.account!.address).toBe(eth20.address);
    expect(entries[2]!.error!.message).toBe(`list.json (entry 3): its publicKey is not the key of its address ${qr.address}; the entry was not used.`);
  });

  it("a keyed entry whose address is not its key's → AddressMismatchError for that entry", async () => {
    const lying = { ...polkadotToJson(ed, PW), address: sr.address };
    const { entries } = await fileAccountsOpen(text([srJson, lying]), PW);
    expect(entries[0]!.account).toBeDefined();
    expect(entries[1]!.error).toBeInstanceOf(AddressMismatchError);
  });

  it.each([
    ['an address that does not decode', { address: '5notanaddress', meta: { name: 'x' } }],
    ['an address with a bad checksum', { address: ms.address.slice(0, -1) + (ms.address.endsWith('y') ? 'z' : 'y'), meta: {} }],
    ['an Ethereum address with a bad EIP-55 checksum', { address: '0xD43593c715fdd31c61141abd04a99fd6822c8558', meta: {}, type: 'ethereum' }],
    ['an Ethereum address of 19 bytes', { address: '0xd43593c715fdd31c61141abd04a99fd6822c85', meta: {}, type: 'ethereum' }],
    ['a declared type the address does not fit (ethereum, with an SS58 address)', { address: ms.address, meta: {}, type: 'ethereum' }],
    ['a meta that is a string', { address: ms.address, meta: 'name' }],
    [
      'a batch file inside the list',
      { address: ms.address, encoded: 'AAAA', encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' }, accounts: [] },
    ],
    [
      'an encoded that is a number',
      { address: sr.address, encoded: 5, encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' }, meta: {} },
    ],
  ])('a watch-only or keyed entry with %s: a keepsake error (or an account) for that entry, never a crash', async (_, bad) => {
    const { entries } = await fileAccountsOpen(text([srJson, bad]), PW);
    expect(entries[0]!.account).toBeDefined();
    const e = entries[1]!;
    if (e.error !== undefined) expect(e.error).toBeInstanceOf(BaseError);
    else expect(e.account).toBeDefined();
  });

  it('a batch file inside the list is reported as CorruptFileError', async () => {
    const batch = polkadotBatch([polkadotToJson(ed, PW)], PW);
    const { entries } = await fileAccountsOpen(text([srJson, { ...batch, address: ed.address }]), PW);
    expect(entries[1]!.error).toBeInstanceOf(CorruptFileError);
  });
});

describe("the extension's batch file", () => {
  const a = pairFromSeed('sr25519', seed(21), { name: 'A' });
  const b = pairFromSeed('ecdsa', seed(22), { name: 'B' });

  it('opens every entry under the batch password', async () => {
    const batch = polkadotBatch([polkadotToJson(a, PW), polkadotToJson(b, PW)], PW);
    const { format, entries } = await fileAccountsOpen(text(batch), PW, { lockedEntries: 'report' });
    expect(format).toBe('polkadot-js-batch');
    expect(entries.map((e) => [e.account?.address, e.account?.type, e.account?.keyChecked])).toEqual([
      [a.address, 'sr25519', true],
      [b.address, 'ecdsa', true],
    ]);
  });

  it('an entry under its own password: reported (verify) or kept unchecked (restore)', async () => {
    const batch = polkadotBatch([polkadotToJson(a, PW), polkadotToJson(b, 'its own')], PW);
    const reported = await fileAccountsOpen(text(batch), PW, { lockedEntries: 'report' });
    expect(reported.entries[1]!.error).toBeInstanceOf(BatchEntryLockedError);
    const kept = await fileAccountsOpen(text(batch), PW, { lockedEntries: 'keep' });
    expect(kept.entries[1]!.account).toMatchObject({ address: b.address, type: 'ecdsa', keyChecked: false });
  });

  it('a wrong batch password throws WrongPasswordError', async () => {
    const batch = polkadotBatch([polkadotToJson(a, PW)], PW);
    expect(await rejection(fileAccountsOpen(text(batch), 'nope'))).toBeInstanceOf(WrongPasswordError);
  });
});

describe('Polkadot{.js} single files and other formats', () => {
  it('a single file opens to its account', async () => {
    const p = pairFromSeed('ed25519', seed(31), { name: 'One', custom: 'kept' }, 2);
    const json = polkadotToJson(p, PW, COMPAT);
    const { format, entries } = await fileAccountsOpen(text(json), PW);
    expect(format).toBe('polkadot-js');
    expect(only(entries).account).toMatchObject({ address: p.address, type: 'ed25519', name: 'One', ss58Prefix: 2, fileJson: text(json).trim() });
  });

  it('a format that holds no accounts to read is refused with FormatNotSupportedError', async () => {
    expect(await rejection(fileAccountsOpen(text(DESKTOP_ENVELOPE_STUB), PW))).toBeInstanceOf(FormatNotSupportedError);
  });
});
