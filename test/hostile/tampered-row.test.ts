/**
 * A tampered vault row (issue 11 item 9; security review #10): editing the cached `address` column of
 * `accounts` (one sqlite UPDATE) changed the address `account list`, `account list --network <own>`,
 * `identity list` (and its Signer QR text `substrate:<address>:<genesis>:<name>`) and the export
 * message showed. Every address keepsake shows is now derived from the row's `account_id`, so the
 * edit changes nothing a person sees.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ss58Encode } from '../../src/keys/address.js';
import { EXIT, okJson, sandbox, type AccountJson, type Sandbox } from '../support/cli.js';

const PW = 'tampered-Secret-pw-9';
const PIN = '864213';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

type IdentityJson = { name: string; accounts: { address: string; name: string; path: string; signerQr: string | null }[] };

/** Another account's valid Polkadot address: what an attacker writes into the row. */
const FORGED = ss58Encode(new Uint8Array(32).fill(0x5a), 0);

/** Rewrites the cached `address` column of every account row (what `sqlite3 vault "update accounts set address=…"` does). */
function tamper(vault: string): number {
  const db = new Database(vault);
  try {
    return db.prepare('UPDATE accounts SET address = ?').run(FORGED).changes;
  } finally {
    db.close();
  }
}

/** What keepsake must show: the address derived from the row's account id (never the cached column). */
function derivedAddresses(vault: string, prefix: number): Map<string, string> {
  const db = new Database(vault, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, account_id FROM accounts').all() as { name: string; account_id: Buffer }[];
    return new Map(rows.map((r) => [r.name, ss58Encode(r.account_id, prefix)]));
  } finally {
    db.close();
  }
}

let box: Sandbox & { remove: () => Promise<void> };
let derived: Map<string, string>;

beforeAll(async () => {
  box = await sandbox({ manual: true });
  const pw = await box.secret('pw.txt', PW);
  const pin = await box.secret('pin.txt', PIN);
  const phrase = await box.secret('phrase.txt', PHRASE);
  const suri = await box.secret('suri.txt', `${PHRASE}//savings`);
  okJson(
    await box.run(['account', 'add', '--name', 'Savings', '--network', 'polkadot', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']),
  );
  okJson(await box.run(['identity', 'recover', '--name', 'Main', '--mnemonic-file', phrase, '--pin-file', pin, '--json']));
  okJson(await box.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--pin-file', pin, '--json']));
  derived = derivedAddresses(box.vault, 0);
  expect(derived.size).toBe(2);
  expect([...derived.values()]).not.toContain(FORGED);
  expect(tamper(box.vault)).toBe(2);
}, 120_000);
afterAll(() => box?.remove());

describe('an edited `address` column changes nothing keepsake shows', () => {
  it('account list: the addresses derived from account_id, not the forged one', async () => {
    const list = await box.list();
    expect(list).toHaveLength(2);
    for (const a of list) expect(a.address, a.name).toBe(derived.get(a.name));
    const text = await box.run(['account', 'list']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout + text.stderr).not.toContain(FORGED);
    for (const address of derived.values()) expect(text.stdout + text.stderr).toContain(address);
  });

  it("account list --network polkadot (the accounts' own prefix) derives too", async () => {
    const list = await box.list(['--network', 'polkadot']);
    for (const a of list) expect(a.address, a.name).toBe(derived.get(a.name));
    const kusama = await box.list(['--network', 'kusama']);
    for (const a of kusama) expect(a.address).toBe(derivedAddresses(box.vault, 2).get(a.name));
  });

  it('identity list: the address and the Signer QR text carry the derived address', async () => {
    const identities = okJson<IdentityJson[]>(await box.run(['identity', 'list', '--json']));
    const account = identities[0]!.accounts[0]!;
    const expected = derived.get(account.name)!;
    expect(account.address).toBe(expected);
    expect(account.signerQr).toBe(`substrate:${expected}:${POLKADOT_GENESIS}:${account.name}`);
    const text = await box.run(['identity', 'list']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout + text.stderr).not.toContain(FORGED);
  });

  it('account export names the derived address, and finding the account by it works', async () => {
    const address = derived.get('Savings')!;
    const out = box.path('savings.json');
    const r = await box.run(['account', 'export', address, '--out', out, '--password-file', box.path('pw.txt')]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout + r.stderr).toContain(address);
    expect(r.stdout + r.stderr).not.toContain(FORGED);
    // The forged address is nobody's account here.
    const forged = await box.run(['account', 'export', FORGED, '--out', box.path('forged.json'), '--password-file', box.path('pw.txt')]);
    expect(forged.code).toBe(EXIT.failed);
    const list: AccountJson[] = await box.list();
    expect(list.map((a) => a.address)).not.toContain(FORGED);
  });
});
