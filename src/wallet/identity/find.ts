import { wipe } from '../../crypto/bytes.js';
import { PathNotFoundError } from '../../errors/identity.js';
import { ethereumDecode, ss58Decode } from '../../keys/address.js';
import { pathFind } from '../../keys/find.js';
import type { KeyType } from '../../keys/types.js';
import { networkInfer, type NetworkInference } from '../../networks/infer.js';
import { networkList } from '../../networks/networks.js';
import { accountsByAccountId } from '../../vault/accounts.js';
import type { Vault } from '../../vault/open.js';
import { existingOf, type ExistingAccount } from '../duplicate.js';
import { identityResolve, type IdentityTuning } from './common.js';
import { identityUnlock } from './unlock.js';

/** Where `identity find` puts the account: the network its address's SS58 prefix points to. */
export type FindNetwork = {
  /** The network picked for the address typed (null for an Ethereum address, or a prefix no known network uses). */
  network: string | null;
  /** The SS58 prefix of the address typed (null for an Ethereum address). */
  prefix: number | null;
  /** Why that network: the only one with the prefix, named by the path, the registry's owner of a shared prefix. */
  networkReason: NetworkInference['reason'] | 'ethereum';
  /** The other networks that show the same address (they share its prefix). */
  sharedWith: string[];
};

export type FindResult = { path: string; type: KeyType; tried: number; existing: ExistingAccount | null } & FindNetwork;

/**
 * "Which path gives this address?" — tries the key types and the paths people use (root, every
 * known network's `//<network>`, `//<network>//<n>`, `//<n>`, BIP-44 indices and the BIP-32 master)
 * and names the match, with the network whose format the address was typed in (so deriving with it
 * shows exactly that address) and the account already in the vault with that key, if any.
 */
export async function identityFind(vault: Vault, query: string, address: string, pin: string, tuning: IdentityTuning = {}): Promise<FindResult> {
  const row = identityResolve(vault, query);
  const decoded = address.startsWith('0x') ? undefined : ss58Decode(address);
  const target = decoded === undefined ? { accountId: ethereumDecode(address), ethereum: true } : { accountId: decoded.publicKey, ethereum: false };
  const { phrase, key } = await identityUnlock(vault, row, pin, tuning);
  wipe(key);
  const networks = [...new Set(networkList().map((n) => n.name))];
  const found = await pathFind(phrase, target, networks);
  if (found.path === null) throw new PathNotFoundError({ address, tried: found.tried });
  const inVault = accountsByAccountId(vault, target.accountId).find((a) => a.type === found.type);
  return {
    path: found.path,
    type: found.type,
    tried: found.tried,
    ...findNetwork(decoded?.prefix, found.path),
    existing: inVault === undefined ? null : existingOf(inVault),
  };
}

function findNetwork(prefix: number | undefined, path: string): FindNetwork {
  if (prefix === undefined) return { network: null, prefix: null, networkReason: 'ethereum', sharedWith: [] };
  const inferred = networkInfer(prefix, { path });
  const network = inferred.network?.name ?? null;
  return { network, prefix, networkReason: inferred.reason, sharedWith: inferred.sharing.map((n) => n.name).filter((n) => n !== network) };
}
