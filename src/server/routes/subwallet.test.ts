/**
 * Issue 17: a SubWallet export through the server (Fastify inject, real vault), as the browser's
 * Restore and Verify pages send it. The restore report carries one sentence per account of a kind
 * keepsake does not keep (in `skipped`, which the page lists), the verify report marks each
 * `unsupported` with the same sentence, and neither is a failed guess for the failure limiter.
 * A file of such accounts only is refused with one sentence, the vault unchanged.
 */
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleReady } from '../../../test/support/oracle.js';
import { subWalletExport, subWalletOtherKind, subWalletStored } from '../../../test/support/subwallet.js';
import { accountsAll } from '../../vault/accounts.js';
import { testAppStart, type TestApp } from '../testApp.js';

const MASTER = 'subwallet-route-master';
/** Browser text never names a command or a flag (test/browser's check). */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

let server: TestApp;
let mixed: string;
let cardanoOnly: string;
let srAddress: string;

beforeAll(async () => {
  await oracleReady();
  // One failure through the limiter would be noticed: a report with an unsupported entry is not a guess.
  server = await testAppStart({ name: 'subwallet', free: 1 });
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(mnemonicGenerate(12), { name: 'Kept' }, 'sr25519');
  srAddress = sr.address;
  const cardano = subWalletOtherKind(new Keyring({ type: 'ed25519' }).addFromUri(mnemonicGenerate(12)), 'cardano', MASTER, { name: 'Ada' });
  const bitcoin = subWalletOtherKind(new Keyring({ type: 'ecdsa' }).addFromUri(mnemonicGenerate(12)), 'bitcoin-86', MASTER, { name: 'Sats' });
  mixed = subWalletExport([cardano, subWalletStored(sr, MASTER), bitcoin], MASTER);
  cardanoOnly = subWalletExport([cardano], MASTER);
});
afterAll(() => server.stop());

describe('SubWallet export in the browser wallet', () => {
  it('POST /api/verify: each other kind of account is unsupported, with its sentence; the file would restore', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await server.post('/api/verify', { files: [{ name: 'subwallet.json', text: mixed }], password: MASTER });
      expect(r.statusCode, r.body).toBe(200);
      const report = r.json() as { format: string; restorable: boolean; accounts: { check: string; error: { message: string } | null }[] };
      expect(report.format).toBe('subwallet');
      expect(report.restorable).toBe(true);
      expect(report.accounts.map((a) => a.check)).toEqual(['unsupported', 'checked', 'unsupported']);
      expect(report.accounts[0]!.error!.message).toBe(
        'A Cardano account (subwallet.json (entry 1)) was not restored: only Polkadot and Ethereum keys are kept in keepsake.',
      );
      expect(report.accounts[2]!.error!.message).toMatch(/^A Bitcoin account \(subwallet\.json \(entry 3\)\) was not restored/);
      for (const a of report.accounts) expect(a.error?.message ?? '').not.toMatch(CLI_TEXT);
    }
  });

  it('POST /api/restore: the restore report lists each other kind in one sentence; the rest is restored', async () => {
    const r = await server.post('/api/restore', { files: [{ name: 'subwallet.json', text: mixed }], password: MASTER });
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as { restored: { address: string; name: string }[]; skipped: { reason: string }[]; failed: unknown[] };
    expect(report.restored).toEqual([expect.objectContaining({ address: srAddress, name: 'Kept' })]);
    expect(report.failed).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'A Cardano account (subwallet.json (entry 1)) was not restored: only Polkadot and Ethereum keys are kept in keepsake.',
      'A Bitcoin account (subwallet.json (entry 3)) was not restored: only Polkadot and Ethereum keys are kept in keepsake.',
    ]);
    for (const s of report.skipped) expect(s.reason).not.toMatch(CLI_TEXT);
    expect(accountsAll(server.vault)).toHaveLength(1);
  });

  it('POST /api/restore of a file holding only other kinds: one sentence, nothing restored', async () => {
    const before = accountsAll(server.vault).length;
    const r = await server.post('/api/restore', { files: [{ name: 'ada.json', text: cardanoOnly }], password: MASTER });
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as { restored: unknown[]; failed: { error: { name: string; message: string } }[] };
    expect(report.restored).toEqual([]);
    expect(report.failed.map((f) => f.error)).toEqual([
      {
        name: 'NoSupportedAccountsError',
        message: 'ada.json holds only Cardano accounts, and only Polkadot and Ethereum keys are kept in keepsake: nothing in it was restored.',
      },
    ]);
    expect(accountsAll(server.vault)).toHaveLength(before);
  });
});
