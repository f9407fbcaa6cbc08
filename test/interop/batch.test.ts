/**
 * The Polkadot{.js} extension's "Export all accounts" file, built as the extension builds it
 * (ui-keyring `backupAccounts`): the stored account files, each still locked with its own password,
 * JSON-encoded and locked again with the batch password by util-crypto `jsonEncrypt`, plus an
 * unauthenticated `accounts` preview. keepsake `verify` reports every account, and never throws for one
 * that the batch password does not open.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { stringToU8a } from '@polkadot/util';
import { jsonEncrypt } from '@polkadot/util-crypto';
import { WrongPasswordError } from '../../src/errors/password.js';
import { polkadotJsBatchOpen } from '../../src/formats/polkadot-js/batch.js';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsParse } from '../../src/formats/polkadot-js/parse.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { verifyFile } from '../../src/wallet/verify.js';
import {
  KEY_TYPES,
  asFile,
  expectNoSecret,
  hex,
  keyringFor,
  mnemonicArb,
  oracleToJson,
  passwordArb,
  runs,
  samePolkadotPassword,
  suriArb,
  type KeyType,
} from './oracle.js';

type Entry = { pair: KeyringPair; json: KeyringPair$Json; locked: boolean };

/** The extension's export: `jsonEncrypt(stringToU8a(JSON.stringify(accounts)), ['batch-pkcs8'], password)` + the preview. */
function extensionExportAll(entries: readonly unknown[], batchPassword: string): string {
  const encrypted = jsonEncrypt(stringToU8a(JSON.stringify(entries)), ['batch-pkcs8'], batchPassword);
  const accounts = entries.map((e) => {
    const o = e as { address: string; meta: unknown };
    return { address: o.address, meta: o.meta };
  });
  return JSON.stringify({ ...encrypted, accounts });
}

const entryArb = fc
  .record({ type: fc.constantFrom(...KEY_TYPES), locked: fc.boolean() })
  .chain(({ type, locked }) => fc.record({ type: fc.constant(type), locked: fc.constant(locked), suri: suriArb(type).map((s) => s.suri) }));

describe('extension "Export all accounts" file', () => {
  it('verify reports every account: ok when it shares the batch password, BatchEntryLockedError when it has its own', async () => {
    await fc.assert(
      fc.asyncProperty(
        // At least one entry of each kind, wherever they fall in the list.
        fc
          .array(entryArb, { minLength: 2, maxLength: 5 })
          .chain((specs) =>
            fc
              .shuffledSubarray([0, 1, 2, 3, 4].slice(0, specs.length), { minLength: 2, maxLength: 2 })
              .map(([ok, locked]) => specs.map((spec, i) => (i === ok ? { ...spec, locked: false } : i === locked ? { ...spec, locked: true } : spec))),
          ),
        passwordArb,
        passwordArb,
        async (specs, batchPassword, ownPassword) => {
          fc.pre(!samePolkadotPassword(batchPassword, ownPassword));
          const entries: Entry[] = specs.map(({ type, locked, suri }, i) => {
            const pair = keyringFor(type).addFromUri(suri, { name: `account ${i}`, whenCreated: 1_700_000_000_000 + i }, type);
            // Stored accounts were written by wallets of different ages: N=2^15 here keeps the test fast.
            const json = asFile<KeyringPair$Json>(oracleToJson(pair, locked ? ownPassword : batchPassword, SCRYPT_COMPAT));
            return { pair, json, locked };
          });
          const text = extensionExportAll(
            entries.map((e) => e.json),
            batchPassword,
          );

          const report = await verifyFile(text, batchPassword);
          expect(report.format).toBe('polkadot-js-batch');
          expect(report.accounts).toHaveLength(entries.length);
          expect(report.ok).toBe(entries.every((e) => !e.locked));
          entries.forEach(({ pair, json, locked }, i) => {
            const account = report.accounts[i]!;
            expect(account.name).toBe(`account ${i}`);
            if (locked) {
              expect(account.ok).toBe(false);
              // An ecdsa or ethereum entry's `address` field is its public key: named by its address (issue 12 #15; was json.address).
              expect(account.address).toBe(pair.type === 'ecdsa' || pair.type === 'ethereum' ? pair.address : json.address);
              expect(account.publicKey).toBeNull();
              expect(account.error?.name).toBe('BatchEntryLockedError');
              expectNoSecret([account.error?.message], batchPassword, ownPassword);
            } else {
              expect(account).toMatchObject({
                address: pair.address,
                publicKey: hex(pair.publicKey),
                type: pair.type,
                name: `account ${i}`,
                ok: true,
                error: null,
              });
            }
          });
        },
      ),
      { numRuns: runs(2) },
    );
  });

  it('all accounts sharing the batch password verify ok; inspect lists the preview without a password; a wrong batch password throws', async () => {
    const [phrase] = fc.sample(mnemonicArb, { numRuns: 1, seed: 3 });
    const pairs = KEY_TYPES.map((type: KeyType) => keyringFor(type).addFromUri(`${phrase!}${type === 'ethereum' ? '' : '//keepsake'}`, { name: type }, type));
    const jsons = pairs.map((p) => asFile<KeyringPair$Json>(oracleToJson(p, 'batch pässword', SCRYPT_COMPAT)));
    const text = extensionExportAll(jsons, 'batch pässword');

    const inspected = await inspectFile(text);
    expect(inspected.format).toBe('polkadot-js-batch');
    expect(inspected.kdf).toEqual({ name: 'scrypt', ...SCRYPT_DEFAULT });
    // The preview names ecdsa and ethereum accounts by a public key and no type: shown by the Ethereum address,
    // which is an ethereum account's own (issue 12 #15; was j.address), and said so for an ecdsa one.
    expect(inspected.accounts).toMatchObject(
      jsons.map((j, i) => ({
        address: pairs[i]!.type === 'ethereum' ? pairs[i]!.address : pairs[i]!.type === 'ecdsa' ? expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) : j.address,
        name: j.meta.name,
      })),
    );
    expect(inspected.notes.join(' ')).toMatch(/shown by their Ethereum address \(an ecdsa account would have another one/);

    const parsed = polkadotJsParse(JSON.parse(text));
    if (parsed.kind !== 'batch') throw new Error('expected a batch file');
    const opened = await polkadotJsBatchOpen(parsed, 'batch pässword');
    expect(opened.map((e) => e.file?.address)).toEqual(jsons.map((j) => j.address));

    const report = await verifyFile(text, 'batch pässword');
    expect(report.ok).toBe(true);
    expect(report.accounts).toMatchObject(pairs.map((p) => ({ address: p.address, publicKey: hex(p.publicKey), type: p.type, ok: true })));

    await expect(verifyFile(text, 'not the batch password')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('an entry written by pair.toJson (N=2^17) and an external account without a key are reported, not thrown', async () => {
    const [phrase] = fc.sample(mnemonicArb, { numRuns: 1, seed: 5 });
    const pair = keyringFor('sr25519').addFromUri(`${phrase!}//0`, { name: 'current extension' }, 'sr25519');
    // An external (e.g. hardware) account: the extension stores it without `encoded`.
    const external = { address: keyringFor('ed25519').addFromUri(`${phrase!}//ledger`).address, meta: { name: 'ledger', isExternal: true, isHardware: true } };
    const text = extensionExportAll([asFile(pair.toJson('same')), external], 'same');

    const report = await verifyFile(text, 'same');
    expect(report.accounts).toHaveLength(2);
    expect(report.accounts[0]).toMatchObject({ address: pair.address, ok: true });
    expect(report.accounts[1]).toMatchObject({ address: external.address, name: 'ledger' });
  });
});
