import { describe, expect, it } from 'vitest';
import { WrongPinError } from '../errors/identity.js';
import { InvalidVaultTextError } from '../errors/suri.js';
import { DEV_PHRASE } from '../keys/suri.js';
import { FAST_PIN, vaultsForFile } from '../../test/support/vaults.js';
import { accountList } from './accounts.js';
import { accountAdd } from './create.js';
import { identityRecover } from './identity/create.js';
import { identityDerive } from './identity/derive.js';
import { vaultSecretAddOptions, vaultSecretExport, vaultSecretPreview } from './vaultText.js';

// Polkadot Vault's "Export private key" text in and out (novasamatech/parity-signer
// rust/db_handling/src/identities.rs; the known answer is from rust/db_handling/tests/tests.rs).
const ALICE_TEXT = 'secret:0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const freshVault = vaultsForFile('vault-text');
const PW = 'vault-text-pw';
const PIN = 'vault-text-pin';

describe('a Polkadot Vault secret text into an account', () => {
  it('shows the address before saving, then adds it on its network under a password', async () => {
    const preview = await vaultSecretPreview(ALICE_TEXT);
    expect(preview).toMatchObject({ address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', network: 'westend', knownNetwork: true });
    const vault = freshVault();
    const added = await accountAdd(vault, { ...vaultSecretAddOptions(ALICE_TEXT), name: 'From Vault', password: PW, kdf: 'compat' });
    expect(added.account.address).toBe(preview.address);
    expect(added.account.network).toBe('westend');
  });

  it('a 64-byte key is sr25519 only', () => {
    const text = `secret:0x${'11'.repeat(64)}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`;
    expect(() => vaultSecretAddOptions(text, 'ed25519')).toThrow(InvalidVaultTextError);
  });
});

describe('an identity account out as a Vault secret text (after the PIN)', () => {
  it('root and derived keys go out and come back in as the same account', async () => {
    const vault = freshVault();
    await identityRecover(vault, { name: 'Dev', mnemonic: DEV_PHRASE, pin: PIN, pinKdf: FAST_PIN });
    await identityDerive(vault, 'Dev', { pin: PIN, network: 'westend', path: '', name: 'Dev root' });
    await identityDerive(vault, 'Dev', { pin: PIN, network: 'kusama', path: '//x/soft', name: 'Dev soft' });
    await identityDerive(vault, 'Dev', { pin: PIN, type: 'ed25519', network: 'polkadot', path: '//Alice', name: 'Dev ed' });
    const back = freshVault();
    for (const a of accountList(vault)) {
      const out = await vaultSecretExport(vault, a.address, PIN);
      expect(out.text).toMatch(/^secret:0x[0-9a-f]+:[0-9a-f]{64}$/);
      const added = await accountAdd(back, { ...vaultSecretAddOptions(out.text, a.type), name: a.name, password: PW, kdf: 'compat' });
      expect(added.account.publicKey).toBe(a.publicKey);
      expect(added.account.network).toBe(a.network);
    }
    // The root sr25519 key goes out as Vault shows it: the 32-byte seed of the phrase.
    expect((await vaultSecretExport(vault, 'Dev root', PIN)).text.split(':')[1]!.length).toBe(66);
  });

  it('the 32-byte seeds it writes open in @polkadot/keyring (the peer) as the same keys: sr25519 root, ed25519 and ecdsa on hard paths', async () => {
    const { Keyring } = await import('@polkadot/keyring');
    const { cryptoWaitReady, mnemonicToMiniSecret } = await import('@polkadot/util-crypto');
    await cryptoWaitReady();
    const vault = freshVault();
    await identityRecover(vault, { name: 'Dev', mnemonic: DEV_PHRASE, pin: PIN, pinKdf: FAST_PIN });
    await identityDerive(vault, 'Dev', { pin: PIN, network: 'polkadot', path: '', name: 'Root' });
    await identityDerive(vault, 'Dev', { pin: PIN, type: 'ed25519', network: 'polkadot', path: '//Alice', name: 'Ed hard' });
    await identityDerive(vault, 'Dev', { pin: PIN, type: 'ecdsa', network: 'kusama', path: '//kusama//0', name: 'Ecdsa hard' });
    for (const a of accountList(vault)) {
      const seed = (await vaultSecretExport(vault, a.address, PIN)).text.split(':')[1]!;
      expect(seed, a.name).toMatch(/^0x[0-9a-f]{64}$/);
      const pair = new Keyring({ type: a.type as 'sr25519' | 'ed25519' | 'ecdsa' }).addFromSeed(Buffer.from(seed.slice(2), 'hex'));
      expect('0x' + Buffer.from(pair.publicKey).toString('hex'), a.name).toBe(a.publicKey);
      // And the key is the one the peer derives from the phrase and path itself.
      const fromPhrase = new Keyring({ type: a.type as 'sr25519' | 'ed25519' | 'ecdsa' }).addFromUri(`${DEV_PHRASE}${a.path ?? ''}`);
      expect(fromPhrase.publicKey, a.name).toEqual(pair.publicKey);
    }
    // Vault's root sr25519 text is the phrase's mini secret (sp_core `from_string_with_seed`).
    const root = (await vaultSecretExport(vault, 'Root', PIN)).text.split(':')[1]!;
    expect(root).toBe('0x' + Buffer.from(mnemonicToMiniSecret(DEV_PHRASE)).toString('hex'));
  });

  it('a wrong PIN exports nothing', async () => {
    const vault = freshVault();
    await identityRecover(vault, { name: 'Dev', mnemonic: DEV_PHRASE, pin: PIN, pinKdf: FAST_PIN });
    await identityDerive(vault, 'Dev', { pin: PIN, network: 'westend', path: '', name: 'Dev root' });
    await expect(vaultSecretExport(vault, 'Dev root', 'not-the-pin')).rejects.toBeInstanceOf(WrongPinError);
  });
});
