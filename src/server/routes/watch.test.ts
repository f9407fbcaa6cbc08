/**
 * Issue 17, `/api/accounts/watch` (Fastify inject, real vault): an address or a Polkadot Vault address
 * text becomes a watch-only account; a key text, a bad checksum, a duplicate and another network are
 * refused in one sentence with the vault unchanged, the key text never echoed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultDump } from '../../../test/support/vaults.js';
import { testAppStart, type TestApp } from '../testApp.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const KEY_HEX = '3d'.repeat(32);

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'watch', free: 2 });
});
afterAll(() => server.stop());

describe('POST /api/accounts/watch', () => {
  it('adds a Vault address text on its network and an Ethereum address, watch-only; both list', async () => {
    const r = await server.post('/api/accounts/watch', { address: `substrate:${ALICE}:${WESTEND}`, name: 'Vault phone' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ address: ALICE, name: 'Vault phone', network: 'westend', hasKey: false });
    const e = await server.post('/api/accounts/watch', { address: ETH.toLowerCase(), name: 'Exchange', network: '' });
    expect(e.json()).toMatchObject({ address: ETH, type: 'ethereum', hasKey: false });
    const list = await server.app.inject({ method: 'GET', url: '/api/accounts', headers: server.headers() });
    expect((list.json() as { address: string; hasKey: boolean }[]).map((a) => [a.address, a.hasKey])).toEqual([
      [ALICE, false],
      [ETH, false],
    ]);
  });

  it('refuses a key text, a bad checksum, a duplicate and another network; nothing changes', async () => {
    const before = vaultDump(server.vault);
    const cases: [Record<string, string>, number, string][] = [
      [{ address: `secret:0x${KEY_HEX}:${WESTEND.slice(2)}`, name: 'Key' }, 400, 'SecretNotAddressError'],
      [{ address: `${ALICE.slice(0, 10)}z${ALICE.slice(11)}`, name: 'Typo' }, 400, 'InvalidAddressError'],
      [{ address: ALICE, name: 'Again' }, 409, 'DuplicateAccountError'],
      [{ address: `substrate:${ALICE}:${WESTEND}`, name: 'Elsewhere', network: 'kusama' }, 400, 'UsageError'],
    ];
    for (const [body, status, name] of cases) {
      const r = await server.post('/api/accounts/watch', body);
      expect([r.statusCode, r.json().error.name], r.body).toEqual([status, name]);
      expect(r.body).not.toContain(KEY_HEX.slice(0, 16));
    }
    expect(vaultDump(server.vault)).toEqual(before);
  });
});
