import { wipe } from '../crypto/bytes.js';
import { InvalidVaultTextError } from '../errors/suri.js';
import { sr25519SecretExpand, sr25519SecretRaw, vaultSecretTextParse, vaultSecretTextWrite } from '../formats/vault-text.js';
import { accountAddress } from '../keys/account.js';
import { mnemonicToMiniSecret } from '../keys/mnemonic.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyType } from '../keys/types.js';
import { networkByGenesis, networkByName } from '../networks/networks.js';
import type { Vault } from '../vault/open.js';
import type { AddAccountOptions } from './create.js';
import { identityAccountDerive } from './identity/accountPair.js';
import { identityUnlock } from './identity/unlock.js';
import { identityById } from '../vault/identities.js';
import { accountFind } from './accounts.js';
import type { IdentityTuning } from './identity/common.js';

/*
 * Polkadot Vault's "Export private key" text (formats/vault-text.ts) into and out of keepsake.
 * In: the text names the key's secret and network, not its type (sr25519 unless said); a 32-byte seed
 * is added as a `0x` seed is (`account add`), a 64-byte sr25519 key (a soft path) as the key itself.
 * Out: what Vault would show for an identity account — the 32-byte seed for a root sr25519 key and every
 * ed25519, ecdsa and Ethereum key; for a derived sr25519 key the 64-byte secret (scalar ‖ nonce), the
 * form Vault itself exports when it has no seed for a key.
 */

/** What a Vault secret text is, before anything is saved (the address is shown to the user first). */
export type VaultSecretPreview = { address: string; type: KeyType; network: string; genesisHash: string; knownNetwork: boolean };

/** The account options a Vault secret text gives `account add` (wallet/create.ts): the key, and its network. */
export function vaultSecretAddOptions(
  text: string,
  type: KeyType = 'sr25519',
): Pick<AddAccountOptions, 'suri' | 'secretKey' | 'network' | 'type'> & { genesisHash: string } {
  const { secret, genesisHash } = vaultSecretTextParse(text);
  const network = networkByGenesis(genesisHash)?.name ?? 'substrate';
  if (secret.length === 64) {
    if (type !== 'sr25519') throw new InvalidVaultTextError({ what: 'secret', reason: `its 64-byte key is an sr25519 key, not ${type}` });
    const secretKey = sr25519SecretExpand(secret);
    wipe(secret);
    return { suri: '', secretKey, network, type, genesisHash };
  }
  const suri = `0x${Buffer.from(secret).toString('hex')}`;
  wipe(secret);
  return { suri, network, type, genesisHash };
}

/** The address a Vault secret text gives (for the key type the user says), shown before the account is saved. */
export async function vaultSecretPreview(text: string, type: KeyType = 'sr25519'): Promise<VaultSecretPreview> {
  const options = vaultSecretAddOptions(text, type);
  const { pairFromSuri } = await import('../keys/fromSuri.js');
  const scheme = await schemeLoad(type);
  const pair = options.secretKey
    ? { publicKey: scheme.publicFromSecret(options.secretKey), secretKey: options.secretKey }
    : await pairFromSuri(options.suri, type);
  try {
    const net = networkByGenesis(options.genesisHash) ?? networkByName('substrate')!;
    return {
      address: accountAddress(type, scheme.accountId(pair.publicKey), net.prefix),
      type,
      network: options.network!,
      genesisHash: options.genesisHash,
      knownNetwork: networkByGenesis(options.genesisHash) !== undefined,
    };
  } finally {
    wipe(pair.secretKey);
  }
}

/**
 * "Export private key" for an identity account, after the identity's PIN: the text Polkadot Vault shows,
 * for the account's network (Polkadot's genesis hash when it has none). The key is exposed by it: the
 * caller warns the user and writes it only to a file or a terminal.
 */
export async function vaultSecretExport(
  vault: Vault,
  query: string,
  pin: string,
  tuning: IdentityTuning = {},
): Promise<{ text: string; address: string; name: string }> {
  const account = accountFind(vault, query);
  if (account.identityId === null) {
    throw new InvalidVaultTextError({
      what: 'secret',
      reason: 'the account is not derived from an identity, and only identity accounts are exported this way',
    });
  }
  const genesis =
    account.genesisHash ?? (account.network === null ? undefined : networkByName(account.network)?.genesisHash) ?? networkByName('polkadot')!.genesisHash!;
  const identity = identityById(vault, account.identityId)!;
  const unlocked = await identityUnlock(vault, identity, pin, tuning);
  let secret: Uint8Array | undefined;
  try {
    const pair = await identityAccountDerive(account, unlocked);
    try {
      if (account.type !== 'sr25519') secret = pair.secretKey.slice(0, 32);
      else if ((account.path ?? '') === '' && account.sealedPassword === null) secret = mnemonicToMiniSecret(unlocked.phrase);
      else secret = sr25519SecretRaw(pair.secretKey);
    } finally {
      wipe(pair.secretKey);
    }
    return { text: vaultSecretTextWrite(secret, genesis), address: accountAddress(account.type, account.accountId, account.ss58Prefix), name: account.name };
  } finally {
    wipe(unlocked.key, secret);
  }
}
