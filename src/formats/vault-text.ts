import { InvalidVaultTextError } from '../errors/suri.js';

/*
 * Polkadot Vault's QR texts (novasamatech/parity-signer):
 * - "Export private key": `secret:0x<secret hex>:<genesis hash hex, no 0x>` — rust/db_handling/src/identities.rs
 *   `generate_secret_qr`; the secret is `prepare_secret_key_for_export`'s: the 32-byte seed of an ed25519 or
 *   ecdsa key, or of an sr25519 key reached by hard junctions only, and for an sr25519 key with a soft
 *   junction (no seed) `sr25519::Pair::to_raw_vec()`, 64 bytes: the schnorrkel secret scalar ‖ nonce. The
 *   text does not name the key type ("the user knows", same file). Known answer (rust/db_handling/tests/tests.rs):
 *   Alice's phrase + `//Alice` on Westend → `secret:0xe5be9a50…5c0a:e143f238…423e`.
 * - Address export: `substrate:<SS58 address>:0x<genesis hash>` or `ethereum:<0x address>:0x<genesis hash>` —
 *   rust/db_handling/src/interface_signer.rs `export_key`; older Signer versions append `:<name>`
 *   (DESIGN.md), read and kept as a name.
 */

export type VaultSecretText = { secret: Uint8Array; genesisHash: string };
export type VaultAddressText = { kind: 'substrate' | 'ethereum'; address: string; genesisHash: string; name: string | null };

const GENESIS = /^(?:0x)?([0-9a-fA-F]{64})$/;
/** Longer than any Vault text (a 64-byte secret and a hash are under 230 characters; a name is short): refused unread. */
const MAX_TEXT = 1024;

/** Whether a text is (the start of) a Vault secret text: it begins `secret:` (for routing; no checks). */
export function vaultSecretTextLooksLike(text: string): boolean {
  return text.trim().startsWith('secret:');
}

/** Whether a text is a Vault address text: `substrate:` or `ethereum:` and two more fields (for routing; no checks). */
export function vaultAddressTextLooksLike(text: string): boolean {
  return /^(substrate|ethereum):[^:\s]+:/.test(text.trim());
}

/**
 * Reads a `secret:0x<secret>:<genesis>` text: a 32-byte seed or a 64-byte sr25519 secret (scalar ‖ nonce,
 * schnorrkel's own layout), and the network's genesis hash (0x…). Anything else → {@link InvalidVaultTextError},
 * which never quotes the text.
 *
 * @example
 * vaultSecretTextParse('secret:0xe5be…5c0a:e143…423e').secret.length // 32
 */
export function vaultSecretTextParse(text: string): VaultSecretText {
  const bad = (reason: string) => new InvalidVaultTextError({ what: 'secret', reason });
  if (text.length > MAX_TEXT) throw bad('it is far longer than such a text');
  const parts = text.trim().split(':');
  if (parts[0] !== 'secret') throw bad('it does not start with "secret:"');
  if (parts.length !== 3) throw bad('it does not have its three parts (secret, key, genesis hash)');
  const key = /^0x([0-9a-fA-F]*)$/.exec(parts[1]!)?.[1];
  if (key === undefined || key.length % 2 !== 0) throw bad('its key is not 0x and hex');
  if (key.length !== 64 && key.length !== 128) throw bad(`its key is ${key.length / 2} bytes, not the 32 of a seed or the 64 of an sr25519 key`);
  const genesis = GENESIS.exec(parts[2]!)?.[1];
  if (genesis === undefined) throw bad('its genesis hash is not 32 bytes of hex');
  return { secret: new Uint8Array(Buffer.from(key, 'hex')), genesisHash: `0x${genesis.toLowerCase()}` };
}

/**
 * The text Vault's "Export private key" shows for a key: `secret:0x<secret hex>:<genesis hex without 0x>`.
 *
 * @example
 * vaultSecretTextWrite(seed, '0xe143…423e') // 'secret:0x…:e143…423e'
 */
export function vaultSecretTextWrite(secret: Uint8Array, genesisHash: string): string {
  const genesis = GENESIS.exec(genesisHash)?.[1];
  if (genesis === undefined) throw new InvalidVaultTextError({ what: 'secret', reason: 'the network has no genesis hash to name' });
  return `secret:0x${Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString('hex')}:${genesis.toLowerCase()}`;
}

/**
 * Reads an address text: `substrate:<SS58>:0x<genesis>` or `ethereum:<0x address>:0x<genesis>`, with an
 * optional `:<name>` after it. The address itself is checked by the caller (wallet/addressParse.ts).
 */
export function vaultAddressTextParse(text: string): VaultAddressText {
  const bad = (reason: string) => new InvalidVaultTextError({ what: 'address', reason });
  if (text.length > MAX_TEXT) throw bad('it is far longer than such a text');
  const [kind, address, genesisText, ...rest] = text.trim().split(':');
  if (kind !== 'substrate' && kind !== 'ethereum') throw bad('it does not start with "substrate:" or "ethereum:"');
  if (address === undefined || address === '') throw bad('it has no address');
  const genesis = genesisText === undefined ? undefined : GENESIS.exec(genesisText)?.[1];
  if (genesis === undefined) throw bad('its genesis hash is not 0x and 32 bytes of hex');
  const name = rest.length === 0 ? null : rest.join(':');
  return { kind, address, genesisHash: `0x${genesis.toLowerCase()}`, name: name === '' ? null : name };
}

/**
 * A schnorrkel secret (scalar ‖ nonce, what Vault exports) in the ed25519-expanded layout keepsake and
 * Polkadot{.js} keep (scalar × 8 ‖ nonce: schnorrkel `SecretKey::to_ed25519_bytes`), and back. The scalar
 * is a little-endian integer below 2^253, so × 8 fits in its 32 bytes.
 */
export function sr25519SecretExpand(raw: Uint8Array): Uint8Array {
  return scalarScale(raw, (n) => n << 3n);
}

/** The inverse of {@link sr25519SecretExpand}: the layout Vault exports. */
export function sr25519SecretRaw(expanded: Uint8Array): Uint8Array {
  return scalarScale(expanded, (n) => n >> 3n);
}

function scalarScale(secret: Uint8Array, scale: (n: bigint) => bigint): Uint8Array {
  if (secret.length !== 64) throw new InvalidVaultTextError({ what: 'secret', reason: 'an sr25519 key is 64 bytes' });
  const n = scale(BigInt(`0x${Buffer.from(secret.subarray(0, 32)).reverse().toString('hex') || '0'}`));
  if (n >> 256n !== 0n) throw new InvalidVaultTextError({ what: 'secret', reason: 'its sr25519 key is not a valid secret scalar' });
  const out = new Uint8Array(64);
  out.set(Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse(), 0);
  out.set(secret.subarray(32), 32);
  return out;
}
