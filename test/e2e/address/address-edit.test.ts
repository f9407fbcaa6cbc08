/**
 * Editing an address-book entry (issue 12 item 13; ux review §8 "There is no edit or rename for
 * entries (CLI too)"): `address edit ADDR --name … --note … --network …` changes what it is given and
 * keeps the rest; a network whose prefix does not fit the address, nothing to change, or an unknown
 * entry is refused with its exit code and the vault exactly as before. An entry imported from a
 * Concordium Desktop export carries the new name and note into the next Concordium export.
 */
import { readFile } from 'node:fs/promises';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { sandbox, type AddressJson, EXIT, expectRefused, okJson, vaultDump } from '../../support/cli.js';
import { concordiumDecrypt, concordiumEncrypt, desktopExportData, type ConcordiumEnvelope } from '../../support/concordium.js';

const ALICE_PUB = decodeAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
const ALICE_POLKADOT = encodeAddress(ALICE_PUB, 0);
const BOB_GENERIC = encodeAddress(decodeAddress('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'), 42);
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const PW = 'concordium export 1';

describe('address edit', () => {
  it('changes the name, the note and the network it is given, and keeps the rest', async () => {
    const b = await sandbox();
    okJson(await b.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice', '--note', 'rent', '--json']));
    okJson(await b.run(['address', 'add', BOB_GENERIC, '--name', 'Bob', '--json']));
    okJson(await b.run(['address', 'add', ETH, '--name', 'Exchange', '--json']));

    const named = okJson<AddressJson>(await b.run(['address', 'edit', ALICE_POLKADOT, '--name', 'Alice (cold)', '--json']));
    expect(named).toEqual({ address: ALICE_POLKADOT, kind: 'ss58', name: 'Alice (cold)', note: 'rent', network: 'polkadot' });
    // Found by name too; an empty note removes the note.
    const cleared = okJson<AddressJson>(await b.run(['address', 'edit', 'Alice (cold)', '--note', '', '--json']));
    expect(cleared.note).toBeNull();
    // A generic (42) address may be given a network.
    const bob = okJson<AddressJson>(await b.run(['address', 'edit', BOB_GENERIC, '--network', 'westend', '--note', 'test funds', '--json']));
    expect(bob).toEqual({ address: BOB_GENERIC, kind: 'ss58', name: 'Bob', note: 'test funds', network: 'westend' });
    // Any letter case finds an Ethereum entry.
    const text = await b.run(['address', 'edit', ETH.toLowerCase(), '--name', 'Exchange deposit']);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toContain(`Changed ${ETH}: "Exchange deposit"`);

    expect(await b.list<AddressJson>('address')).toEqual([
      { address: ALICE_POLKADOT, kind: 'ss58', name: 'Alice (cold)', note: null, network: 'polkadot' },
      bob,
      { address: ETH, kind: 'ethereum', name: 'Exchange deposit', note: null, network: 'ethereum' },
    ]);
  });

  it('refuses a network the address is not for (1), nothing to change (2), a bad name (2) and an unknown entry (1); the vault is unchanged', async () => {
    const b = await sandbox();
    okJson(await b.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice', '--json']));
    const before = vaultDump(b.vault);
    expectRefused(await b.run(['address', 'edit', ALICE_POLKADOT, '--network', 'kusama']), EXIT.failed, {
      match: /is not a Kusama Relay Chain address: it is a Polkadot Relay Chain one \(prefix 0, not 2\)/,
    });
    expectRefused(await b.run(['address', 'edit', ALICE_POLKADOT]), EXIT.usage, { match: /Nothing to change/ });
    expectRefused(await b.run(['address', 'edit', ALICE_POLKADOT, '--name', '   ']), EXIT.usage);
    expectRefused(await b.run(['address', 'edit', BOB_GENERIC, '--name', 'Bob']), EXIT.failed, { match: /No address-book entry matches/ });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('an entry from a Concordium Desktop export keeps its exported copy in step: the next Concordium export has the new name and note', async () => {
    const b = await sandbox();
    const pw = await b.secret('pw.txt', PW);
    const data = desktopExportData({ tag: 'E', identities: 1, addressBook: 1 });
    const friend = data.addressBook.find((e) => e['readOnly'] === false)!;
    okJson(await b.run(['backup', 'import', await b.write('wallet-export.json', concordiumEncrypt(data, PW)), '--password-file', pw, '--json']));

    okJson(await b.run(['address', 'edit', String(friend['address']), '--name', 'Landlord', '--note', 'rent from May', '--json']));
    const out = b.path('again.json');
    expect((await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw])).code).toBe(EXIT.ok);
    const again = concordiumDecrypt(JSON.parse(await readFile(out, 'utf8')) as ConcordiumEnvelope, PW) as { addressBook: Record<string, unknown>[] };
    const entry = again.addressBook.find((e) => e['address'] === friend['address'])!;
    // The rest of the desktop wallet's entry (readOnly) is as it was exported.
    expect(entry).toEqual({ ...friend, name: 'Landlord', note: 'rent from May' });
  });
});
