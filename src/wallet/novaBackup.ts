import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { bytesEqual, concatBytes, utf8, wipe } from '../crypto/bytes.js';
import { CorruptFileError } from '../errors/file.js';
import type { BackupAccount, BackupPayload } from '../formats/keepsake-backup.js';
import type { JsonObject } from '../formats/json.js';
import {
  sealedSecretDeriveKey,
  sealedSecretFingerprint,
  sealedSecretKdfNew,
  sealedSecretSeal,
  PIN_SCRYPT,
  type SealedSecret,
} from '../formats/identity-seal.js';
import { novaBackupDecrypt, novaBackupParse, type NovaKeypair, type NovaWalletPrivate, type NovaWalletPublic } from '../formats/nova-backup.js';
import { accountAddress } from '../keys/account.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyPair, KeyType } from '../keys/types.js';
import type { ScryptParams } from '../crypto/scrypt.js';
import { networkOfFile } from './network.js';
import { fileNamesCheck, NAME_MAX, nameValidate } from './names.js';

/*
 * What a Nova Wallet cloud backup becomes in keepsake (decided for issue 17; README "Nova Wallet"):
 * - a wallet with a recovery phrase (`entropy`) → an identity named after the wallet, its phrase the
 *   BIP-39 words of that entropy, sealed with the backup's password as its PIN (as a re-keyed keepsake
 *   backup brings identities in: no second secret to invent, and nothing asked twice), and its
 *   substrate and Ethereum accounts as that identity's accounts at the wallet's derivation paths;
 * - a wallet with keys but no phrase (a raw seed or key imported into Nova) → accounts with their key
 *   files, locked with the backup's password;
 * - watch-only, Polkadot Vault ("PARITY_SIGNER", "POLKADOT_VAULT") and Ledger wallets → watch-only accounts.
 * Every key is checked against the public key the backup's public part names; a mismatch refuses the
 * whole file, naming the wallet (the file was altered, and a careful user wants no part of it silently
 * trusted — as a keepsake backup whose key does not give its address is refused).
 * Chain accounts (a wallet's own key for one network) come in as accounts of that network the same way.
 */

/** The addresses a Nova wallet's public part names: substrate (generic prefix 42) and Ethereum. */
export async function novaWalletAddresses(w: NovaWalletPublic): Promise<{ substrate: string | null; ethereum: string | null }> {
  let substrate: string | null = null;
  const type = w.substrateCryptoType ?? 'sr25519';
  const id = w.substrateAccountId ?? (w.substratePublicKey === null ? null : await accountIdOf(type, w.substratePublicKey));
  if (id !== null && id.length === 32) substrate = accountAddress(type === 'ecdsa' ? 'ecdsa' : type, id, 42);
  const eth = w.ethereumAddress ?? (w.ethereumPublicKey === null ? null : await accountIdOf('ethereum', w.ethereumPublicKey));
  return { substrate, ethereum: eth !== null && eth.length === 20 ? accountAddress('ethereum', eth) : null };
}

async function accountIdOf(type: KeyType, publicKey: Uint8Array): Promise<Uint8Array | null> {
  try {
    return (await schemeLoad(type)).accountId(publicKey);
  } catch {
    return null;
  }
}

/** A Nova cloud backup decrypted and turned into what a keepsake backup import writes, plus what could not come in. */
export type NovaContents = { payload: BackupPayload; notes: string[] };

/**
 * Decrypts a Nova cloud backup with its password and checks every wallet in it against its public part,
 * before anything is written; the identities are sealed with that password as their PIN. A wrong
 * password → WrongPasswordError; damage or a key that is not the one the public part names → CorruptFileError.
 */
export async function novaBackupContents(
  json: JsonObject,
  password: string,
  options: { file?: string | undefined; now?: number; pinKdf?: ScryptParams } = {},
): Promise<NovaContents> {
  const file = options.file;
  const parsed = novaBackupParse(json, file);
  // Ethereum public keys as keepsake keeps them (33-byte compressed), whichever form the wallet wrote.
  const compress = (type: KeyType | null, key: Uint8Array | null) => (type === 'ethereum' || type === 'ecdsa' ? ethereumKeyCompressed(key) : key);
  const backup = {
    ...parsed,
    wallets: await Promise.all(
      parsed.wallets.map(async (w) => ({
        ...w,
        ethereumPublicKey: await ethereumKeyCompressed(w.ethereumPublicKey),
        chainAccounts: await Promise.all(w.chainAccounts.map(async (c) => ({ ...c, publicKey: await compress(c.cryptoType, c.publicKey) }))),
      })),
    ),
  };
  fileNamesCheck(
    file,
    backup.wallets.map((w, i) => ({ item: `wallet ${i + 1}`, name: w.name })),
  );
  const secrets = await novaBackupDecrypt(backup, password, { file });
  const byId = new Map(secrets.map((s) => [s.walletId, s]));
  const now = options.now ?? Date.now();
  const payload: BackupPayload = { identities: [], accounts: [], addresses: [], concordium: { genesis: null, seals: [], items: [] } };
  const notes: string[] = [];
  const identityByEntropy = new Map<string, string>();
  const refuse = (w: NovaWalletPublic, why: string) =>
    new CorruptFileError({
      file,
      reason: `the wallet ${JSON.stringify(w.name.slice(0, 60))} ${why}; it would put another account under its address, so nothing was imported`,
    });
  // One key for every identity's seal: the PIN is the same (the backup password), each seal its own nonce.
  const withPhrase = backup.wallets.filter((w) => w.type === 'SECRETS' && byId.get(w.walletId)?.entropy);
  const kdf = withPhrase.length > 0 ? sealedSecretKdfNew(undefined, options.pinKdf ?? PIN_SCRYPT) : undefined;
  const pinKey = kdf === undefined ? undefined : await sealedSecretDeriveKey(password, kdf);
  const seal = (text: string): string => {
    const plaintext = utf8(text);
    try {
      return JSON.stringify(sealedSecretSeal(pinKey!, kdf!, plaintext));
    } finally {
      wipe(plaintext);
    }
  };
  try {
    for (const w of backup.wallets) {
      // Names as the wallet had them (cut to keepsake's limit); two wallets of one name make two identities, the second "(2)".
      let name = nameValidate((w.name.trim() === '' ? 'Nova wallet' : w.name).slice(0, NAME_MAX - 20), 'identity');
      for (let n = 2; payload.identities.some((i) => i.name === name); n++) name = `${w.name.slice(0, NAME_MAX - 20)} (${n})`;
      const s = byId.get(w.walletId);
      const base = { name, verified: true, source: 'nova', createdAt: now, watchJson: null, sealedPassword: null } as const;
      if (w.type !== 'SECRETS') {
        // Watch-only, Vault and Ledger wallets hold no key in the file: their addresses, watch-only.
        payload.accounts.push(...(await watchAccounts(w, base)));
        continue;
      }
      if (s === undefined) throw refuse(w, 'has no secrets in the encrypted part');
      if (s.entropy !== null) {
        // Nova keeps one wallet per derivation path: wallets of one phrase are one identity here, with an account each.
        const phraseKey = Buffer.from(s.entropy).toString('hex');
        const known = identityByEntropy.get(phraseKey);
        const identity = await identityOf(w, s, name, seal, refuse);
        if (known === undefined) {
          identityByEntropy.set(phraseKey, name);
          payload.identities.push({
            name,
            sealed: identity.sealed,
            fingerprint: identity.fingerprint,
            createdAt: now,
            failedAttempts: 0,
            lockedUntil: 0,
            rekeyed: true,
          });
        }
        for (const a of identity.accounts)
          payload.accounts.push({ ...base, ...a, identity: known ?? name, fileJson: null, network: null, ss58Prefix: 42, genesisHash: null });
        notes.push(...identity.notes);
      } else {
        payload.accounts.push(...(await keyedAccounts(w, s, password, base, refuse)));
      }
      payload.accounts.push(...(await chainAccounts(w, s, password, base, refuse, notes)));
    }
  } finally {
    wipe(pinKey);
    for (const s of secrets) wipeSecrets(s);
  }
  return { payload, notes };
}

type AccountBase = Pick<BackupAccount, 'name' | 'verified' | 'source' | 'createdAt' | 'watchJson' | 'sealedPassword'>;
type Refuse = (w: NovaWalletPublic, why: string) => CorruptFileError;

/**
 * The identity of a wallet with a phrase: the BIP-39 words of its entropy (Nova keeps the entropy,
 * feature-account-impl RealLocalAccountsCloudBackupFacade.kt), its substrate account at the wallet's
 * path, its Ethereum account at the Ethereum path (Nova writes BIP-44 as junctions, `//44//60//0/0/0`:
 * common/.../utils/SubstrateSdkExt.kt), each checked against the public part.
 */
async function identityOf(
  w: NovaWalletPublic,
  s: NovaWalletPrivate,
  name: string,
  seal: (text: string) => string,
  refuse: Refuse,
): Promise<{
  sealed: string;
  fingerprint: string;
  accounts: Pick<BackupAccount, 'publicKey' | 'accountId' | 'type' | 'path' | 'sealedPassword' | 'name'>[];
  notes: string[];
}> {
  if (![16, 20, 24, 28, 32].includes(s.entropy!.length)) throw refuse(w, 'has a recovery phrase of a length BIP-39 does not have');
  const phrase = entropyToMnemonic(s.entropy!, wordlist);
  const accounts: Awaited<ReturnType<typeof identityOf>>['accounts'] = [];
  const notes: string[] = [];
  if (w.substratePublicKey !== null) {
    const type = w.substrateCryptoType ?? 'sr25519';
    const written = s.substrate?.derivationPath ?? '';
    const cut = written.indexOf('///');
    const path = cut === -1 ? written : written.slice(0, cut);
    const pair = await derived(phrase, written, type, w, refuse);
    try {
      if (!bytesEqual(pair.publicKey, w.substratePublicKey)) throw refuse(w, 'has a recovery phrase that does not give its substrate public key');
      if (type !== 'ecdsa') await keypairMatches(s.substrate?.keypair ?? null, pair.publicKey, w, refuse);
    } finally {
      wipe(pair.secretKey);
    }
    accounts.push({
      publicKey: pair.publicKey,
      accountId: (await schemeLoad(type)).accountId(pair.publicKey),
      type,
      path,
      sealedPassword: cut === -1 ? null : seal(written.slice(cut + 3)),
      name: `${name}`,
    });
  }
  if (w.ethereumPublicKey !== null || w.ethereumAddress !== null) {
    const novaPath = s.ethereum?.derivationPath ?? '//44//60//0/0/0';
    const path = bip44OfJunctions(novaPath);
    if (path === undefined)
      notes.push(
        `The wallet ${JSON.stringify(name)} has an Ethereum path keepsake cannot follow (${novaPath.slice(0, 60)}); its Ethereum account was not restored.`,
      );
    else {
      const pair = await derived(phrase, `/${path}`, 'ethereum', w, refuse);
      try {
        const accountId = (await schemeLoad('ethereum')).accountId(pair.publicKey);
        if (
          (w.ethereumPublicKey !== null && !bytesEqual(pair.publicKey, w.ethereumPublicKey)) ||
          (w.ethereumAddress !== null && !bytesEqual(accountId, w.ethereumAddress))
        )
          throw refuse(w, 'has a recovery phrase that does not give its Ethereum address');
        await keypairMatches(s.ethereum?.keypair ?? null, pair.publicKey, w, refuse);
        accounts.push({ publicKey: pair.publicKey, accountId, type: 'ethereum', path: `/${path}`, sealedPassword: null, name: `${name} (Ethereum)` });
      } finally {
        wipe(pair.secretKey);
      }
    }
  }
  const sealedText = seal(phrase);
  const fingerprint = sealedSecretFingerprint(JSON.parse(sealedText) as SealedSecret)!;
  return { sealed: sealedText, fingerprint, accounts, notes };
}

async function derived(phrase: string, path: string, type: KeyType, w: NovaWalletPublic, refuse: Refuse): Promise<KeyPair> {
  try {
    return await pairFromSuri(`${phrase}${path}`, type);
  } catch {
    throw refuse(w, 'has a derivation path keepsake cannot read');
  }
}

/** Nova's BIP-44 path as junctions (`//44//60//0/0/0`, hard `//`, soft `/`) → `m/44'/60'/0'/0/0`; undefined when it is not one. */
export function bip44OfJunctions(path: string): string | undefined {
  if (path === '') return 'm';
  const parts = path.match(/\/\/?\d+/g);
  if (parts === null || parts.join('') !== path || parts.length > 10) return undefined;
  return ['m', ...parts.map((p) => (p.startsWith('//') ? `${p.slice(2)}'` : p.slice(1)))].join('/');
}

/** The key pair the private part names must be the public part's key too (when it names one). */
async function keypairMatches(kp: NovaKeypair | null, publicKey: Uint8Array, w: NovaWalletPublic, refuse: Refuse): Promise<void> {
  if (kp === null) return;
  const named = publicKey.length === 33 ? await ethereumKeyCompressed(kp.publicKey) : kp.publicKey;
  if (named === null || !bytesEqual(named, publicKey)) throw refuse(w, 'has a key pair that is not the key its public part names');
}

/**
 * A secp256k1 public key as keepsake keeps it, 33 bytes compressed, from the compressed, uncompressed
 * (65 bytes) or bare (64 bytes) form; null when it is no point on the curve. Other lengths pass unchanged.
 */
async function ethereumKeyCompressed(key: Uint8Array | null): Promise<Uint8Array | null> {
  if (key === null || ![33, 64, 65].includes(key.length)) return key;
  const { secp256k1 } = await import('@noble/curves/secp256k1.js');
  try {
    return secp256k1.Point.fromBytes(key.length === 64 ? concatBytes(Uint8Array.of(4), key) : key).toBytes(true);
  } catch {
    return null;
  }
}

/**
 * A Nova key pair as keepsake holds the secret: sr25519 `privateKey ‖ nonce` (64 bytes, iOS
 * CloudBackupSecretsConstants.swift), ed25519 the 32-byte seed followed by the public key (Polkadot{.js}
 * pkcs8 layout), ecdsa/ethereum the 32-byte key. The public key it gives must be the one named.
 */
async function pairOfKeypair(kp: NovaKeypair, type: KeyType, expected: Uint8Array, w: NovaWalletPublic, refuse: Refuse): Promise<KeyPair> {
  const scheme = await schemeLoad(type);
  const named = type === 'ethereum' || type === 'ecdsa' ? await ethereumKeyCompressed(kp.publicKey) : kp.publicKey;
  const secret =
    type === 'sr25519'
      ? concatBytes(kp.privateKey, kp.nonce ?? new Uint8Array(0))
      : type === 'ed25519' && kp.privateKey.length === 32
        ? concatBytes(kp.privateKey, kp.publicKey)
        : kp.privateKey.slice();
  let publicKey: Uint8Array | undefined;
  try {
    if (scheme.secretLengths.includes(secret.length)) publicKey = scheme.publicFromSecret(secret);
  } catch {
    publicKey = undefined;
  }
  if (publicKey === undefined || named === null || !bytesEqual(publicKey, expected) || !bytesEqual(named, expected)) {
    wipe(secret);
    throw refuse(w, 'has a private key that does not give the public key it names');
  }
  return { type, publicKey, secretKey: secret };
}

/** A wallet with keys and no phrase: its substrate and Ethereum keys as accounts with key files under the backup's password. */
async function keyedAccounts(w: NovaWalletPublic, s: NovaWalletPrivate, password: string, base: AccountBase, refuse: Refuse): Promise<BackupAccount[]> {
  const out: BackupAccount[] = [];
  if (w.substratePublicKey !== null) {
    if (s.substrate?.keypair == null) throw refuse(w, 'has no substrate key in the encrypted part');
    out.push(
      await keyedAccount(
        await pairOfKeypair(s.substrate.keypair, w.substrateCryptoType ?? 'sr25519', w.substratePublicKey, w, refuse),
        password,
        base.name,
        base,
        null,
      ),
    );
  }
  if (w.ethereumPublicKey !== null) {
    if (s.ethereum?.keypair == null) throw refuse(w, 'has no Ethereum key in the encrypted part');
    out.push(
      await keyedAccount(await pairOfKeypair(s.ethereum.keypair, 'ethereum', w.ethereumPublicKey, w, refuse), password, `${base.name} (Ethereum)`, base, null),
    );
  }
  return out;
}

async function keyedAccount(pair: KeyPair, password: string, name: string, base: AccountBase, chainId: string | null): Promise<BackupAccount> {
  const net = networkOfFile(chainId === null ? undefined : `0x${chainId.replace(/^0x/, '')}`, 42);
  try {
    const { polkadotJsWrite } = await import('../formats/polkadot-js/write.js');
    const fileJson = JSON.stringify(await polkadotJsWrite(pair, password, { meta: { name, whenCreated: base.createdAt }, prefix: net.prefix }));
    return {
      ...base,
      name,
      publicKey: pair.publicKey,
      accountId: (await schemeLoad(pair.type)).accountId(pair.publicKey),
      type: pair.type,
      network: net.network,
      ss58Prefix: net.prefix,
      genesisHash: net.genesisHash,
      fileJson,
      identity: null,
      path: null,
    };
  } finally {
    wipe(pair.secretKey);
  }
}

/** A wallet that holds no key in the file: its substrate and Ethereum addresses as watch-only accounts. */
async function watchAccounts(w: NovaWalletPublic, base: AccountBase): Promise<BackupAccount[]> {
  const out: BackupAccount[] = [];
  const watch = (type: KeyType, publicKey: Uint8Array, accountId: Uint8Array, name: string, chainId: string | null): BackupAccount => {
    const net = networkOfFile(chainId === null ? undefined : `0x${chainId.replace(/^0x/, '')}`, 42);
    return {
      ...base,
      name,
      publicKey,
      accountId,
      type,
      network: net.network,
      ss58Prefix: net.prefix,
      genesisHash: net.genesisHash,
      fileJson: null,
      identity: null,
      path: null,
    };
  };
  const type = w.substrateCryptoType ?? 'sr25519';
  if (w.substrateAccountId !== null || w.substratePublicKey !== null) {
    const key = w.substratePublicKey ?? w.substrateAccountId!;
    const id = w.substrateAccountId ?? (await accountIdOf(type, key));
    if (id !== null) out.push(watch(type, key, id, base.name, null));
  }
  if (w.ethereumAddress !== null || w.ethereumPublicKey !== null) {
    const id = w.ethereumAddress ?? (await accountIdOf('ethereum', w.ethereumPublicKey!));
    if (id !== null) out.push(watch('ethereum', w.ethereumPublicKey ?? id, id, `${base.name} (Ethereum)`, null));
  }
  for (const c of w.chainAccounts) {
    const t = c.cryptoType ?? type;
    out.push(
      watch(
        t,
        c.publicKey ?? c.accountId,
        c.accountId,
        `${base.name} (${networkOfFile(`0x${c.chainId.replace(/^0x/, '')}`, 42).network ?? c.chainId.slice(0, 10)})`,
        c.chainId,
      ),
    );
  }
  return out;
}

/** A secret wallet's chain accounts: each its own key for one network, checked and kept with its key file. */
async function chainAccounts(
  w: NovaWalletPublic,
  s: NovaWalletPrivate,
  password: string,
  base: AccountBase,
  refuse: Refuse,
  notes: string[],
): Promise<BackupAccount[]> {
  const out: BackupAccount[] = [];
  for (const c of w.chainAccounts) {
    const secret = s.chainAccounts.find((x) => bytesEqual(x.accountId, c.accountId));
    const network = networkOfFile(`0x${c.chainId.replace(/^0x/, '')}`, 42).network ?? `the chain ${c.chainId.slice(0, 18)}…`;
    if (secret?.keypair == null || c.publicKey === null) {
      notes.push(`The wallet ${JSON.stringify(base.name)} has an account of its own on ${network} whose key is not in the file; it was not restored.`);
      continue;
    }
    const pair = await pairOfKeypair(secret.keypair, c.cryptoType ?? 'sr25519', c.publicKey, w, refuse);
    out.push(await keyedAccount(pair, password, `${base.name} (${network})`, base, c.chainId));
  }
  return out;
}

function wipeSecrets(s: NovaWalletPrivate): void {
  const kp = (k: NovaKeypair | null) => wipe(k?.privateKey, k?.nonce ?? undefined);
  wipe(s.entropy ?? undefined, s.substrate?.seed ?? undefined, s.ethereum?.seed ?? undefined);
  kp(s.substrate?.keypair ?? null);
  kp(s.ethereum?.keypair ?? null);
  for (const c of s.chainAccounts) {
    wipe(c.entropy ?? undefined, c.seed ?? undefined);
    kp(c.keypair);
  }
}
