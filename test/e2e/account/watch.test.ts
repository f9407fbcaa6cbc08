/**
 * Issue 17: `keepsake account watch` in temporary vaults — a plain SS58 address, an Ethereum address,
 * and a Polkadot Vault address text (`substrate:<address>:0x<genesis>`, novasamatech/parity-signer
 * rust/db_handling/src/interface_signer.rs `export_key`) whose genesis hash names the network. Each
 * refusal: one sentence, its exit code, the vault unchanged, a secret never repeated. Expected
 * addresses come from @polkadot/util-crypto.
 */
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { EXIT, expectRefused, okJson, runAccount, sandbox, type AccountJson, vaultDump } from '../../support/cli.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_DOT = encodeAddress(decodeAddress(ALICE), 0);
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
/** EIP-55's own example. */
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ETH2 = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const KEY_HEX = '7e'.repeat(32);

/** The same base58 string with one character changed (to another base58 character). */
function oneCharOff(address: string, at = 10): string {
  const c = address[at]!;
  return address.slice(0, at) + (c === 'z' ? 'y' : 'z') + address.slice(at + 1);
}

describe('account watch', () => {
  it('adds a plain SS58 address, an Ethereum address and a Vault address text (network from its genesis hash), watch-only and needing no backup', async () => {
    const box = await sandbox();
    const plain = await box.run(['account', 'watch', ALICE_DOT, '--name', 'Treasury']);
    expect(plain.code, plain.stderr).toBe(EXIT.ok);
    expect(plain.stdout).toContain(`Added ${ALICE_DOT} "Treasury" (sr25519, polkadot).`);
    expect(plain.stdout).toMatch(/watch-only.*cannot sign/);
    // Nothing to back up: the line about accounts without a backup does not count it.
    expect(plain.stderr).toBe('');

    const eth = okJson<AccountJson>(await box.run(['account', 'watch', ETH.toLowerCase(), '--name', 'Exchange', '--json']));
    expect(eth).toMatchObject({ address: ETH, type: 'ethereum', hasKey: false });
    const vault = okJson<AccountJson>(await box.run(['account', 'watch', `substrate:${BOB}:${WESTEND}`, '--name', 'Vault phone', '--json']));
    expect(vault).toMatchObject({ address: BOB, network: 'westend', genesisHash: WESTEND, hasKey: false });

    const list = await box.list();
    expect(list.map((a) => [a.address, a.name, a.network, a.hasKey])).toEqual([
      [ALICE_DOT, 'Treasury', 'polkadot', false],
      [ETH, 'Exchange', 'substrate', false],
      [BOB, 'Vault phone', 'westend', false],
    ]);
    const text = await box.run(['account', 'list']);
    expect(text.stdout).toMatch(/Treasury.*watch-only/);

    // With an account that has no backup, the line after a watch counts that one only.
    const keyed = await runAccount(box, 'create', await box.secret('pw.txt', 'watch-e2e-password'), 'Keyed', '--mnemonic-out', box.path('phrase.txt'));
    expect(keyed.code, keyed.stderr).toBe(EXIT.ok);
    expect(keyed.stderr).toContain('1 account has no backup yet');
    const more = await box.run(['account', 'watch', ETH2, '--name', 'Another']);
    expect(more.code, more.stderr).toBe(EXIT.ok);
    expect(more.stderr.trim()).toBe('1 account has no backup yet: keepsake backup export');
  });

  it('refuses a bad checksum, a secret key text (never repeated), a duplicate, another and an unknown network — the vault unchanged', async () => {
    const box = await sandbox();
    okJson(await box.run(['account', 'watch', ALICE, '--name', 'Alice', '--json']));
    const before = vaultDump(box.vault);
    expectRefused(await box.run(['account', 'watch', oneCharOff(BOB), '--name', 'Typo']), EXIT.failed, { match: /checksum/ });
    expectRefused(await box.run(['account', 'watch', `secret:0x${KEY_HEX}:${WESTEND.slice(2)}`, '--name', 'Key']), EXIT.failed, {
      secrets: [KEY_HEX.slice(0, 16)],
      match: /^That is a secret key .*not an address/,
    });
    expectRefused(await box.run(['account', 'watch', `substrate:${ALICE}:${WESTEND}`, '--name', 'Again']), EXIT.failed, {
      match: /already in the vault as "Alice"; nothing was changed\. Run `keepsake account list`/,
    });
    expectRefused(await box.run(['account', 'watch', `substrate:${BOB}:${WESTEND}`, '--name', 'Bob', '--network', 'kusama']), EXIT.usage, {
      match: /for westend, not kusama/,
    });
    expectRefused(await box.run(['account', 'watch', BOB, '--name', 'Bob', '--network', 'atlantis', '--json']), EXIT.usage, {
      json: true,
      name: 'UnknownNetworkError',
    });
    expect(vaultDump(box.vault)).toEqual(before);
  });
});
