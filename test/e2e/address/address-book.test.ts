/**
 * The address book through the CLI (issue 5, "What to build" 1; DESIGN.md "CLI contract"):
 * `address add|list|remove` for SS58 addresses of any registered network, Ethereum (EIP-55) and
 * Concordium (base58check), and the refusals — each with its reason, exit 1 (2 for usage), and the
 * vault exactly as before. Expected addresses come from `@polkadot/util-crypto` and from a
 * test-side base58check, never from keepsake.
 */
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { vaultClose, vaultOpen } from '../../../src/vault/open.js';
import { sandbox, type AddressJson, EXIT, expectRefused, okJson, vaultDump } from '../../support/cli.js';
import { concordiumAddress } from '../../support/concordium.js';

const ALICE_PUB = decodeAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
const BOB_PUB = decodeAddress('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty');
const ALICE_POLKADOT = encodeAddress(ALICE_PUB, 0);
const ALICE_KUSAMA = encodeAddress(ALICE_PUB, 2);
const BOB_GENERIC = encodeAddress(BOB_PUB, 42);
/** EIP-55's own examples. */
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ETH2 = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

/** The same base58 string with one character changed (to another base58 character). */
function oneCharOff(address: string, at = 10): string {
  const c = address[at]!;
  return address.slice(0, at) + (c === 'z' ? 'y' : c === '9' ? '8' : 'z') + address.slice(at + 1);
}

describe('address add / list / remove', () => {
  it('keeps SS58 (polkadot, kusama, generic 42), Ethereum and Concordium entries, with name, note and network', async () => {
    const b = await sandbox();
    const ccd = concordiumAddress();
    const added = [
      okJson<AddressJson>(await b.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice DOT', '--note', 'rent', '--network', 'polkadot', '--json'])),
      okJson<AddressJson>(await b.run(['address', 'add', ALICE_KUSAMA, '--name', 'Alice KSM', '--network', 'kusama', '--json'])),
      okJson<AddressJson>(await b.run(['address', 'add', BOB_GENERIC, '--name', 'Bob', '--json'])),
      okJson<AddressJson>(await b.run(['address', 'add', ETH.toLowerCase(), '--name', 'Exchange', '--note', 'deposit only', '--json'])),
      okJson<AddressJson>(await b.run(['address', 'add', ccd, '--name', 'Concordium friend', '--json'])),
    ];
    expect(added.map((a) => [a.address, a.kind, a.name, a.note, a.network])).toEqual([
      [ALICE_POLKADOT, 'ss58', 'Alice DOT', 'rent', 'polkadot'],
      [ALICE_KUSAMA, 'ss58', 'Alice KSM', null, 'kusama'],
      [BOB_GENERIC, 'ss58', 'Bob', null, 'substrate'],
      // Stored in its EIP-55 form, whatever case it was typed in.
      [ETH, 'ethereum', 'Exchange', 'deposit only', 'ethereum'],
      [ccd, 'concordium', 'Concordium friend', null, 'concordium'],
    ]);
    expect(await b.list<AddressJson>('address')).toEqual(added);

    // The network of an SS58 address is its prefix's, unless a generic (42) address is given one.
    const dot42 = okJson<AddressJson>(
      await b.run(['address', 'add', encodeAddress(ALICE_PUB, 42), '--name', 'Alice generic on Polkadot', '--network', 'polkadot', '--json']),
    );
    expect(dot42.network).toBe('polkadot');
    const eth2 = okJson<AddressJson>(await b.run(['address', 'add', ETH2.toUpperCase().replace('0X', '0x'), '--name', 'Upper', '--json']));
    expect(eth2.address).toBe(ETH2);

    // Human output names what was added and listed.
    const text = await b.run(['address', 'list']);
    expect(text.code).toBe(EXIT.ok);
    for (const a of added) expect(text.stdout).toContain(a.address);
    expect(text.stdout).toContain('"Alice DOT"');

    // Remove by address (Ethereum in any case) and by name.
    expect(okJson<AddressJson>(await b.run(['address', 'remove', ETH.toLowerCase(), '--json'])).name).toBe('Exchange');
    expect(okJson<AddressJson>(await b.run(['address', 'remove', 'Alice KSM', '--json'])).address).toBe(ALICE_KUSAMA);
    expect(okJson<AddressJson>(await b.run(['address', 'remove', ccd, '--json'])).address).toBe(ccd);
    const left = await b.list<AddressJson>('address');
    expect(left.map((a) => a.name)).toEqual(['Alice DOT', 'Bob', 'Alice generic on Polkadot', 'Upper']);

    const before = vaultDump(b.vault);
    expectRefused(await b.run(['address', 'remove', ccd]), EXIT.failed, { match: /No address-book entry/ });
    expect(vaultDump(b.vault)).toEqual(before);
    // Removed entries can be added again.
    okJson(await b.run(['address', 'add', ccd, '--name', 'back again', '--json']));
  });

  it('an empty book says so', async () => {
    const b = await sandbox();
    // `address list` made the vault here before issue 12 #17; a reading command now needs one.
    vaultClose(vaultOpen(b.vault));
    expect(await b.list('address')).toEqual([]);
    const r = await b.run(['address', 'list']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout + r.stderr).toMatch(/empty/);
  });
});

describe('refusals: the reason, exit 1, the vault unchanged', () => {
  it('a bad checksum (SS58, EIP-55 mixed case, Concordium), an unknown SS58 prefix, a wrong --network, a duplicate', async () => {
    const b = await sandbox();
    const ccd = concordiumAddress();
    okJson(await b.run(['address', 'add', ALICE_POLKADOT, '--name', 'Alice', '--json']));
    okJson(await b.run(['address', 'add', ETH, '--name', 'Exchange', '--json']));
    okJson(await b.run(['address', 'add', ccd, '--name', 'CCD', '--json']));
    const before = vaultDump(b.vault);

    const badEip55 = ETH.replace('aAeb', 'aaEb'); // same hex, a case pattern the checksum does not allow
    const unregistered = encodeAddress(BOB_PUB, 16000);
    const cases: { what: string; args: string[]; match: RegExp; code?: number }[] = [
      { what: 'SS58 checksum', args: [oneCharOff(BOB_GENERIC)], match: /checksum/ },
      { what: 'EIP-55 checksum', args: [badEip55], match: /EIP-55|checksum/ },
      { what: 'Concordium checksum', args: [oneCharOff(concordiumAddress())], match: /checksum/ },
      { what: 'unknown SS58 prefix', args: [unregistered], match: /prefix 16000/ },
      { what: 'kusama address for polkadot', args: [ALICE_KUSAMA, '--network', 'polkadot'], match: /Kusama.*Polkadot|prefix 2/ },
      { what: 'polkadot address for kusama', args: [encodeAddress(BOB_PUB, 0), '--network', 'kusama'], match: /Polkadot.*Kusama|prefix 0/ },
      // Both were "not a valid address" (a bad checksum or length) before issue 12 #15: a valid address of another network is named as such.
      {
        what: 'Concordium address for polkadot',
        args: [concordiumAddress(), '--network', 'polkadot'],
        match: /is not a Polkadot Relay Chain address: it is a Concordium one/,
      },
      { what: 'SS58 address for concordium', args: [BOB_GENERIC, '--network', 'concordium'], match: /is not a Concordium address: it is a Substrate one/ },
      { what: 'not an address at all', args: ['hello-world'], match: /not a valid address/ },
      { what: 'duplicate SS58', args: [ALICE_POLKADOT], match: /already in the address book as "Alice"/ },
      { what: 'duplicate Ethereum (other case)', args: [ETH.toLowerCase()], match: /already in the address book as "Exchange"/ },
      { what: 'duplicate Concordium', args: [ccd], match: /already in the address book as "CCD"/ },
      { what: 'unknown network name', args: [BOB_GENERIC, '--network', 'no-such-network'], match: /Unknown network/, code: EXIT.usage },
    ];
    for (const [i, c] of cases.entries()) {
      // Human text for most, the `--json` error document for every third (same message).
      const json = i % 3 === 0;
      const r = await b.run(['address', 'add', ...c.args, '--name', 'Refused', ...(json ? ['--json'] : [])]);
      const msg = expectRefused(r, c.code ?? EXIT.failed, { longerThan: 20, json });
      expect(msg, c.what).toMatch(c.match);
      expect(vaultDump(b.vault), c.what).toEqual(before);
    }
  });

  it('a secret pasted where the address goes (a Polkadot Vault key text, a recovery phrase) is refused without being repeated', async () => {
    const b = await sandbox();
    okJson(await b.run(['address', 'add', BOB_GENERIC, '--name', 'Bob', '--json']));
    const before = vaultDump(b.vault);
    const seed = 'e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
    const key = `secret:0x${seed}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`;
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    for (const [text, what] of [
      [key, /a secret key \(a Polkadot Vault key text\), not an address/],
      [phrase, /a recovery phrase, not an address/],
    ] as const) {
      const r = await b.run(['address', 'add', text, '--name', 'Oops']);
      expectRefused(r, EXIT.failed, { match: what, secrets: [seed, phrase, 'curtain smoke'] });
    }
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('an Ethereum address with an unknown --network name is refused like an SS58 one', async () => {
    const b = await sandbox();
    okJson(await b.run(['address', 'add', BOB_GENERIC, '--name', 'Bob', '--json']));
    const before = vaultDump(b.vault);
    const r = await b.run(['address', 'add', ETH, '--name', 'Exchange', '--network', 'no-such-network']);
    expectRefused(r, EXIT.usage, { match: /Unknown network/ });
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('a name is required and not empty (usage, exit 2)', async () => {
    const b = await sandbox();
    okJson(await b.run(['address', 'add', BOB_GENERIC, '--name', 'Bob', '--json']));
    const before = vaultDump(b.vault);
    expectRefused(await b.run(['address', 'add', ALICE_POLKADOT, '--name', '   ']), EXIT.usage);
    expect((await b.run(['address', 'add', ALICE_POLKADOT])).code).toBe(EXIT.usage);
    expect(vaultDump(b.vault)).toEqual(before);
  });
});
