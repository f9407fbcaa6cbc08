import { bytesToHex, hexToBytes, isHex } from '../crypto/bytes.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { isObject } from '../formats/json.js';
import { talismanMeta } from '../formats/talisman.js';
import { formatScryptParams, scryptHeaderRead, scryptReadableByOlderWallets } from '../formats/polkadot-js/kdf.js';
import { fileAddressDecode, fileAddressDisplay } from '../formats/polkadot-js/address.js';
import type { PolkadotJsBatch, PolkadotJsEnvelope } from '../formats/polkadot-js/parse.js';
import { ethereumChecksum, ethereumDecode } from '../keys/address.js';
import { isKeyType, type KeyType } from '../keys/types.js';
import type { NextStep } from '../errors/next.js';

export type KdfReport =
  { name: 'scrypt'; N: number; r: number; p: number } | { name: 'pbkdf2-sha256'; iterations: number } | { name: 'none' } | { name: 'legacy-password' };

/**
 * The network an account would be restored under (its genesis hash, else its address format), and the
 * others of the same address format (`also`), which nothing in a file tells apart from it (0 is Polkadot and AXIA).
 */
export type InspectNetwork = { name: string; label: string; also: { name: string; label: string }[] };

/** `network`: null for an address of no known network format (an Ethereum or hex one, an unknown prefix). */
export type InspectAccount = { address: string; name: string | null; type: KeyType | null; network: InspectNetwork | null };

/** A wallet a Nova Wallet cloud backup lists in its public part (readable without its password). */
export type InspectWallet = {
  name: string;
  /** Nova's wallet type: SECRETS, WATCH_ONLY, PARITY_SIGNER, POLKADOT_VAULT, LEDGER, LEDGER_GENERIC. */
  type: string;
  /** Its substrate address (generic prefix 42) and Ethereum address, when it has them. */
  substrateAddress: string | null;
  ethereumAddress: string | null;
  cryptoType: KeyType | null;
  /** Per-chain accounts (keys of their own for one chain). */
  chainAccounts: number;
};

export type InspectReport = {
  format: FormatName;
  label: string;
  version: string | null;
  encrypted: boolean;
  kdf: KdfReport | null;
  /** Whether wallets from before mid-2025 (scrypt N=2^15 only) can open it; null when it does not apply. */
  olderWallets: boolean | null;
  accounts: InspectAccount[];
  /**
   * True when what the file holds is inside its encrypted part (a whole-wallet backup, a Concordium
   * export): `accounts` is then empty, and verifying the file with its password lists it all.
   */
  contentsEncrypted: boolean;
  /** Sentences for any front end: they name no flag and no command. */
  notes: string[];
  /** A Nova Wallet cloud backup: the wallets its public part lists, and when it was last changed (ISO time). */
  wallets?: InspectWallet[];
  modifiedAt?: string;
  /** What to do about the file, when a note calls for it (each front end words it; see NextStep). */
  next?: NextStep;
};

/**
 * What a file is, without a password: its format, version, KDF parameters, whether older wallets
 * can read it, and the accounts it shows. Never decrypts; KDF parameters are checked against the caps.
 */
export async function inspectFile(text: string, options: { file?: string | undefined } = {}): Promise<InspectReport> {
  const report = await inspectDetected(text, options);
  return { ...report, notes: [...report.notes, ...sharedNotes(report.accounts)] };
}

/** Once per network the accounts would be put under that shares its address format: the choice a file cannot make. */
function sharedNotes(accounts: readonly InspectAccount[]): string[] {
  const seen = new Map<string, InspectNetwork>();
  for (const a of accounts) if (a.network !== null && a.network.also.length > 0) seen.set(a.network.name, a.network);
  return [...seen.values()].map(
    (n) =>
      `${n.label} shares its address format with ${n.also.map((o) => o.label).join(', ')}, and nothing in the file tells them apart: restoring puts its accounts under ${n.label} unless another network is chosen.`,
  );
}

/** Where an account of a file would be restored, from its address and meta (see {@link networkPlacer}). */
type NetworkAt = (address: string, meta: Record<string, unknown>) => InspectNetwork | null;

/**
 * Places accounts as `restore` does (`networkOfFile`: the genesis hash, else the address format), with
 * the networks that share the format. The network table loads once, and each network's answer is
 * made once per process: a list may name many thousands of accounts, and `rescue scan` inspects
 * every account it finds.
 */
let placer: Promise<NetworkAt> | undefined;
function networkPlacer(): Promise<NetworkAt> {
  placer ??= networkPlacerMake();
  return placer;
}

async function networkPlacerMake(): Promise<NetworkAt> {
  const [{ networkOfFile }, { networkByName }, { networkInfer }] = await Promise.all([
    import('./network.js'),
    import('../networks/networks.js'),
    import('../networks/infer.js'),
  ]);
  const made = new Map<string, InspectNetwork>();
  return (address, meta) => {
    let prefix: number | undefined;
    try {
      prefix = fileAddressDecode(address).prefix;
    } catch {
      return null; // shown as the file has it; `verify` reports a bad address
    }
    if (prefix === undefined) return null;
    const name = networkOfFile(meta['genesisHash'], prefix).network;
    const network = name === null ? undefined : networkByName(name);
    if (network === undefined) return null;
    let placed = made.get(network.name);
    if (placed === undefined) {
      const also = networkInfer(network.prefix).sharing.filter((n) => n.name !== network.name);
      placed = { name: network.name, label: network.displayName, also: also.map((n) => ({ name: n.name, label: n.displayName })) };
      made.set(network.name, placed);
    }
    return placed;
  };
}

async function inspectDetected(text: string, options: { file?: string | undefined }): Promise<InspectReport> {
  const detected = formatDetect(text, options.file);
  const base = { format: detected.format, label: FORMAT_LABELS[detected.format], contentsEncrypted: false };
  switch (detected.format) {
    case 'polkadot-js': {
      const { file } = detected;
      const kdf = envelopeKdf(file, options.file);
      return {
        ...base,
        version: file.version,
        ...kdf,
        accounts: [
          {
            address: await fileAddressDisplay(file.address, file.keyType),
            name: typeof file.meta['name'] === 'string' ? file.meta['name'] : null,
            type: file.keyType ?? null,
            network: (await networkPlacer())(file.address, file.meta),
          },
        ],
        notes: [
          ...(talismanMeta(file.meta) ? [TALISMAN_NOTE] : []),
          ...kdf.notes,
          ...(file.keyType === undefined ? ['The file does not record its key type; verifying it with its password finds the type from the key.'] : []),
        ],
      };
    }
    case 'polkadot-js-batch':
    case 'subwallet': {
      const { file } = detected;
      const kdf = envelopeKdf(file, options.file);
      const subWallet = detected.format === 'subwallet' ? await subWalletInspect(file, options.file) : undefined;
      // The list names ecdsa and ethereum accounts by their 33-byte public key and records no key type:
      // shown by the Ethereum address their owners know (ethereum accounts are the common kind), and said so.
      const keyNamed = file.accounts.filter((a) => isHex(a.address) && a.address.length === 68).length;
      const networkAt = await networkPlacer();
      return {
        ...base,
        version: file.version,
        ...kdf,
        accounts: await Promise.all(
          file.accounts.map(async (a) => ({
            address: isHex(a.address) && a.address.length === 68 ? await fileAddressDisplay(a.address, 'ethereum') : a.address,
            name: subWallet?.names.get(a.address) ?? (typeof a.meta['name'] === 'string' ? a.meta['name'] : null),
            type: null,
            network: networkAt(a.address, a.meta),
          })),
        ),
        notes: [
          ...kdf.notes,
          ...(file.accounts.some((a) => talismanMeta(a.meta)) ? [TALISMAN_NOTE] : []),
          ...(subWallet?.notes ?? ['The batch password unlocks only the outer layer; each account inside keeps the password it had when exported.']),
          'This account list is not covered by the password; verifying the file with its password checks the accounts themselves.',
          ...(keyNamed > 0
            ? [
                'The list names some accounts by a public key without their key type: they are shown by their Ethereum address (an ecdsa account would have another one, which verifying the file shows).',
              ]
            : []),
        ],
      };
    }
    case 'apps': {
      // Only entries with a key (`encoded`) are encrypted; a list of watch-only entries holds no secret at all.
      const keyed = detected.entries.filter((e) => isObject(e) && e['encoded'] !== undefined).length;
      const networkAt = await networkPlacer();
      return {
        ...base,
        version: null,
        encrypted: keyed > 0,
        kdf: null,
        olderWallets: null,
        accounts: await Promise.all(
          detected.entries.map(async (e) => {
            const o = isObject(e) ? e : {};
            const meta = isObject(o['meta']) ? o['meta'] : {};
            const content = isObject(o['encoding']) ? o['encoding']['content'] : undefined;
            // A keyless entry (QR, external) records its type beside the address.
            const type = Array.isArray(content) && isKeyType(content[1]) ? content[1] : isKeyType(o['type']) ? o['type'] : null;
            const address = String(o['address']);
            return {
              address: await fileAddressDisplay(address, type ?? undefined),
              name: typeof meta['name'] === 'string' ? meta['name'] : null,
              type,
              network: networkAt(address, meta),
            };
          }),
        ),
        notes: [
          keyed > 0
            ? 'Each account in the list is a separate Polkadot{.js} file with its own password; entries without a key restore as watch-only.'
            : 'No entry in the list holds a key: nothing in it is encrypted, and every entry restores as watch-only.',
        ],
      };
    }
    case 'ethereum-keystore': {
      // The readers of the other formats load when met: `verify` of an account file starts its KDF without them.
      const { ethereumKeystoreParse } = await import('../formats/ethereum-keystore.js');
      const ks = ethereumKeystoreParse(detected.json, options.file);
      let address = ks.address ?? '(no address recorded)';
      try {
        if (ks.address !== null) address = ethereumChecksum(ethereumDecode(ks.address.startsWith('0x') ? ks.address : `0x${ks.address}`));
      } catch {
        // Shown as the file has it; `verify` reports a bad address.
      }
      return {
        ...base,
        version: '3',
        encrypted: true,
        kdf: ks.kdf.name === 'scrypt' ? { name: 'scrypt', N: ks.kdf.N, r: ks.kdf.r, p: ks.kdf.p } : { name: 'pbkdf2-sha256', iterations: ks.kdf.c },
        olderWallets: null,
        accounts: [{ address, name: null, type: 'ethereum', network: null }],
        notes: ['Restoring it adds an ethereum account; keepsake keeps it as a Polkadot{.js} file locked with the same password.'],
      };
    }
    case 'keepsake-backup': {
      const { keepsakeBackupParse } = await import('../formats/keepsake-backup.js');
      const env = keepsakeBackupParse(detected.json, options.file);
      return {
        ...base,
        version: String(env.version),
        encrypted: true,
        kdf: { name: 'scrypt', N: env.kdf.N, r: env.kdf.r, p: env.kdf.p },
        olderWallets: null,
        accounts: [],
        contentsEncrypted: true,
        notes: [
          `Made ${env.createdAt ?? 'at an unrecorded time'}. Its identities, accounts and addresses are inside the encrypted part: verifying it with its password lists them, and nothing is imported.`,
        ],
      };
    }
    case 'nova-backup': {
      const { novaBackupParse, novaModifiedAt, NOVA_SCRYPT } = await import('../formats/nova-backup.js');
      const { novaWalletAddresses } = await import('./novaBackup.js');
      const backup = novaBackupParse(detected.json, options.file);
      const wallets = await Promise.all(
        backup.wallets.map(async (w): Promise<InspectWallet> => {
          const { substrate, ethereum } = await novaWalletAddresses(w);
          return {
            name: w.name,
            type: w.type,
            substrateAddress: substrate,
            ethereumAddress: ethereum,
            cryptoType: w.substrateCryptoType,
            chainAccounts: w.chainAccounts.length,
          };
        }),
      );
      return {
        ...base,
        version: null,
        encrypted: true,
        kdf: { name: 'scrypt', ...NOVA_SCRYPT },
        olderWallets: null,
        accounts: await (async () => {
          const networkAt = await networkPlacer();
          return wallets.flatMap((w) => [
            ...(w.substrateAddress === null
              ? []
              : [{ address: w.substrateAddress, name: w.name, type: w.cryptoType, network: networkAt(w.substrateAddress, {}) }]),
            ...(w.ethereumAddress === null ? [] : [{ address: w.ethereumAddress, name: w.name, type: 'ethereum' as const, network: null }]),
          ]);
        })(),
        wallets,
        modifiedAt: novaModifiedAt(backup.modifiedAt).toISOString(),
        notes: [
          'Its wallet list is not covered by the password; verifying the file with its password checks every key against it.',
          "Wallets with a recovery phrase come in as identities whose PIN is the backup's password; watch-only, Polkadot Vault and Ledger wallets as watch-only accounts.",
        ],
      };
    }
    case 'concordium-desktop':
    case 'concordium-mobile': {
      const meta = isObject(detected.json['metadata']) ? detected.json['metadata'] : {};
      const iterations = typeof meta['iterations'] === 'number' ? meta['iterations'] : null;
      return {
        ...base,
        version: null,
        encrypted: true,
        kdf: iterations === null ? null : { name: 'pbkdf2-sha256', iterations },
        olderWallets: null,
        accounts: [],
        contentsEncrypted: true,
        notes:
          detected.format === 'concordium-mobile'
            ? ['Its parameters are those of the Concordium Mobile Wallet, whose exports the desktop format (and keepsake) cannot import.']
            : ['Its identities, accounts and address book are inside the encrypted part: verifying it with its password lists them, and nothing is imported.'],
      };
    }
    default:
      return { ...base, version: null, encrypted: true, kdf: null, olderWallets: null, accounts: [], notes: [] };
  }
}

/** What `meta.origin` says (formats/talisman.ts): Talisman's exports are Polkadot{.js} files, read as such. */
const TALISMAN_NOTE = 'Made by Talisman (its account meta records a Talisman origin); Talisman exports Polkadot{.js} files, and this one is read as one.';

/**
 * A SubWallet export's unified-account names by preview address (as restore names them), and what
 * to know about it: one master password opens it all, and accounts of other kinds are in the list too.
 */
async function subWalletInspect(file: PolkadotJsBatch, name: string | undefined): Promise<{ names: Map<string, string>; notes: string[] }> {
  const { subWalletNames } = await import('../formats/subwallet.js');
  const byId = subWalletNames(file.json, name);
  const names = new Map<string, string>();
  for (const { address } of file.accounts) {
    try {
      const id = await previewAccountId(address);
      const found = id === undefined ? undefined : byId.get(id);
      if (found !== undefined) names.set(address, found);
    } catch {
      // An address that does not decode keeps the name its preview has.
    }
  }
  // SubWallet lists a TON, Cardano or Bitcoin account by its 32-byte public key in hex (@subwallet/keyring pair `toJson`).
  const others = file.accounts.filter((a) => isHex(a.address) && a.address.length === 66).length;
  return {
    names,
    notes: [
      'SubWallet keeps every account under its master password: that password opens the file and the accounts in it.',
      // A Bitcoin account is listed, like an Ethereum one, by its 33-byte key: the preview cannot tell them apart.
      ...(file.accounts.some((a) => isHex(a.address) && a.address.length === 68)
        ? ['An entry shown by an Ethereum address may be a Bitcoin account, which SubWallet lists the same way; verifying the file says which it is.']
        : []),
      ...(names.size > 0 ? ['Accounts of a SubWallet unified account are shown (and restored) under its name.'] : []),
      ...(others > 0
        ? [
            `${others === 1 ? '1 entry is' : `${others} entries are`} listed by a 32-byte key in hex, as SubWallet lists TON and Cardano accounts: only Polkadot and Ethereum keys are kept in keepsake, and verifying the file says which each is.`,
          ]
        : []),
    ],
  };
}

/** The account id (hex) a preview address gives: an ecdsa/ethereum preview is its 33-byte key, whose id is the Ethereum address's. */
async function previewAccountId(address: string): Promise<string | undefined> {
  if (isHex(address) && address.length === 68) {
    const { schemeLoad } = await import('../keys/scheme.js');
    return bytesToHex((await schemeLoad('ethereum')).accountId(hexToBytes(address)));
  }
  return bytesToHex(fileAddressDecode(address).bytes);
}

function envelopeKdf(
  envelope: PolkadotJsEnvelope,
  file: string | undefined,
): { encrypted: boolean; kdf: KdfReport; olderWallets: boolean; notes: string[]; next?: NextStep } {
  if (envelope.cipher === 'none') {
    return { encrypted: false, kdf: { name: 'none' }, olderWallets: true, notes: ['This file is NOT encrypted: anyone who has it has the key.'] };
  }
  if (envelope.cipher === 'legacy') {
    return {
      encrypted: true,
      kdf: { name: 'legacy-password' },
      olderWallets: true,
      notes: ['An old (version 0–2) file: its key is the password itself, with no key stretching; re-export it to protect it better.'],
    };
  }
  const { params } = scryptHeaderRead(envelope.encoded, file);
  const older = scryptReadableByOlderWallets(params);
  if (older) return { encrypted: true, kdf: { name: 'scrypt', ...params }, olderWallets: true, notes: [] };
  return {
    encrypted: true,
    kdf: { name: 'scrypt', ...params },
    olderWallets: false,
    notes: [`scrypt ${formatScryptParams(params)}: wallets from before mid-2025 refuse it.`],
    next: { do: 'kdf-compat' },
  };
}
