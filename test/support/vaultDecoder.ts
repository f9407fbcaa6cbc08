/**
 * Polkadot Vault's Banana Split decoder, rewritten for the tests step by step from
 * paritytech/banana-recovery-rust `src/shares.rs` (commit a6d8d32, "Add BananaSplit encrypt (#24)"),
 * which Polkadot Vault uses to recover a key from shards. The crate cannot be built here (its crates
 * bitvec, scrypt and crypto_secretbox are not in Debian, and crates.io is not reachable), so this is
 * its logic in TypeScript, citing the lines it follows, to check that the shards keepsake writes are
 * ones Vault reads. Test-only: it shares nothing with src/ (src/ combines with secrets.js; this has
 * its own GF(2^n) tables, as shares.rs does), and uses node:crypto and @noble/ciphers for scrypt,
 * SHA-512 and secretbox, as shares.rs uses its crates.
 */
import { createHash, scryptSync } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';

/** shares.rs line 16: `BIT_RANGE = 3..=20`. */
const BIT_MIN = 3;
const BIT_MAX = 20;

/** Each refusal of shares.rs, by the name of its `Error` variant (src/error.rs). */
export class VaultDecodeError extends Error {
  constructor(readonly variant: string) {
    super(`banana-recovery-rust would refuse: Error::${variant}`);
  }
}

/** shares.rs lines 26-34 and 41-44: one share as `Share::new` reads it. */
export type VaultShare = { version: 'Undefined' | 'V1'; title: string; requiredShards: number; nonce: string; bits: number; id: number; content: Uint8Array };

/**
 * What json-rust's `JsonValue::to_string()` (its Display) gives for a field, as shares.rs lines 73,
 * 81 and 82 read "t", "n" and "d": a string as it is, a missing field as "null", a number or boolean
 * as its text, anything else as JSON.
 */
function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The `hex` crate's `decode`: an even number of hex digits, either case. */
function hexDecode(text: string): Uint8Array | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Uint8Array.from(Buffer.from(text, 'hex')) : undefined;
}

/** The `base64` crate's STANDARD engine: the standard alphabet, padded, canonical (no stray bits). */
function base64Decode(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? Uint8Array.from(bytes) : undefined;
}

/** shares.rs lines 49-148, `Share::new`: the bytes of a scanned QR code (the shard's text, UTF-8). */
export function vaultShareNew(shareVec: Uint8Array): VaultShare {
  // lines 51-54: UTF-8 text
  let shareString: string;
  try {
    shareString = new TextDecoder('utf-8', { fatal: true }).decode(shareVec);
  } catch {
    throw new VaultDecodeError('NotShareString');
  }
  // lines 57-60: JSON
  let parsed: Record<string, unknown>;
  try {
    const value = JSON.parse(shareString) as unknown;
    parsed = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    throw new VaultDecodeError('JsonParsing');
  }
  // lines 62-72: "v" is 1 (V1), absent or null (Undefined); anything else is refused
  const v = parsed['v'];
  let version: VaultShare['version'];
  if (typeof v === 'number') {
    if (v !== 1) throw new VaultDecodeError('VersionNotSupported');
    version = 'V1';
  } else if (v === undefined || v === null) version = 'Undefined';
  else throw new VaultDecodeError('VersionNotSupported');
  // line 73: the title as json-rust prints it
  const title = jsonText(parsed['t']);
  // lines 74-80: "r" a number whose text parses as a usize
  const r = parsed['r'];
  if (typeof r !== 'number' || !/^\d+$/.test(String(r))) throw new VaultDecodeError('RequiredShardsNotSupported');
  const requiredShards = Number(String(r));
  // lines 81-82
  const nonce = jsonText(parsed['n']);
  const data = jsonText(parsed['d']);
  // lines 85-100: the first character is the bit size in base 36 (Rust's to_digit(36): either case), 3..=20
  const chars = [...data];
  const first = chars[0];
  if (first === undefined) throw new VaultDecodeError('EmptyShare');
  const bits = /^[0-9a-zA-Z]$/.test(first) ? parseInt(first, 36) : NaN;
  if (Number.isNaN(bits)) throw new VaultDecodeError('ParseBit');
  if (bits < BIT_MIN || bits > BIT_MAX) throw new VaultDecodeError('BitsOutOfRange');
  // lines 103-112: the rest is hex (Undefined) or base64 (V1)
  const rest = chars.slice(1).join('');
  const body = version === 'Undefined' ? hexDecode(rest) : base64Decode(rest);
  if (body === undefined) throw new VaultDecodeError(version === 'Undefined' ? 'UndefinedBodyNotHex' : 'BodyNotBase64');
  // lines 115-120: the id takes as many bytes as 2^bits - 1 has (leading zero bytes skipped)
  const max = 2 ** bits - 1;
  const maxBytes = [(max >>> 24) & 0xff, (max >>> 16) & 0xff, (max >>> 8) & 0xff, max & 0xff];
  const idLength = maxBytes.length - maxBytes.findIndex((b) => b !== 0);
  // lines 123-126
  if (body.length < idLength) throw new VaultDecodeError('ShareTooShort');
  // lines 129-137: the id, big-endian, its leading bytes those of `max` (zeros)
  const idBytes = [...maxBytes.slice(0, 4 - idLength), ...body.subarray(0, idLength)];
  const id = idBytes.reduce((n, b) => n * 256 + b, 0);
  return { version, title, requiredShards, nonce, bits, id, content: body.slice(idLength) };
}

/** shares.rs lines 392-418: secrets.js's primitive polynomials for GF(2^n), n = 3..20. */
const PRIMITIVE_POLYNOMIALS = [3, 3, 5, 3, 3, 29, 17, 9, 5, 83, 27, 43, 3, 45, 9, 39, 39, 9];

/** shares.rs lines 426-450, `generate_logs_and_exps`. */
function logsAndExps(n: number): { logs: (number | undefined)[]; exps: number[] } {
  const size = 2 ** n;
  const logs: (number | undefined)[] = new Array<number | undefined>(size).fill(undefined);
  const exps: number[] = [];
  let x = 1;
  const polynomial = PRIMITIVE_POLYNOMIALS[n - BIT_MIN]!;
  for (let i = 0; i < size; i++) {
    exps.push(x);
    if (logs[x] === undefined) logs[x] = i;
    x <<= 1;
    if (x >= size) {
      x ^= polynomial;
      x &= size - 1;
    }
  }
  return { logs, exps };
}

/** shares.rs lines 457-494, `lagrange`: the value at x = 0 of the polynomial through (x[i], y[i]) in GF(2^n). */
function lagrange(x: readonly number[], y: readonly number[], logs: readonly (number | undefined)[], exps: readonly number[], n: number): number {
  let sum = 0;
  const size = 2 ** n;
  for (let i = 0; i < x.length; i++) {
    if (y[i]! >= logs.length) throw new VaultDecodeError('LogOutOfRange');
    const logY = logs[y[i]!];
    // line 489: log(0) is undefined, and a zero term adds nothing
    if (logY === undefined) continue;
    let product = logY;
    for (let j = 0; j < x.length; j++) {
      if (i === j) continue;
      if (x[j]! >= logs.length || (x[i]! ^ x[j]!) >= logs.length) throw new VaultDecodeError('LogOutOfRange');
      const p1 = logs[x[j]!]!;
      const p2 = logs[x[i]! ^ x[j]!]!;
      product = (size - 1 + product + p1 - p2) % (size - 1);
    }
    sum ^= exps[product]!;
  }
  return sum;
}

/** What the user interface is told to do next: shares.rs lines 195-205, `NextAction`. */
export type VaultNextAction = { moreShares: { have: number; need: number } } | 'AskUserForPassword';

/** shares.rs lines 165-384, `ShareSet`: shares added one by one, combined as soon as there are enough. */
export class VaultShareSet {
  private readonly version: VaultShare['version'];
  readonly title: string;
  private readonly requiredShards: number;
  private readonly bits: number;
  private readonly nonce: string;
  private readonly contentLength: number;
  private readonly ids: number[];
  private readonly contents: Uint8Array[];
  private combined: { data: Uint8Array; nonce: Uint8Array } | undefined;

  /** lines 275-288, `ShareSet::init`. */
  constructor(share: VaultShare) {
    this.version = share.version;
    this.title = share.title;
    this.requiredShards = share.requiredShards;
    this.bits = share.bits;
    this.nonce = share.nonce;
    this.contentLength = share.content.length;
    this.ids = [share.id];
    this.contents = [share.content];
  }

  /** lines 291-329, `try_add_share`: the checks in their order, then the combination once there are enough. */
  tryAddShare(share: VaultShare): void {
    if (this.combined !== undefined) return;
    if (share.version !== this.version) throw new VaultDecodeError('ShareVersionDifferent');
    if (share.title !== this.title) throw new VaultDecodeError('ShareTitleDifferent');
    if (share.requiredShards !== this.requiredShards) throw new VaultDecodeError('ShareRequiredShardsDifferent');
    if (share.nonce !== this.nonce) throw new VaultDecodeError('ShareNonceDifferent');
    if (share.bits !== this.bits) throw new VaultDecodeError('ShareBitsDifferent');
    if (this.ids.includes(share.id)) throw new VaultDecodeError('ShareAlreadyInSet');
    if (share.content.length !== this.contentLength) throw new VaultDecodeError('ShareContentLengthDifferent');
    this.ids.push(share.id);
    this.contents.push(share.content);
    if (this.ids.length >= this.requiredShards) this.combined = this.combine();
  }

  /** lines 331-339, `next_action`. */
  nextAction(): VaultNextAction {
    return this.combined === undefined ? { moreShares: { have: this.ids.length, need: this.requiredShards } } : 'AskUserForPassword';
  }

  /**
   * lines 212-270, `SetInProgress::combine`: each byte position interpolated over the shares, its
   * `bits` low bits appended; then the leading zero bits and the "1" marker after them dropped
   * (secrets.js's padding), and the rest read as bytes (the last one zero-filled, as bitvec does).
   */
  private combine(): { data: Uint8Array; nonce: Uint8Array } {
    const { logs, exps } = logsAndExps(this.bits);
    const bitList: number[] = [];
    for (let i = 0; i < this.contentLength; i++) {
      const value = lagrange(
        this.ids,
        this.contents.map((c) => c[i]!),
        logs,
        exps,
        this.bits,
      );
      for (let b = this.bits - 1; b >= 0; b--) bitList.push((value >>> b) & 1);
    }
    const marker = bitList.indexOf(1);
    const kept = marker === -1 ? [] : bitList.slice(marker + 1);
    const data = new Uint8Array(Math.ceil(kept.length / 8));
    kept.forEach((bit, k) => (data[k >> 3]! |= bit << (7 - (k & 7))));
    // lines 264-267: the nonce is read as base64 whatever the version
    const nonce = base64Decode(this.nonce);
    if (nonce === undefined) throw new VaultDecodeError('NonceNotBase64');
    return { data, nonce };
  }

  /**
   * lines 347-383, `recover_with_passphrase`: scrypt(passphrase, SHA-512(title) — encrypt.rs lines
   * 70-74 `hash_string`, log N = 15, r = 8, p = 1, 32 bytes) opens the combined data with
   * XSalsa20-Poly1305 and the nonce; the secret must be UTF-8. A nonce that is not 24 bytes makes
   * `GenericArray::from_slice` panic there (line 363); here it is an error of its own.
   */
  recoverWithPassphrase(passphrase: string): string {
    if (this.combined === undefined) throw new VaultDecodeError('NotReadyToDecode');
    const { data, nonce } = this.combined;
    if (nonce.length !== 24) throw new VaultDecodeError('NoncePanics');
    const salt = createHash('sha512').update(this.title, 'utf8').digest();
    const key = scryptSync(Buffer.from(passphrase, 'utf8'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    let plain: Uint8Array;
    try {
      plain = xsalsa20poly1305(key, nonce).decrypt(data);
    } catch {
      throw new VaultDecodeError('DecodingFailed');
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      throw new VaultDecodeError('DecodedSecretNotString');
    }
  }
}

/** The whole of Vault's flow for shard texts scanned in the order given: the first starts the set, the others are added. */
export function vaultRecover(shardTexts: readonly string[], passphrase: string): string {
  const [first, ...rest] = shardTexts.map((t) => vaultShareNew(new TextEncoder().encode(t)));
  if (first === undefined) throw new VaultDecodeError('EmptyShare');
  const set = new VaultShareSet(first);
  for (const share of rest) set.tryAddShare(share);
  return set.recoverWithPassphrase(passphrase);
}
