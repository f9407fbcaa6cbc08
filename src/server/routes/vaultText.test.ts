/**
 * Issue 17, Polkadot Vault texts through the server (Fastify inject, real vault): a pasted
 * "Export private key" text (`vaultText`, novasamatech/parity-signer rust/db_handling/src/identities.rs)
 * previews its address without storing anything and adds the account on its network; a damaged text
 * is a 400 in one sentence that never echoes it; an address text goes into the address book.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsAll } from '../../vault/accounts.js';
import { testAppStart, type TestApp } from '../testApp.js';

// Known answer from parity-signer rust/db_handling/tests/tests.rs: Alice's phrase + //Alice on Westend.
const SEED = 'e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const WESTEND = 'e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const TEXT = `secret:0x${SEED}:${WESTEND}`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'vault-text', free: 2 });
});
afterAll(() => server.stop());

describe('a pasted Polkadot Vault key text', () => {
  it('previews its address on its network, stores nothing, never echoes the text', async () => {
    const r = await server.post('/api/accounts/preview', { vaultText: TEXT });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ address: ALICE, network: 'westend', type: 'sr25519', existing: null });
    expect(r.body).not.toContain(SEED);
    expect(accountsAll(server.vault)).toEqual([]);
  });

  it('adds the account under a password; a damaged text is refused in one sentence without the text', async () => {
    const bad = await server.post('/api/accounts/add', { name: 'Cut', vaultText: TEXT.slice(0, 50), password: 'pw-123456' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.name).toBe('InvalidVaultTextError');
    expect(bad.body).not.toContain(SEED.slice(0, 30));
    expect(accountsAll(server.vault)).toEqual([]);
    const added = await server.post('/api/accounts/add', { name: 'From Vault', vaultText: TEXT, password: 'pw-123456' });
    expect(added.statusCode).toBe(200);
    expect(added.json().account).toMatchObject({ address: ALICE, network: 'westend' });
    expect(added.body).not.toContain(SEED);
  });

  it('an address text goes into the address book', async () => {
    const r = await server.post('/api/addresses/add', { address: `substrate:${ALICE}:0x${WESTEND}`, name: 'Vault phone' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ address: ALICE, network: 'westend' });
  });
});
