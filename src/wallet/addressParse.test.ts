import { randomBytes } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeAddress, encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import { createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAddressError } from '../errors/address.js';
import { UsageError } from '../errors/usage.js';
import { networkByPrefix, networkList } from '../networks/networks.js';
import { addressParse } from './addressParse.js';
import { thrownMessage } from '../../test/support/rejection.js';
import { EIP55_EXAMPLES } from '../../test/support/vectors.js';

// Expected values come from @polkadot/util-crypto (SS58, EIP-55) and a base58check built here.
const base58check = createBase58check(sha256);
const concordium = (key: Uint8Array = randomBytes(32)) => base58check.encode(Uint8Array.from([1, ...key]));

const ALICE = decodeAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');

function refused(f: () => unknown, kind: new (...args: never[]) => Error = InvalidAddressError): string {
  return thrownMessage(f, kind);
}

describe('SS58', () => {
  it('names the network from the prefix: polkadot, kusama, generic 42', () => {
    expect(addressParse(encodeAddress(ALICE, 0))).toEqual({ kind: 'ss58', address: encodeAddress(ALICE, 0), network: 'polkadot', prefix: 0 });
    expect(addressParse(encodeAddress(ALICE, 2))).toEqual({ kind: 'ss58', address: encodeAddress(ALICE, 2), network: 'kusama', prefix: 2 });
    expect(addressParse(encodeAddress(ALICE, 42))).toMatchObject({ kind: 'ss58', network: 'substrate', prefix: 42 });
  });

  it("with --network: the prefix must be that network's, except generic 42, which takes the network given", () => {
    expect(addressParse(encodeAddress(ALICE, 0), 'polkadot').network).toBe('polkadot');
    expect(addressParse(encodeAddress(ALICE, 2), 'Kusama').network).toBe('kusama');
    expect(addressParse(encodeAddress(ALICE, 42), 'polkadot')).toMatchObject({ network: 'polkadot', prefix: 42 });
    expect(addressParse(encodeAddress(ALICE, 42), 'westend')).toMatchObject({ network: 'westend', prefix: 42 });
    const msg = refused(() => addressParse(encodeAddress(ALICE, 2), 'polkadot'));
    expect(msg).toMatch(/Kusama/);
    expect(msg).toMatch(/Polkadot/);
    expect(refused(() => addressParse(encodeAddress(ALICE, 0), 'kusama'))).toMatch(/prefix 0/);
  });

  it('an unknown network name is a usage error', () => {
    expect(refused(() => addressParse(encodeAddress(ALICE, 0), 'no-such-network'), UsageError)).toMatch(/Unknown network/);
  });

  it('refuses a bad checksum and an unregistered prefix, saying which', () => {
    const good = encodeAddress(ALICE, 0);
    const bad = good.slice(0, 20) + (good[20] === 'a' ? 'b' : 'a') + good.slice(21);
    expect(refused(() => addressParse(bad))).toMatch(/checksum/);
    const unregistered = encodeAddress(ALICE, 16000);
    const msg = refused(() => addressParse(unregistered));
    expect(msg).toMatch(/prefix 16000/);
    expect(msg).toMatch(/no known network/);
  });

  it('trims what was pasted around the address', () => {
    expect(addressParse(`  ${encodeAddress(ALICE, 0)}\n`).address).toBe(encodeAddress(ALICE, 0));
  });

  it("property: every registered network's prefix round-trips (oracle encodeAddress)", () => {
    // SS58 prefixes are 14 bits (0..16383); 46 and 47 are reserved. (The registry also lists a prefix above 16383 that no SS58 address can carry.)
    const prefixes = [...new Set(networkList().map((n) => n.prefix))].filter((p) => p !== 46 && p !== 47 && p <= 16383);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(...prefixes), (key, prefix) => {
        const address = encodeAddress(key, prefix);
        const parsed = addressParse(address);
        expect(parsed).toEqual({ kind: 'ss58', address, network: networkByPrefix(prefix)!.name, prefix });
      }),
      { numRuns: 200 },
    );
  });
});

describe('Ethereum', () => {
  it.each(EIP55_EXAMPLES)('%s is kept in its EIP-55 form, from any case', (address) => {
    expect(addressParse(address)).toEqual({ kind: 'ethereum', address, network: 'ethereum', prefix: null });
    expect(addressParse(address.toLowerCase()).address).toBe(address);
    expect(addressParse('0x' + address.slice(2).toUpperCase()).address).toBe(address);
  });

  it('refuses a mixed-case address whose case pattern is not its checksum', () => {
    const wrong = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'; // last letter's case flipped
    expect(refused(() => addressParse(wrong))).toMatch(/EIP-55|checksum/);
  });

  it('refuses a wrong length and non-hex characters', () => {
    expect(() => addressParse('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA')).toThrow(InvalidAddressError);
    expect(() => addressParse('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAzz')).toThrow(InvalidAddressError);
  });

  it('an unknown --network name is refused as for SS58', () => {
    expect(refused(() => addressParse(EIP55_EXAMPLES[2], 'no-such-network'), UsageError)).toMatch(/Unknown network/);
  });

  it("property: the checksum form equals the oracle's (ethereumEncode)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const lower = '0x' + Buffer.from(bytes).toString('hex');
        expect(addressParse(lower).address).toBe(ethereumEncode(lower));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Concordium', () => {
  it('a 50-character base58check address of version 1 is Concordium, with or without --network concordium', () => {
    const address = concordium();
    expect(address).toHaveLength(50);
    expect(addressParse(address)).toEqual({ kind: 'concordium', address, network: 'concordium', prefix: null });
    expect(addressParse(address, 'concordium')).toEqual({ kind: 'concordium', address, network: 'concordium', prefix: null });
  });

  it('refuses a bad checksum with that reason, and a Concordium address for an SS58 network', () => {
    const address = concordium();
    const bad = address.slice(0, 30) + (address[30] === 'x' ? 'y' : 'x') + address.slice(31);
    expect(refused(() => addressParse(bad, 'concordium'))).toMatch(/checksum/);
    expect(refused(() => addressParse(bad))).toMatch(/checksum|not a valid address/);
    expect(() => addressParse(address, 'polkadot')).toThrow();
    expect(() => addressParse(encodeAddress(ALICE, 0), 'concordium')).toThrow(InvalidAddressError);
  });

  it('property: any account key round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (key) => {
        const address = concordium(key);
        expect(addressParse(address).kind).toBe('concordium');
      }),
      { numRuns: 200 },
    );
  });
});
