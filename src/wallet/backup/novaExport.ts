import { randomUUID } from 'node:crypto';
import { wipe } from '../../crypto/bytes.js';
import { WrongPasswordError } from '../../errors/password.js';
import { novaBackupWrite, type NovaKeypair, type NovaWalletPrivate, type NovaWalletPublic } from '../../formats/nova-backup.js';
import { polkadotJsOpen } from '../../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../../formats/polkadot-js/parse.js';
import { accountAddress } from '../../keys/account.js';
import { mnemonicToEntropyChecked } from '../../keys/mnemonic.js';
import type { KeyPair } from '../../keys/types.js';
import { accountsAll, type AccountRow } from '../../vault/accounts.js';
import { addressesAll } from '../../vault/addresses.js';
import { concordiumItems } from '../../vault/concordiumItems.js';
import { identitiesAll } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { accountCover } from '../backupCover.js';
import { identityAccountDerive } from '../identity/accountPair.js';
import { identityUnlock } from '../identity/unlock.js';
import type { BackupExportOptions, BackupExportResult } from './export.js';

/*
 * keepsake → Nova Wallet (`backup export --format nova`), in the shape Nova's own backup has
 * (formats/nova-backup.ts; a wallet of type SECRETS must carry a substrate key pair: nova-wallet-ios
 * CloudBackupValidating.swift, nova-wallet-android RealLocalAccountsCloudBackupFacade.kt
 * `getLocalMetaAccountSecrets`). What keepsake holds becomes:
 * - each identity account → a SECRETS wallet with the identity's phrase (its entropy), the account's
 *   key pair and its path (an Ethereum account is the Ethereum part of a wallet of its own identity
 *   whose substrate part is that identity's first substrate account; Nova writes BIP-44 as junctions);
 * - each account with a key file → a SECRETS wallet with its key pair and no phrase;
 * - each watch-only account → a WATCH_ONLY wallet.
 * What Nova's format cannot hold is said, one sentence each, never dropped silently: an identity whose
 * PIN was not given, an account whose password was not given, an Ethereum key without a substrate key,
 * the address book and Concordium data.
 */

/** `backup export --format nova`: identity PINs from `pinFor`, account passwords tried with the backup password, then `passwordFor`. */
export async function backupExportNova(
  vault: Vault,
  password: string,
  options: BackupExportOptions & { now?: number },
): Promise<BackupExportResult & { notes: string[] }> {
  const notes: string[] = [];
  const pub: NovaWalletPublic[] = [];
  const priv: NovaWalletPrivate[] = [];
  const accounts = accountsAll(vault);
  const covered: AccountRow[] = [];
  let identitiesWritten = 0;
  const wallet = (name: string, type: NovaWalletPublic['type'], parts: Partial<NovaWalletPublic>, secrets: Omit<NovaWalletPrivate, 'walletId'> | null) => {
    const walletId = randomUUID();
    pub.push({
      walletId,
      name,
      type,
      substratePublicKey: null,
      substrateAccountId: null,
      substrateCryptoType: null,
      ethereumAddress: null,
      ethereumPublicKey: null,
      chainAccounts: [],
      ...parts,
    });
    if (secrets !== null) priv.push({ walletId, ...secrets });
  };

  for (const identity of identitiesAll(vault)) {
    const own = accounts.filter((a) => a.identityId === identity.id);
    const pin = await options.pinFor?.({ id: identity.id, name: identity.name });
    if (pin === undefined) {
      notes.push(`The identity ${JSON.stringify(identity.name)} was not written: its PIN was not given, and a Nova wallet needs its phrase.`);
      continue;
    }
    const unlocked = await identityUnlock(vault, identity, pin);
    const entropy = mnemonicToEntropyChecked(unlocked.phrase);
    try {
      const substrate = own.filter((a) => a.type !== 'ethereum');
      const ethereum = own.filter((a) => a.type === 'ethereum');
      if (substrate.length === 0) {
        notes.push(`The identity ${JSON.stringify(identity.name)} was not written: it has no Polkadot account, and a Nova wallet needs one.`);
        continue;
      }
      identitiesWritten++;
      for (const [i, a] of substrate.entries()) {
        const pair = await identityAccountDerive(a, unlocked);
        const eth = i === 0 ? ethereum[0] : undefined;
        const ethPair = eth === undefined ? undefined : await identityAccountDerive(eth, unlocked);
        try {
          wallet(
            i === 0 ? identity.name : a.name,
            'SECRETS',
            { ...substrateParts(a), ...(eth === undefined ? {} : { ethereumAddress: eth.accountId, ethereumPublicKey: eth.publicKey }) },
            {
              entropy: entropy.slice(),
              // The path as Nova keeps it: the SURI junctions, with the ///password when the account has one (Nova's own derivation paths do).
              substrate: { seed: null, keypair: novaKeypair(pair), derivationPath: await pathWithPassword(a, unlocked) },
              ethereum: ethPair === undefined ? null : { seed: null, keypair: novaKeypair(ethPair), derivationPath: junctionsOfBip44(eth!.path ?? '') },
              chainAccounts: [],
            },
          );
          covered.push(a, ...(eth === undefined ? [] : [eth]));
        } finally {
          wipe(pair.secretKey, ethPair?.secretKey);
        }
      }
      for (const eth of ethereum.slice(1))
        notes.push(`The Ethereum account ${JSON.stringify(eth.name)} was not written: a Nova wallet holds one Ethereum account beside its Polkadot one.`);
    } finally {
      wipe(entropy, unlocked.key);
    }
  }

  for (const a of accounts.filter((x) => x.identityId === null)) {
    if (a.fileJson === null) {
      wallet(a.name, 'WATCH_ONLY', a.type === 'ethereum' ? { ethereumAddress: a.accountId } : substrateParts(a), null);
      covered.push(a);
      continue;
    }
    if (a.type === 'ethereum') {
      notes.push(`The Ethereum account ${JSON.stringify(a.name)} was not written: Nova keeps an Ethereum key only beside a Polkadot one.`);
      continue;
    }
    const pair = await accountPair(a, password, options);
    if (pair === undefined) {
      notes.push(`The account ${JSON.stringify(a.name)} was not written: its password was not given.`);
      continue;
    }
    try {
      wallet(a.name, 'SECRETS', substrateParts(a), {
        entropy: null,
        substrate: { seed: null, keypair: novaKeypair(pair), derivationPath: null },
        ethereum: null,
        chainAccounts: [],
      });
      covered.push(a);
    } finally {
      wipe(pair.secretKey);
    }
  }
  const addresses = addressesAll(vault).length;
  if (addresses > 0) notes.push(`The address book (${addresses} ${addresses === 1 ? 'entry' : 'entries'}) was not written: Nova's backup has no address book.`);
  if (concordiumItems(vault).length > 0) notes.push("The Concordium data was not written: Nova's backup holds Polkadot and Ethereum wallets only.");
  try {
    const json = await novaBackupWrite({ modifiedAt: Math.floor((options.now ?? Date.now()) / 1000), wallets: pub }, priv, password);
    return {
      json: JSON.stringify(json),
      counts: { identities: identitiesWritten, accounts: covered.length, addresses: 0 },
      rekeyed: { identities: [], keptPin: [] },
      covers: covered.map((a) => accountCover(a.publicKey)),
      notes,
    };
  } finally {
    for (const p of priv)
      wipe(p.entropy ?? undefined, p.substrate?.keypair?.privateKey, p.substrate?.keypair?.nonce ?? undefined, p.ethereum?.keypair?.privateKey);
  }
}

function substrateParts(a: AccountRow): Partial<NovaWalletPublic> {
  return { substratePublicKey: a.publicKey, substrateAccountId: a.accountId, substrateCryptoType: a.type === 'ethereum' ? null : a.type };
}

/**
 * keepsake's secret as Nova's key pair: sr25519 `privateKey ‖ nonce` split in two halves (nova-wallet-ios
 * CloudBackupSecretsExporting.swift), ed25519 the 32-byte seed, ecdsa/ethereum the 32-byte key.
 */
function novaKeypair(pair: KeyPair): NovaKeypair {
  if (pair.type === 'sr25519') return { publicKey: pair.publicKey, privateKey: pair.secretKey.slice(0, 32), nonce: pair.secretKey.slice(32, 64) };
  return { publicKey: pair.publicKey, privateKey: pair.secretKey.slice(0, 32), nonce: null };
}

/** An identity account's path with its ///password (opened with the identity's PIN), as Nova keeps a derivation path. */
async function pathWithPassword(a: AccountRow, unlocked: { key: Uint8Array }): Promise<string> {
  if (a.sealedPassword === null) return a.path ?? '';
  const { sealedSecretOpen, sealedSecretParse } = await import('../../formats/identity-seal.js');
  const opened = sealedSecretOpen(unlocked.key, sealedSecretParse(a.sealedPassword));
  if (opened === undefined) return a.path ?? '';
  const text = new TextDecoder().decode(opened);
  wipe(opened);
  return `${a.path ?? ''}///${text}`;
}

/** keepsake's BIP-44 path (`/m/44'/60'/0'/0/0`) as Nova writes it, in junctions (`//44//60//0/0/0`: common/.../utils/SubstrateSdkExt.kt). */
export function junctionsOfBip44(path: string): string {
  const parts = path
    .replace(/^\/?m\/?/, '')
    .split('/')
    .filter((p) => p !== '');
  return parts.map((p) => (p.endsWith("'") ? `//${p.slice(0, -1)}` : `/${p}`)).join('');
}

/** An account's key from its file: the backup password first (accounts often share it), then what `passwordFor` answers. */
async function accountPair(a: AccountRow, password: string, options: BackupExportOptions): Promise<KeyPair | undefined> {
  const file = polkadotJsParse(JSON.parse(a.fileJson!)) as PolkadotJsSingle;
  const tries = [password];
  for (let i = 0; i < tries.length; i++) {
    try {
      const opened = await polkadotJsOpen(file, tries[i]!, { file: a.name });
      return { type: opened.type, publicKey: opened.publicKey, secretKey: opened.secretKey };
    } catch (err) {
      if (!(err instanceof WrongPasswordError)) throw err;
      if (options.passwordFor && tries.length < 4)
        tries.push(await options.passwordFor({ address: accountAddress(a.type, a.accountId, a.ss58Prefix), name: a.name }));
    }
  }
  return undefined;
}
