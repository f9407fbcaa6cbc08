import { randomBytes } from 'node:crypto';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { InvalidVaultTextError } from '../errors/suri.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { thrown } from '../../test/support/rejection.js';
import {
  sr25519SecretExpand,
  sr25519SecretRaw,
  vaultAddressTextParse,
  vaultSecretTextLooksLike,
  vaultSecretTextParse,
  vaultSecretTextWrite,
} from './vault-text.js';

// Polkadot Vault's texts, from novasamatech/parity-signer rust/db_handling/src/identities.rs (`generate_secret_qr`)
// and rust/db_handling/src/interface_signer.rs (`export_key`). Known answer from rust/db_handling/tests/tests.rs:
// Alice's phrase + //Alice on Westend.
const ALICE_TEXT = 'secret:0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';

describe('Polkadot Vault secret text', () => {
  it("reads Vault's own text and writes it back byte for byte", async () => {
    const parsed = vaultSecretTextParse(ALICE_TEXT);
    expect(parsed.genesisHash).toBe(WESTEND);
    expect(vaultSecretTextWrite(parsed.secret, parsed.genesisHash)).toBe(ALICE_TEXT);
    // The seed is //Alice's (subkey inspect //Alice): its sr25519 key is Alice's.
    const pair = await pairFromSuri(`0x${Buffer.from(parsed.secret).toString('hex')}`, 'sr25519');
    expect(Buffer.from(pair.publicKey).toString('hex')).toBe('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
    expect(vaultSecretTextLooksLike(`  ${ALICE_TEXT}\n`)).toBe(true);
  });

  it('refuses what is not such a text, in one sentence that never quotes it', () => {
    const seed = ALICE_TEXT.split(':')[1]!;
    for (const bad of [
      'secret:0xe5be:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
      `secret:${seed.slice(2)}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`,
      `secret:${seed}`,
      `secret:${seed}:e143`,
      `public:${seed}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`,
      `secret:${seed}zz:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`,
      'secret:' + 'a'.repeat(5000),
    ]) {
      const err = thrown(() => vaultSecretTextParse(bad));
      expect(err, bad.slice(0, 40)).toBeInstanceOf(InvalidVaultTextError);
      expect((err as Error).message).not.toContain(seed.slice(2, 20));
    }
  });

  it('a 64-byte sr25519 key: Vault layout (scalar ‖ nonce) ↔ keepsake layout (scalar × 8 ‖ nonce) keeps the key', async () => {
    const pair = await pairFromSuri(`0x${randomBytes(32).toString('hex')}/soft`, 'sr25519');
    const raw = sr25519SecretRaw(pair.secretKey);
    expect(Buffer.from(raw).equals(Buffer.from(pair.secretKey))).toBe(false);
    expect(sr25519SecretExpand(raw)).toEqual(pair.secretKey);
    // Vault's layout is schnorrkel's `SecretKey::to_bytes` (the canonical scalar, little-endian): that
    // scalar times the Ristretto base point is the public key (@noble/curves, not keepsake's code).
    const scalar = BigInt(`0x${Buffer.from(raw.subarray(0, 32)).reverse().toString('hex')}`);
    expect(ristretto255.Point.BASE.multiply(scalar).toBytes()).toEqual(pair.publicKey);
  });
});

describe('Polkadot Vault address text', () => {
  it('reads substrate: and ethereum: texts, with or without a name', () => {
    expect(vaultAddressTextParse(`substrate:5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY:${WESTEND}`)).toEqual({
      kind: 'substrate',
      address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      genesisHash: WESTEND,
      name: null,
    });
    expect(vaultAddressTextParse(`ethereum:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed:${WESTEND}:Savings`).name).toBe('Savings');
    expect(thrown(() => vaultAddressTextParse('substrate:5Grw:0x12'))).toBeInstanceOf(InvalidVaultTextError);
    expect(thrown(() => vaultAddressTextParse('bitcoin:1abc:' + WESTEND))).toBeInstanceOf(InvalidVaultTextError);
  });
});
