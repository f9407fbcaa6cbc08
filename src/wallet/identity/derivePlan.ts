import { InvalidPathError } from '../../errors/suri.js';
import { junctionsParse, pathLimitsCheck } from '../../keys/junction.js';
import { accountAddress } from '../../keys/account.js';
import { pairFromSuri } from '../../keys/fromSuri.js';
import { schemeLoad } from '../../keys/scheme.js';
import { suriParse } from '../../keys/suri.js';
import type { KeyPair, KeyType } from '../../keys/types.js';
import { networkByName, type Network } from '../../networks/networks.js';
import type { IdentityRow } from '../../vault/identities.js';
import { ETHEREUM_DEFAULT_PATH } from '../common.js';
import { nameValidate } from '../names.js';
import { networkResolve } from '../network.js';
import type { IdentityTuning } from './common.js';

export type DeriveOptions = { network?: string; path?: string; type?: KeyType; name?: string; pin: string; onDuplicate?: 'refuse' | 'update' } & IdentityTuning;

/** A derivation checked before the PIN is asked for: what to derive, and where to show it. */
export type DerivePlan = {
  type: KeyType;
  network: Network | undefined;
  written: string;
  path: string;
  password: string | undefined;
  givenName: string | undefined;
};

/**
 * The derivation `options` ask for, checked before the PIN is asked for. With only a network the
 * path is `//<network>` (Signer's default); `path: ''` is the root key (Polkadot{.js}'s default, for
 * ethereum the BIP-32 master key); ethereum without a path is `m/44'/60'/0'/0/0`.
 */
export function identityDerivePlan(options: Omit<DeriveOptions, 'pin'>): DerivePlan {
  const givenName = options.name?.trim() ? nameValidate(options.name, 'account') : undefined;
  const type = options.type ?? 'sr25519';
  const network = options.network === undefined ? undefined : networkResolve(options.network);
  // An ethereum path may be written as the BIP-32 tools write it (m/44'/60'/0'/0/0, m).
  const given = options.path !== undefined && type === 'ethereum' && /^m(\/|$)/.test(options.path) ? `/${options.path}` : options.path;
  const written = given ?? (type === 'ethereum' ? ETHEREUM_DEFAULT_PATH : network ? `//${network.name}` : '');
  // The path may carry a ///password: keep the public part in clear and seal the password.
  const { path, password } = splitPassword(written);
  // Check the path before the PIN is asked for, and never let it run into the phrase (a path without
  // its leading slash would be read as part of the last word, and an error could quote it).
  if (path !== '' && !path.startsWith('/')) throw new InvalidPathError({ reason: 'a path starts with // (hard) or / (soft)', spaces: /\s/.test(path) });
  if (type !== 'ethereum') junctionsParse(path);
  else pathLimitsCheck(path);
  return { type, network, written, path, password, givenName };
}

/** The account a plan derives from the identity's phrase (already opened with its PIN); the caller wipes `pair`. */
export async function identityDeriveKey(
  row: IdentityRow,
  plan: DerivePlan,
  phrase: string,
): Promise<{ pair: KeyPair; accountId: Uint8Array; address: string; name: string }> {
  const pair = await pairFromSuri(`${phrase}${plan.written}`, plan.type);
  const scheme = await schemeLoad(plan.type);
  const accountId = scheme.accountId(pair.publicKey);
  const address = accountAddress(plan.type, accountId, (plan.network ?? networkByName('substrate')!).prefix);
  const name = plan.givenName ?? `${row.name} ${plan.network ? plan.network.displayName : plan.path === '' ? 'root' : plan.path}`;
  return { pair, accountId, address, name };
}

function splitPassword(written: string): { path: string; password: string | undefined } {
  const marker = written.indexOf('///');
  if (marker === -1) return { path: written, password: undefined };
  // Validate the whole thing as a SURI on a dummy phrase so a malformed path fails before the PIN is asked.
  suriParse(`word${written}`);
  return { path: written.slice(0, marker), password: written.slice(marker + 3) };
}
