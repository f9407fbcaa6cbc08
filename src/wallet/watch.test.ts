/**
 * Issue 17: an address, or a Polkadot Vault address text, added as a watch-only account. Expected
 * addresses come from @polkadot/util-crypto, never from keepsake; each refusal leaves the vault as it was.
 */
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { InvalidAddressError, SecretNotAddressError } from '../errors/address.js';
import { UnknownNetworkError, UsageError } from '../errors/usage.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { DEV_PHRASE } from '../keys/suri.js';
import { keepsakeRejection } from '../../test/support/rejection.js';
import { vaultDump, vaultsForFile } from '../../test/support/vaults.js';
import { accountList } from './accounts.js';
import { backupStatus } from './backupHealth.js';
import { accountAdd } from './create.js';
import { accountWatch } from './watch.js';

const freshVault = vaultsForFile('watch');
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_DOT = encodeAddress(decodeAddress(ALICE), 0);
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
/** EIP-55's own example. */
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const KUSAMA = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';
const UNKNOWN_GENESIS = `0x${'ab'.repeat(32)}`;
const SECRET = `secret:0x${'5c'.repeat(32)}:${WESTEND.slice(2)}`;

/** The same base58 string with one character changed (to another base58 character). */
function oneCharOff(address: string, at = 10): string {
  const c = address[at]!;
  return address.slice(0, at) + (c === 'z' ? 'y' : 'z') + address.slice(at + 1);
}

describe('accountWatch', () => {
  it('adds an SS58 address on the network of its prefix, watch-only, counted by no backup check', async () => {
    const vault = freshVault();
    const a = await accountWatch(vault, { address: ALICE_DOT, name: 'Treasury' });
    expect(a).toMatchObject({ address: ALICE_DOT, name: 'Treasury', type: 'sr25519', network: 'polkadot', hasKey: false });
    expect(accountList(vault)).toEqual([a]);
    expect(backupStatus(vault).items.map((i) => i.state)).toEqual(['watch-only']);
    // A generic (42) address given a network is shown under it.
    const b = await accountWatch(vault, { address: BOB, name: 'Bob', network: 'kusama' });
    expect(b).toMatchObject({ address: encodeAddress(decodeAddress(BOB), 2), network: 'kusama', hasKey: false });
  });

  it('adds an Ethereum address in its EIP-55 form, whatever case it was typed in', async () => {
    const vault = freshVault();
    const a = await accountWatch(vault, { address: ETH.toLowerCase(), name: 'Exchange' });
    expect(a).toMatchObject({ address: ETH, type: 'ethereum', hasKey: false });
    const m = await accountWatch(freshVault(), { address: ETH, name: 'On Moonbeam', network: 'moonbeam' });
    expect(m).toMatchObject({ address: ETH, network: 'moonbeam' });
  });

  it('reads a Vault address text: the network from its genesis hash, or kept as a hash keepsake does not know', async () => {
    const vault = freshVault();
    const w = await accountWatch(vault, { address: `substrate:${ALICE}:${WESTEND}`, name: 'From Vault' });
    expect(w).toMatchObject({ address: ALICE, network: 'westend', genesisHash: WESTEND, hasKey: false });
    const k = await accountWatch(vault, { address: `substrate:${BOB}:${KUSAMA}`, name: 'Bob on Kusama' });
    expect(k).toMatchObject({ address: encodeAddress(decodeAddress(BOB), 2), network: 'kusama' });
    const e = await accountWatch(vault, { address: `ethereum:${ETH.toLowerCase()}:${UNKNOWN_GENESIS}`, name: 'EVM' });
    expect(e).toMatchObject({ address: ETH, type: 'ethereum', genesisHash: UNKNOWN_GENESIS });
    // An older Signer's text ends with a name: it names the account when no name is given.
    const named = await accountWatch(freshVault(), { address: `substrate:${ALICE}:${WESTEND}:Alice phone`, name: '' });
    expect(named.name).toBe('Alice phone');
  });

  it('refuses, with the vault unchanged: a bad checksum, a secret, a phrase, another network, an unknown network, a Concordium-free name', async () => {
    const vault = freshVault();
    await accountWatch(vault, { address: ETH, name: 'There' });
    const before = vaultDump(vault);
    const cases: [Promise<unknown>, new (...a: never[]) => Error][] = [
      [accountWatch(vault, { address: oneCharOff(ALICE), name: 'Bad' }), InvalidAddressError],
      [accountWatch(vault, { address: `${ETH.slice(0, -1)}D`, name: 'Bad case' }), InvalidAddressError],
      [accountWatch(vault, { address: SECRET, name: 'Key' }), SecretNotAddressError],
      [accountWatch(vault, { address: DEV_PHRASE, name: 'Phrase' }), SecretNotAddressError],
      [accountWatch(vault, { address: `substrate:${ALICE}:${WESTEND}`, name: 'Wrong', network: 'kusama' }), UsageError],
      [accountWatch(vault, { address: ALICE_DOT, name: 'Wrong', network: 'kusama' }), InvalidAddressError],
      [accountWatch(vault, { address: BOB, name: 'Nowhere', network: 'atlantis' }), UnknownNetworkError],
      [accountWatch(vault, { address: ALICE, name: '' }), UsageError],
    ];
    for (const [p, Cls] of cases) {
      const err = await keepsakeRejection(p);
      expect(err).toBeInstanceOf(Cls);
      // A secret is never repeated back.
      expect(err.fullMessage).not.toContain('5c5c5c');
      expect(err.fullMessage).not.toContain(DEV_PHRASE.split(' ')[3]);
    }
    expect(vaultDump(vault)).toEqual(before);
  });

  it('refuses an address already in the vault, watch-only or with its key, and changes nothing', async () => {
    const vault = freshVault();
    const added = await accountAdd(vault, { name: 'Dev', suri: DEV_PHRASE, type: 'sr25519', network: 'polkadot', password: 'watch-test-pw', kdf: 'compat' });
    await accountWatch(vault, { address: ETH, name: 'Exchange' });
    const before = vaultDump(vault);
    const keyed = await keepsakeRejection(accountWatch(vault, { address: added.account.address, name: 'Again' }));
    expect(keyed).toBeInstanceOf(DuplicateAccountError);
    expect(keyed.message).toContain('"Dev"');
    expect(keyed.report.next).toEqual({ do: 'list', what: 'accounts' });
    // The same key under another network's address format is the same account.
    const other = encodeAddress(decodeAddress(added.account.address), 2);
    expect(await keepsakeRejection(accountWatch(vault, { address: other, name: 'Again', network: 'kusama' }))).toBeInstanceOf(DuplicateAccountError);
    const watched = await keepsakeRejection(accountWatch(vault, { address: `ethereum:${ETH.toLowerCase()}:${UNKNOWN_GENESIS}`, name: 'Twice' }));
    expect(watched.message).toContain('"Exchange"');
    expect(vaultDump(vault)).toEqual(before);
  });
});
