/**
 * SubWallet exports (issue 17): inspect, verify, restore and convert read them; accounts of kinds
 * keepsake does not keep are left out one by one; a unified account's name is kept; damaged files
 * say so. Fixtures: test/support/subwallet.ts (built as SubWallet's published source writes them),
 * fresh random keys every run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleBatchOpen, oracleOpen, oracleReady } from '../../test/support/oracle.js';
import { subWalletExport, subWalletOtherKind, subWalletStored, subWalletUnified } from '../../test/support/subwallet.js';
import { CorruptFileError, TruncatedFileError } from '../errors/file.js';
import { NoSupportedAccountsError, UnsupportedKeyTypeError } from '../errors/keyType.js';
import { WrongPasswordError } from '../errors/password.js';
import { formatDetect } from '../formats/detect.js';
import { SUBWALLET_MAX_GROUPS } from '../formats/subwallet.js';
import { accountsAll } from '../vault/accounts.js';
import { vaultClose, vaultOpen, type Vault } from '../vault/open.js';
import { convertFile } from './convert.js';
import { inspectFile } from './inspect.js';
import { restoreFiles, restoreVerdict } from './restore.js';
import { verifyFile } from './verify.js';

const MASTER = `master-${Math.random().toString(36).slice(2)}`;
const LEFT_OUT = /^An? (TON|Cardano|Bitcoin) account \(wallet\.json \(entry \d\)\) was not restored: only Polkadot and Ethereum keys are kept in keepsake\.$/;

let pairs: Record<'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum', KeyringPair>;
let others: { ton: KeyringPair$Json; cardano: KeyringPair$Json; bitcoin: KeyringPair$Json };
let stored: KeyringPair$Json[];
/** sr25519 + ed25519 + ecdsa + ethereum, a TON, a Cardano and a Bitcoin account; sr25519 and ethereum are one unified account. */
let mixed: string;
let dir: string;

function pairOf(type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum', phrase: string, name: string): KeyringPair {
  return new Keyring({ type, ss58Format: 42 }).addFromUri(type === 'ethereum' ? `${phrase}/m/44'/60'/0'/0/0` : phrase, { name }, type);
}

beforeAll(async () => {
  await oracleReady();
  const phrase = mnemonicGenerate(12);
  pairs = {
    sr25519: pairOf('sr25519', phrase, 'Substrate half'),
    ed25519: pairOf('ed25519', mnemonicGenerate(12), 'Solo ed'),
    ecdsa: pairOf('ecdsa', mnemonicGenerate(12), 'Solo ecdsa'),
    ethereum: pairOf('ethereum', phrase, 'EVM half'),
  };
  const other = (type: 'ed25519' | 'ecdsa') => new Keyring({ type }).addFromUri(mnemonicGenerate(12));
  others = {
    ton: subWalletOtherKind(other('ed25519'), 'ton', MASTER, { name: 'TON' }),
    cardano: subWalletOtherKind(other('ed25519'), 'cardano', MASTER, { name: 'Cardano' }),
    bitcoin: subWalletOtherKind(other('ecdsa'), 'bitcoin-84', MASTER, { name: 'Bitcoin' }),
  };
  stored = [
    subWalletStored(pairs.sr25519, MASTER),
    others.ton,
    subWalletStored(pairs.ed25519, MASTER),
    subWalletStored(pairs.ecdsa, MASTER),
    others.cardano,
    subWalletStored(pairs.ethereum, MASTER),
    others.bitcoin,
  ];
  mixed = subWalletExport(stored, MASTER, subWalletUnified('proxy-1', 'Main account', [pairs.sr25519, pairs.ethereum]));
  dir = mkdtempSync(join(tmpdir(), 'keepsake-subwallet-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshVault(name: string): Vault {
  return vaultOpen(join(dir, `${name}.sqlite`));
}

describe('SubWallet export: recognised', () => {
  it('is named from its preview marker or its account groups; a plain extension batch stays one', () => {
    expect(formatDetect(mixed).format).toBe('subwallet');
    const file = JSON.parse(mixed) as Record<string, unknown>;
    // Without unified accounts SubWallet writes no groups: the preview's isSubWallet still tells it apart.
    const { accountProxies: _p, modifyPairs: _m, ...ungrouped } = file;
    expect(formatDetect(JSON.stringify(ungrouped)).format).toBe('subwallet');
    const plain = { ...ungrouped, accounts: (file['accounts'] as { address: string }[]).map((a) => ({ address: a.address, meta: {} })) };
    expect(formatDetect(JSON.stringify(plain)).format).toBe('polkadot-js-batch');
  });

  it('inspect lists every entry without a password, the unified account under its name', async () => {
    const report = await inspectFile(mixed, { file: 'wallet.json' });
    expect(report.label).toBe('SubWallet export');
    expect(report.accounts).toHaveLength(7);
    expect(report.accounts[0]).toMatchObject({ address: pairs.sr25519.address, name: 'Main account' });
    expect(report.accounts[5]).toMatchObject({ address: pairs.ethereum.address, name: 'Main account' });
    expect(report.accounts[2]).toMatchObject({ address: pairs.ed25519.address, name: 'Solo ed' });
    expect(report.notes.join(' ')).toContain('master password');
    // TON and Cardano are listed by a 32-byte key in hex; Bitcoin, like Ethereum, by a 33-byte one.
    expect(report.notes.join(' ')).toContain('2 entries are listed by a 32-byte key in hex');
    expect(report.notes.join(' ')).toContain('may be a Bitcoin account');
  });
});

describe('SubWallet export: read with the master password', () => {
  it('verify checks the Polkadot and Ethereum keys and leaves out each other account in one sentence', async () => {
    const report = await verifyFile(mixed, MASTER, { file: 'wallet.json' });
    expect(report.format).toBe('subwallet');
    expect(report.restorable).toBe(true);
    const checks = report.accounts.map((a) => a.check);
    expect(checks).toEqual(['checked', 'unsupported', 'checked', 'checked', 'unsupported', 'checked', 'unsupported']);
    const left = report.accounts.filter((a) => a.check === 'unsupported');
    expect(left.map((a) => a.error?.name)).toEqual(['UnsupportedKeyTypeError', 'UnsupportedKeyTypeError', 'UnsupportedKeyTypeError']);
    expect(left.map((a) => a.error?.message.match(/^An? (\w+)/)?.[1])).toEqual(['TON', 'Cardano', 'Bitcoin']);
    for (const a of left) expect(a.error?.message).toMatch(LEFT_OUT);
    expect(report.accounts.find((a) => a.address === pairs.ethereum.address)?.name).toBe('Main account');
  });

  it('restore keeps the supported accounts (opening with the master password), names the unified one, skips each other kind', async () => {
    const vault = freshVault('mixed');
    try {
      const report = await restoreFiles(vault, [{ file: 'wallet.json', text: mixed }], MASTER);
      expect(restoreVerdict(report)).toBe('ok');
      expect(report.failed).toEqual([]);
      expect(report.restored.map((r) => r.name).sort()).toEqual(['Main account', 'Main account', 'Solo ecdsa', 'Solo ed']);
      expect(report.restored.every((r) => r.verified)).toBe(true);
      expect(report.skipped).toHaveLength(3);
      for (const s of report.skipped) expect(s.reason).toMatch(LEFT_OUT);
      const rows = accountsAll(vault);
      expect(rows).toHaveLength(4);
      // Each stored file is SubWallet's own, opened by the oracle with the master password.
      for (const row of rows) {
        const opened = oracleOpen(JSON.parse(row.fileJson!) as KeyringPair$Json, MASTER);
        expect(Buffer.from(opened.publicKey).equals(Buffer.from(row.publicKey))).toBe(true);
      }
    } finally {
      vaultClose(vault);
    }
  });

  it('convert writes the supported accounts and names each left out', async () => {
    const result = await convertFile(mixed, MASTER, 'new-password-1', 'polkadot-js-batch', { file: 'wallet.json', kdf: 'compat' });
    expect(result.from).toBe('subwallet');
    expect(result.accounts).toBe(4);
    expect(result.leftOut).toHaveLength(3);
    for (const s of result.leftOut) expect(s).toMatch(/was not converted: only Polkadot and Ethereum keys are kept in keepsake\.$/);
    const inner = oracleBatchOpen(JSON.parse(result.json), 'new-password-1');
    expect(inner.map((f) => f.meta['name']).sort()).toEqual(['Main account', 'Main account', 'Solo ecdsa', 'Solo ed']);
    for (const f of inner) oracleOpen(f, 'new-password-1');
  });

  it('a file holding only other kinds of account is one sentence, nothing restored', async () => {
    const only = subWalletExport([others.ton, others.cardano], MASTER);
    const vault = freshVault('only');
    try {
      const report = await restoreFiles(vault, [{ file: 'ton.json', text: only }], MASTER);
      expect(restoreVerdict(report)).toBe('failed');
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]!.error).toMatchObject({
        name: 'NoSupportedAccountsError',
        message: 'ton.json holds only TON and Cardano accounts, and only Polkadot and Ethereum keys are kept in keepsake: nothing in it was restored.',
      });
      expect(accountsAll(vault)).toEqual([]);
    } finally {
      vaultClose(vault);
    }
    await expect(verifyFile(only, MASTER, { file: 'ton.json' })).rejects.toBeInstanceOf(NoSupportedAccountsError);
  });

  it('an entry whose key does not give its address fails alone', async () => {
    // The ed25519 entry claims the sr25519 account's address.
    const swapped = stored.map((f, i) => (i === 2 ? { ...f, address: pairs.sr25519.address } : f));
    const report = await verifyFile(subWalletExport(swapped, MASTER), MASTER, { file: 'wallet.json' });
    expect(report.accounts[2]).toMatchObject({ check: 'failed', error: { name: 'AddressMismatchError' } });
    expect(report.accounts.filter((a) => a.check === 'checked')).toHaveLength(3);
  });
});

describe('SubWallet export: damaged or wrong', () => {
  it('a wrong master password is a wrong password', async () => {
    await expect(verifyFile(mixed, 'not-the-master', { file: 'wallet.json' })).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('cut short, it says so', async () => {
    await expect(inspectFile(mixed.slice(0, mixed.length / 2), { file: 'wallet.json' })).rejects.toBeInstanceOf(TruncatedFileError);
  });

  it('a changed ciphertext does not open', async () => {
    const file = JSON.parse(mixed) as { encoded: string };
    const bytes = Buffer.from(file.encoded, 'base64');
    bytes[bytes.length - 5]! ^= 1;
    const tampered = JSON.stringify({ ...file, encoded: bytes.toString('base64') });
    await expect(verifyFile(tampered, MASTER, { file: 'wallet.json' })).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('groups that are not what SubWallet writes, or too many, are refused before any password is tried', async () => {
    const file = JSON.parse(mixed) as Record<string, unknown>;
    await expect(verifyFile(JSON.stringify({ ...file, accountProxies: [] }), 'any', { file: 'wallet.json' })).rejects.toBeInstanceOf(CorruptFileError);
    await expect(verifyFile(JSON.stringify({ ...file, modifyPairs: 'x' }), 'any', { file: 'wallet.json' })).rejects.toBeInstanceOf(CorruptFileError);
    const many = Object.fromEntries(Array.from({ length: SUBWALLET_MAX_GROUPS + 1 }, (_, i) => [`p${i}`, { id: `p${i}`, name: 'x' }]));
    await expect(verifyFile(JSON.stringify({ ...file, accountProxies: many }), 'any', { file: 'wallet.json' })).rejects.toBeInstanceOf(CorruptFileError);
    await expect(inspectFile(JSON.stringify({ ...file, accountProxies: many }), { file: 'wallet.json' })).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('a group naming an account with a name that is no name, or a proxy that is not there, leaves the pair its own name', async () => {
    const groups = subWalletUnified('proxy-1', 'x'.repeat(300), [pairs.sr25519]);
    const named = subWalletUnified('proxy-2', 'Real', [pairs.ed25519]);
    const report = await inspectFile(
      subWalletExport(stored, MASTER, {
        accountProxies: { ...groups.accountProxies, ...named.accountProxies },
        modifyPairs: { ...groups.modifyPairs, [pairs.ecdsa.address]: { key: 'k', accountProxyId: 'missing', migrated: true }, ...named.modifyPairs },
      }),
    );
    expect(report.accounts[0]!.name).toBe('Substrate half');
    expect(report.accounts[2]!.name).toBe('Real');
  });

  it('an unsupported single file is the same one sentence', () => {
    expect(() => formatDetect(JSON.stringify(others.ton), 'ton.json')).toThrow(UnsupportedKeyTypeError);
    expect(() => formatDetect(JSON.stringify(others.ton), 'ton.json')).toThrow(
      'A TON account (ton.json) was not restored: only Polkadot and Ethereum keys are kept in keepsake.',
    );
  });
});
