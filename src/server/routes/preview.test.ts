/**
 * Issue 12 items 7–9 through the server (Fastify inject, real vault): the address previews the
 * browser shows while the user types, and "Update the existing account" on add and derive.
 *
 * - POST /api/accounts/preview derives the address of a phrase without storing anything, names the
 *   account already in the vault with that key, never answers with the phrase, and is rate-capped
 *   (a script looping on it gets 429 with Retry-After; it checks no stored secret, so it is not a
 *   guess for the failure limiter).
 * - POST /api/identities/preview needs the identity's PIN and goes through the failure limiter like
 *   the derive itself: wrong PINs count and are slowed down.
 * - POST /api/accounts/add and /api/identities/derive take `onDuplicate`.
 * Known answers: test/vectors/polkadot-js.json (//Alice), Moonbeam's published Alith for the dev phrase.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountsAll } from '../../vault/accounts.js';
import { testAppStart, type TestApp } from '../testApp.js';
import { loadVectors } from '../../../test/support/vectors.js';

type Vector = { type: string; suri: string; publicKey: string; address42?: string; address0?: string };
const VECTORS = loadVectors<{ devPhrase: string; suri: Vector[] }>('polkadot-js');
const DEV = VECTORS.devPhrase;
const ALICE = VECTORS.suri.find((v) => v.type === 'sr25519' && v.suri === `${DEV}//Alice`)!;
const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
const PIN = '864200';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'preview', free: 2 });
});
afterAll(() => server.stop());

describe('POST /api/accounts/preview', () => {
  it('gives the address in the network chosen and the ethereum default, stores nothing, and never echoes the phrase', async () => {
    const r = await server.post('/api/accounts/preview', { suri: ALICE.suri, network: 'polkadot' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ address: ALICE.address0, publicKey: ALICE.publicKey, type: 'sr25519', network: 'polkadot', path: '//Alice', existing: null });
    const eth = await server.post('/api/accounts/preview', { suri: DEV, type: 'ethereum' });
    expect(eth.json()).toMatchObject({ address: ALITH, path: "/m/44'/60'/0'/0/0" });
    for (const res of [r, eth]) expect(res.body).not.toContain('bottom drive');
    expect(accountsAll(server.vault)).toEqual([]);
  });

  it('names the account already in the vault with that key (before any password is asked for), and add with onDuplicate updates it', async () => {
    const added = await server.post('/api/accounts/add', { name: 'Alice', suri: ALICE.suri, password: 'pw-123456' });
    expect(added.statusCode).toBe(200);
    const r = await server.post('/api/accounts/preview', { suri: ALICE.suri, network: 'kusama' });
    expect(r.json().existing).toEqual({ name: 'Alice', address: ALICE.address42, network: 'substrate', type: 'sr25519', kind: 'file', identity: null });

    const refused = await server.post('/api/accounts/add', { name: 'Alice 2', suri: ALICE.suri, password: 'pw-654321', network: 'kusama' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.name).toBe('DuplicateAccountError');
    const updated = await server.post('/api/accounts/add', { name: 'Alice on Kusama', suri: ALICE.suri, network: 'kusama', onDuplicate: 'update' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      status: 'updated',
      account: { name: 'Alice on Kusama', network: 'kusama', publicKey: ALICE.publicKey },
      previous: { name: 'Alice', network: 'substrate' },
    });
    expect(updated.json().backup.json).toContain('"name":"Alice on Kusama"');
    const bad = await server.post('/api/accounts/add', { name: 'x', suri: ALICE.suri, onDuplicate: 'replace' });
    expect(bad.statusCode).toBe(400);
    expect(accountsAll(server.vault)).toHaveLength(1);
  });

  it('a phrase problem is one sentence that names the word by position, not the word', async () => {
    const r = await server.post('/api/accounts/preview', { suri: DEV.replace('curtain', 'curtainx') });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/Word 5/);
    expect(r.body).not.toContain('curtainx');
  });

  it('is rate-capped: past its burst a loop gets 429 with Retry-After (the clock stands still here, so nothing refills)', async () => {
    // Date frozen (only Date: timers run), so the cap's refill is not a matter of how fast this machine is.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 25; i++) {
        const r = await server.post('/api/accounts/preview', { suri: `${DEV}//${i}` });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) retryAfter = r.headers['retry-after'] as string;
      }
      // The cap was full (an hour of refill since the calls above): 20 through, then refused.
      expect(statuses).toEqual([...Array(20).fill(200), ...Array(5).fill(429)]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('POST /api/identities/preview', () => {
  it('derives the address with the PIN without storing it, names the account in the vault, and wrong PINs go through the failure limiter', async () => {
    expect((await server.post('/api/identities/recover', { name: 'Paper', mnemonic: DEV, pin: PIN })).statusCode).toBe(200);
    const before = accountsAll(server.vault).length;
    const r = await server.post('/api/identities/preview', { identity: 'Paper', pin: PIN, path: '//Alice', network: 'polkadot' });
    expect(r.statusCode).toBe(200);
    // //Alice is in the vault already (from the tests above), as a file account.
    expect(r.json()).toMatchObject({
      address: ALICE.address0,
      path: '//Alice',
      network: 'polkadot',
      name: 'Paper Polkadot Relay Chain',
      existing: { kind: 'file', name: 'Alice on Kusama' },
    });
    expect(accountsAll(server.vault)).toHaveLength(before);

    const updated = await server.post('/api/identities/derive', { identity: 'Paper', pin: PIN, path: '//Alice', network: 'polkadot', onDuplicate: 'update' });
    expect(updated.json()).toMatchObject({ status: 'updated', address: ALICE.address0, name: 'Alice on Kusama', network: 'polkadot' });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await server.post('/api/identities/preview', { identity: 'Paper', pin: `00000${i}`, path: '//x' })).statusCode);
    expect(statuses).toEqual([422, 422, 429]);
  });
});
