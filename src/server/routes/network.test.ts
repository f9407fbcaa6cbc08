/**
 * Issue 17 (AXIA): the browser's Restore JSON with a Network chosen, and an account's Network…, through
 * the server (Fastify inject, real vault). Networks that share an address format cannot be told apart
 * from a file (an AXIA file reads like a Polkadot one), so the page sends the network the person picked;
 * "As the file says" sends none, and the report then says which others share the format, in words of
 * any front end. An unknown network is refused before any file is opened, the vault unchanged.
 */
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleReady } from '../../../test/support/oracle.js';
import { accountsAll } from '../../vault/accounts.js';
import { testAppStart, type TestApp } from '../testApp.js';

const PASSWORD = `network-route-${Math.random().toString(36).slice(2)}`;
const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
/** Browser text never names a command or a flag (test/browser's check). */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

let server: TestApp;
/** An account file as AXIA.js writes one for AXIA: Polkadot's prefix (0) and genesis hash. */
let axiaFile: string;
let axiaAddress: string;
let genericFile: string;

type Report = { restored: { address: string; network: string | null }[]; failed: unknown[]; notes: { message: string; next?: unknown }[] };

beforeAll(async () => {
  await oracleReady();
  server = await testAppStart({ name: 'network', free: 1 });
  const axia = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(mnemonicGenerate(12), { name: 'On AXIA', genesisHash: POLKADOT_GENESIS }, 'sr25519');
  axiaFile = JSON.stringify(axia.toJson(PASSWORD));
  axiaAddress = axia.address;
  genericFile = JSON.stringify(
    new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri(mnemonicGenerate(12), { name: 'Generic' }, 'ed25519').toJson(PASSWORD),
  );
});
afterAll(() => server.stop());

const restore = (text: string, name: string, network?: string) =>
  server.post('/api/restore', { files: [{ name, text }], password: PASSWORD, ...(network === undefined ? {} : { network }) });

describe('POST /api/restore with a network', () => {
  it('an unknown network: 400, its close names said, nothing restored', async () => {
    const r = await restore(axiaFile, 'axia.json', 'axa');
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ error: { name: 'UnknownNetworkError', message: 'Unknown network "axa". Did you mean axia?' } });
    expect(accountsAll(server.vault)).toEqual([]);
  });

  it('"axia": the account is stored under AXIA at the address AXIA shows, and nothing more is said', async () => {
    const r = await restore(axiaFile, 'axia.json', 'axia');
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as Report;
    expect(report.restored).toEqual([expect.objectContaining({ address: axiaAddress, network: 'axia' })]);
    expect(report.notes).toEqual([]);
    const listed = (await server.app.inject({ method: 'GET', url: '/api/accounts', headers: server.headers() })).json() as {
      name: string;
      network: string;
      address: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ name: 'On AXIA', network: 'axia', address: axiaAddress })]);
  });

  it('none ("As the file says"): the file’s network, and a note naming the AXIA networks of the same format, in browser words', async () => {
    const r = await restore(genericFile, 'generic.json');
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as Report;
    expect(report.restored.map((a) => a.network)).toEqual(['substrate']);
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]!.message).toMatch(/^Substrate shares its address format \(prefix 42\) with Westend Testnet, AXIA AlphaNet, AXIA BetaNet/);
    expect(report.notes[0]!.message).not.toMatch(CLI_TEXT);
  });
});

describe('POST /api/accounts/network', () => {
  it('moves an account under another network (no password); an unknown network is refused and changes nothing', async () => {
    const bad = await server.post('/api/accounts/network', { address: axiaAddress, network: 'no-such-network' });
    expect(bad.statusCode).toBe(400);
    expect(accountsAll(server.vault).find((a) => a.name === 'On AXIA')!.network).toBe('axia');
    const r = await server.post('/api/accounts/network', { address: axiaAddress, network: 'polkadot' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ account: { network: 'polkadot', address: axiaAddress, genesisHash: POLKADOT_GENESIS }, previous: { network: 'axia' } });
  });
});
