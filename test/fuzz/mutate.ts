/**
 * fast-check arbitraries for hostile input: random bytes as text, random JSON, JSON shaped like the
 * wallet formats, and mutations of valid seed files — structural (remove a field, give it a wrong
 * type, a huge number or NaN-like string, a 1 MB string, 10^5 levels of nesting, duplicate a list),
 * format-aware (KDF parameters at and past the caps, bytes inside a Polkadot{.js} `encoded`), and
 * textual (bit flips, truncation at any point, inserted or deleted text, a BOM).
 *
 * KDF parameters are only ever set to values that are refused or cheap to derive; values that are
 * within the caps but expensive (scrypt N=2^20, 1,000,000 PBKDF2 rounds) are used only for
 * readers that do not derive (`{ atCap: true }`), so the fuzzer itself cannot make a run slow.
 * Every random choice comes from fast-check, so a seed replays a run exactly.
 */
import fc from 'fast-check';
import { bytesToHex, hexToBytes, isHex } from '../../src/crypto/bytes.js';
import { base64Decode, base64Encode } from '../../src/formats/json.js';
import type { KdfSite, Seed } from './seeds.js';

export type Built = { label: string; text: string };

// --- Values that do not fit -----------------------------------------------------------------------------

const DEPTH = 100_000;
const MB = 1 << 20;

/** Values written as raw JSON text (they cannot be held as a JS value, or are too big to carry around). */
const RAW: Record<string, () => string> = {
  deepArray: () => '['.repeat(DEPTH) + ']'.repeat(DEPTH),
  deepObject: () => '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH),
  deepMixed: () => '[{"x":'.repeat(DEPTH / 2) + 'null' + '}]'.repeat(DEPTH / 2),
  hugeString: () => `"${'A'.repeat(MB)}"`,
  hugeBase64: () => `"${'QUJD'.repeat(MB / 4)}"`,
  hugeHex: () => `"0x${'ab'.repeat(MB / 2)}"`,
  hugeUnicode: () => `"${'\u{1F511}'.repeat(MB / 4)}"`,
  hugeList: () => `[${'0,'.repeat(100_000)}0]`,
  hugeDigits: () => '9'.repeat(100_000),
  '1e400': () => '1e400',
  '-1e400': () => '-1e400',
  '1e-400': () => '1e-400',
  '-0': () => '-0',
  bigInt: () => '123456789012345678901234567890',
};
export const RAW_KINDS = Object.keys(RAW);

export type Weird = { json: unknown } | { raw: string };

const WEIRD_CONSTANTS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  0.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 64,
  2 ** 32,
  2 ** 32 - 1,
  2 ** 31,
  -(2 ** 31),
  Number.MIN_VALUE,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1',
  '0',
  '3',
  '0x',
  '0x0',
  '0xzz',
  '==',
  'A',
  '\u0000',
  '\ud800',
  '\u{1F511}',
  '__proto__',
  'scrypt',
  'pbkdf2',
  'pkcs8',
  'batch-pkcs8',
  'sr25519',
  'ethereum',
  'xsalsa20-poly1305',
  'none',
  'aes-128-ctr',
  'keepsake-backup',
  'hmac-sha256',
  [],
  {},
  [null],
  ['scrypt'],
  ['pkcs8', 'sr25519'],
  ['none'],
  [1, 2],
  { a: 1 },
  { __proto__: null, constructor: 1 },
];

export const weirdArb: fc.Arbitrary<Weird> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WEIRD_CONSTANTS).map((json) => ({ json })) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_KINDS).map((raw) => ({ raw })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((json) => ({ json })) },
);

/** Holds raw-text values while a mutated tree is serialised. */
class RawSlots {
  private readonly slots: string[] = [];
  token(kind: string): string {
    this.slots.push(RAW[kind]!());
    return `\u{E000}RAW${this.slots.length - 1}\u{E000}`;
  }
  value(w: Weird): unknown {
    return 'raw' in w ? this.token(w.raw) : structuredClone(w.json);
  }
  serialise(root: unknown): string {
    let text = JSON.stringify(root) ?? 'null';
    this.slots.forEach((raw, i) => {
      text = text.split(`"\u{E000}RAW${i}\u{E000}"`).join(raw);
    });
    return text;
  }
}

// --- Paths in a JSON tree ---------------------------------------------------------------------------------

type Path = (string | number)[];
type Node = { path: Path; value: unknown };

function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown, path: Path) => {
    out.push({ path, value: v });
    if (out.length > 5000) return;
    if (Array.isArray(v)) v.forEach((c, i) => walk(c, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  walk(root, []);
  return out;
}

function parentOf(root: unknown, path: Path): { parent: Record<string | number, unknown> | unknown[]; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let v: unknown = root;
  for (const k of path.slice(0, -1)) v = (v as Record<string | number, unknown>)[k];
  return { parent: v as Record<string | number, unknown>, key: path[path.length - 1]! };
}

/** Replaces the node at `path`; the root is replaced through `box`. */
function setAt(box: { root: unknown }, path: Path, value: unknown): void {
  const p = parentOf(box.root, path);
  if (p === undefined) box.root = value;
  else (p.parent as Record<string | number, unknown>)[p.key] = value;
}

function removeAt(box: { root: unknown }, path: Path): void {
  const p = parentOf(box.root, path);
  if (p === undefined) return;
  if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
  else delete (p.parent as Record<string, unknown>)[p.key as string];
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** Any value as text for a label (String() throws on objects without a prototype). */
function str(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

// --- KDF parameters: refused, cheap, or (for non-deriving readers only) at the cap ------------------------

type Triple = [unknown, unknown, unknown];

/** Polkadot{.js} header (N, p, r) as u32le: only the four allowed sets derive; the caps and everything else are refused before any work. */
const POLKADOT_CHEAP: [number, number, number][] = [
  [2 ** 15, 1, 8],
  [2 ** 15, 3, 8],
  [2 ** 14, 1, 8],
  [2 ** 16, 1, 8],
  [2 ** 15, 1, 16],
  [2 ** 15, 4, 8],
  [2 ** 15, 1, 1],
  [2 ** 21, 1, 8],
  [2 ** 20, 1, 8],
  [2 ** 20, 4, 16],
  [2 ** 20, 5, 16],
  [2 ** 20, 4, 17],
  [2 ** 32 - 1, 1, 8],
  [0, 0, 0],
  [1, 1, 1],
  [3, 1, 8],
  [2 ** 15, 5, 8],
  [2 ** 15, 1, 17],
  [2 ** 15, 2 ** 32 - 1, 8],
  [2 ** 15, 1, 2 ** 32 - 1],
  [2 ** 31, 2 ** 31, 2 ** 31],
  [2 ** 15, 0, 8],
  [2 ** 15, 1, 0],
];
/** Allowed but slower (up to ~0.3 s): parse-only readers. */
const POLKADOT_AT_CAP: [number, number, number][] = [
  [2 ** 16, 2, 8],
  [2 ** 17, 1, 8],
];

/** Refused by every scrypt reader (keystore, keepsake backup, sealed secret): over a cap, or not whole numbers. */
const SCRYPT_JSON_REFUSED: Triple[] = [
  [2 ** 21, 8, 1],
  [2 ** 20, 17, 1],
  [2 ** 20, 16, 5],
  [2 ** 22, 16, 4],
  [3, 8, 1],
  [0, 8, 1],
  [-1024, 8, 1],
  [-(2 ** 31), 8, 1],
  [1024, 17, 1],
  [1024, 8, 2 ** 31],
  [1.5, 8, 1],
  [1024, 8.5, 1],
  [2 ** 53, 8, 1],
  [2 ** 53 + 2, 8, 1],
  [1e308, 8, 1],
  [1024, 1e308, 1],
  [1024, 8, 1e308],
  ['1024', 8, 1],
  [1024, '8', 1],
  [1024, 8, '1'],
  [null, 8, 1],
  [[1024], 8, 1],
  [{}, 8, 1],
  [true, 8, 1],
  ['NaN', 8, 1],
  ['Infinity', 8, 1],
];
/**
 * (N, r, p) that the readers allowing small scrypt parameters (keystore, sealed secret) derive cheaply or
 * refuse: node:crypto's own limits (N < 2^(16·r)), r or p zero or negative.
 */
const SCRYPT_SMALL: Triple[] = [
  [1024, 8, 1],
  [2, 1, 1],
  [1024, 1, 1],
  [2 ** 16, 1, 1],
  [2 ** 17, 1, 1],
  [1024, 16, 4],
  [1024, 0, 1],
  [1024, -1, 1],
  [1024, 8, 0],
  [1024, 8, -1],
];
/** Keystore (n, r, p): cheap to derive, or refused. */
const KEYSTORE_CHEAP: Triple[] = [...SCRYPT_SMALL, [1024, 8, 6], [16, 1, 1000], [2 ** 20, 8, 2], [2 ** 19, 16, 2], ...SCRYPT_JSON_REFUSED];
const KEYSTORE_AT_CAP: Triple[] = [
  [2 ** 20, 8, 1],
  [2 ** 19, 16, 1],
  [2 ** 18, 8, 4],
  [2 ** 12, 8, 256],
];
/** keepsake backup (N, r, p): it refuses anything weaker than N=2^15, r=8. */
const BACKUP_CHEAP: Triple[] = [
  [2 ** 15, 8, 1],
  [2 ** 15, 9, 1],
  [2 ** 14, 8, 1],
  [2 ** 15, 7, 1],
  [2 ** 15, 8, 0],
  [2 ** 15, 8, -1],
  [3 * 2 ** 15, 8, 1],
  [-(2 ** 15), 8, 1],
  [2 ** 15 + 1, 8, 1],
  ...SCRYPT_JSON_REFUSED,
];
const BACKUP_AT_CAP: Triple[] = [
  [2 ** 20, 16, 4],
  [2 ** 20, 8, 1],
  [2 ** 17, 8, 1],
  [2 ** 18, 16, 2],
];
/** Sealed secret (N, r, p). */
const SEALED_CHEAP: Triple[] = [...SCRYPT_SMALL, [-2, 8, 1], ...SCRYPT_JSON_REFUSED];
const SEALED_AT_CAP: Triple[] = [
  [2 ** 20, 16, 4],
  [2 ** 18, 8, 1],
  [2 ** 20, 8, 1],
];
/** PBKDF2 rounds. */
const PBKDF2_CHEAP: unknown[] = [1, 1000, 10_000, 100_000, 262_144, 0, -1, 1.5, 1e308, 2 ** 53, 2 ** 53 + 2, 10_000_001, 1_000_001, '1000', null, [], 'NaN'];
const PBKDF2_AT_CAP_CONCORDIUM: unknown[] = [1_000_000];
const PBKDF2_AT_CAP_KEYSTORE: unknown[] = [10_000_000, 1_000_000];
const KEYLEN: unknown[] = [32, 16, 64, 0, -32, 32.5, '32', null, 2 ** 53, 1e308];
const DKLEN: unknown[] = [32, 16, 64, 0, -32, 32.5, '32', null, 2 ** 31];
const HASH: unknown[] = ['sha256', 'sha512', 'SHA256', 'md5', '', 1, null];

function setKdf(box: { root: unknown }, site: KdfSite, n: number, m: number, atCap: boolean): string {
  const obj = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  // An earlier operation may have replaced the whole file with a scalar or a list.
  const root = obj(box.root) ?? {};
  const choose = <T>(cheap: readonly T[], cap: readonly T[]): T => (atCap && n % 4 === 0 ? pick(cap, m)! : pick(cheap, m)!);
  switch (site) {
    case 'polkadot-header': {
      const [N, p, r] = choose(POLKADOT_CHEAP, POLKADOT_AT_CAP);
      const targets = encodedNodes(box.root);
      const t = pick(targets, n);
      if (t === undefined) return 'kdf:none';
      const bytes = decodeEncoded(t.value);
      if (bytes === undefined || bytes.length < 44) return 'kdf:short';
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      view.setUint32(32, N >>> 0, true);
      view.setUint32(36, p >>> 0, true);
      view.setUint32(40, r >>> 0, true);
      setAt(box, t.path, reencode(t.value, bytes));
      return `kdf N=${N} p=${p} r=${r}`;
    }
    case 'keystore-scrypt':
    case 'keystore-pbkdf2': {
      const crypto = obj(root['crypto'] ?? root['Crypto']);
      const kp = obj(crypto?.['kdfparams']);
      if (kp === undefined) return 'kdf:none';
      if (m % 7 === 6) {
        kp['dklen'] = pick(DKLEN, n);
        return `dklen=${str(kp['dklen'])}`;
      }
      if (site === 'keystore-pbkdf2') {
        kp['c'] = choose(PBKDF2_CHEAP, PBKDF2_AT_CAP_KEYSTORE);
        if (n % 5 === 4) kp['prf'] = pick(['hmac-sha512', 'hmac-sha256', '', null], m);
        return `c=${str(kp['c'])}`;
      }
      const [N, r, p] = choose(KEYSTORE_CHEAP, KEYSTORE_AT_CAP);
      Object.assign(kp, { n: N, r, p });
      return `kdf n=${str(N)} r=${str(r)} p=${str(p)}`;
    }
    case 'concordium': {
      const meta = obj(root['metadata']);
      if (meta === undefined) return 'kdf:none';
      if (m % 5 === 3) meta['keyLen'] = pick(KEYLEN, n);
      else if (m % 5 === 4) meta['hashAlgorithm'] = pick(HASH, n);
      else meta['iterations'] = choose(PBKDF2_CHEAP, PBKDF2_AT_CAP_CONCORDIUM);
      return `metadata ${JSON.stringify(meta).slice(0, 80)}`;
    }
    case 'keepsake-backup':
    case 'sealed': {
      const kdf = obj(root['kdf']);
      if (kdf === undefined) return 'kdf:none';
      const [N, r, p] = site === 'sealed' ? choose(SEALED_CHEAP, SEALED_AT_CAP) : choose(BACKUP_CHEAP, BACKUP_AT_CAP);
      Object.assign(kdf, { N, r, p });
      if (m % 9 === 8) kdf['name'] = pick(['pbkdf2', 'Scrypt', '', null], n);
      return `kdf N=${str(N)} r=${str(r)} p=${str(p)}`;
    }
    case 'none':
      return 'kdf:none';
  }
}

// --- The `encoded` field of Polkadot{.js} files ------------------------------------------------------------

function encodedNodes(root: unknown): { path: Path; value: string }[] {
  return nodes(root).filter((n): n is { path: Path; value: string } => n.path[n.path.length - 1] === 'encoded' && typeof n.value === 'string');
}

function decodeEncoded(text: string): Uint8Array | undefined {
  return isHex(text) ? hexToBytes(text) : base64Decode(text);
}

function reencode(original: string, bytes: Uint8Array): string {
  return original.startsWith('0x') ? bytesToHex(bytes) : base64Encode(bytes);
}

function mutateEncoded(box: { root: unknown }, how: number, n: number, m: number): string {
  const t = pick(encodedNodes(box.root), n);
  if (t === undefined) return 'encoded:none';
  const bytes = decodeEncoded(t.value);
  if (bytes === undefined) return 'encoded:undecodable';
  const pos = bytes.length === 0 ? 0 : m % bytes.length;
  let out: Uint8Array | string;
  switch (how % 10) {
    case 0: // one bit anywhere (header, salt, nonce or box)
      bytes[pos] = bytes[pos]! ^ (1 << (n % 8));
      out = bytes;
      break;
    case 1: // cut short at any point
      out = bytes.subarray(0, pos);
      break;
    case 2: // grow
      out = new Uint8Array([...bytes, ...new Uint8Array((n % 64) + 1).fill(m & 0xff)]);
      break;
    case 3: // the last byte of the tag
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
      out = bytes;
      break;
    case 4: // the other encoding (hex ↔ base64)
      out = t.value.startsWith('0x') ? base64Encode(bytes) : bytesToHex(bytes);
      break;
    case 5: // base64 with line breaks, or hex upper case
      out = t.value.startsWith('0x') ? `0x${t.value.slice(2).toUpperCase()}` : t.value.replace(/(.{20})/g, '$1\n');
      break;
    case 6: // padding removed / doubled
      out = t.value.endsWith('=') ? t.value.replace(/=+$/, '') : `${t.value}==`;
      break;
    case 7: // hex without 0x, or with an odd digit
      out = t.value.startsWith('0x') ? t.value.slice(2) : `0x${bytesToHex(bytes).slice(3)}`;
      break;
    case 8: // zeroed from a point on
      bytes.fill(0, pos);
      out = bytes;
      break;
    default: // two halves swapped
      out = new Uint8Array([...bytes.subarray(pos), ...bytes.subarray(0, pos)]);
  }
  setAt(box, t.path, typeof out === 'string' ? out : reencode(t.value, out));
  return `encoded#${how % 10}@${pos}`;
}

// --- Structural operations ----------------------------------------------------------------------------------

export type Op =
  | { k: 'remove'; at: number }
  | { k: 'replace'; at: number; v: Weird }
  | { k: 'number'; at: number; how: number }
  | { k: 'string'; at: number; how: number; n: number; s: string }
  | { k: 'array'; at: number; how: number; v: Weird }
  | { k: 'addKey'; at: number; key: string; v: Weird }
  | { k: 'kdf'; n: number; m: number }
  | { k: 'encoded'; how: number; n: number; m: number };

export type TextOp =
  | { k: 'flip'; at: number; bit: number; count: number }
  | { k: 'truncate'; at: number }
  | { k: 'insert'; at: number; s: string }
  | { k: 'delete'; at: number; len: number }
  | { k: 'dup'; at: number; len: number }
  | { k: 'bom' };

const nat = fc.nat({ max: 1_000_000 });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('remove' as const), at: nat }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('replace' as const), at: nat, v: weirdArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('number' as const), at: nat, how: nat }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('string' as const), at: nat, how: nat, n: nat, s: fc.string({ maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('array' as const), at: nat, how: nat, v: weirdArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('addKey' as const),
      at: nat,
      key: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length', 'x', '', 'encoded', 'Crypto', 'keyLen'),
      v: weirdArb,
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('kdf' as const), n: nat, m: nat }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('encoded' as const), how: nat, n: nat, m: nat }) },
);

export const textOpArb: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('flip' as const), at: nat, bit: fc.nat({ max: 7 }), count: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('truncate' as const), at: nat }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('insert' as const),
      at: nat,
      s: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.constantFrom('"', '\\', '{', '[', ']', '}', ',', ':', '\u0000', '\ufeff', '1e400', '"encoded":"",', '\n'),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delete' as const), at: nat, len: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dup' as const), at: nat, len: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'bom' as const }) },
);

function applyOp(box: { root: unknown }, op: Op, site: KdfSite, raw: RawSlots, atCap: boolean): string {
  const all = nodes(box.root);
  const inner = all.filter((n) => n.path.length > 0);
  switch (op.k) {
    case 'remove': {
      const t = pick(inner, op.at);
      if (t) removeAt(box, t.path);
      return `remove ${t?.path.join('.')}`;
    }
    case 'replace': {
      const t = pick(all, op.at);
      if (t) setAt(box, t.path, raw.value(op.v));
      return `replace ${t?.path.join('.')} with ${'raw' in op.v ? op.v.raw : JSON.stringify(op.v.json)?.slice(0, 30)}`;
    }
    case 'number': {
      const t = pick(
        all.filter((n) => typeof n.value === 'number'),
        op.at,
      );
      if (t === undefined) return 'number:none';
      const v = t.value as number;
      // Doubling a KDF parameter a few times lands within the caps but costly (N=2^10·2^10 = 2^20 is 1 GiB of
      // scrypt): only readers that do not derive get those; the others get factors that push any KDF field past its cap.
      const factor = 2 ** (atCap ? (op.how % 40) + 1 : (op.how % 27) + 14);
      const next = [v + 1, v - 1, -v, v * factor, 0, 2 ** 53, 1e308, v + 0.5, String(v), 2 ** 32, -(2 ** 31), atCap ? v / 2 : -v / 2][op.how % 12];
      setAt(box, t.path, next);
      return `number ${t.path.join('.')} → ${str(next)}`;
    }
    case 'string': {
      const t = pick(
        all.filter((n) => typeof n.value === 'string'),
        op.at,
      );
      if (t === undefined) return 'string:none';
      const v = t.value as string;
      const at = v.length === 0 ? 0 : op.n % v.length;
      const next = [
        v.slice(0, at),
        v + op.s,
        op.s + v,
        v.toUpperCase(),
        op.s,
        v.slice(0, at) + (op.s[0] ?? '!') + v.slice(at + 1),
        '',
        v.repeat(3),
        `0x${v}`,
        v.replace(/^0x/, ''),
        ` ${v} `,
        v.slice(at) + v.slice(0, at),
      ][op.how % 12]!;
      setAt(box, t.path, next);
      return `string ${t.path.join('.')} #${op.how % 12}`;
    }
    case 'array': {
      const t = pick(
        all.filter((n) => Array.isArray(n.value)),
        op.at,
      );
      if (t === undefined) return 'array:none';
      const v = t.value as unknown[];
      const next = [
        [],
        [...v, ...v.slice(0, 1), ...v.slice(0, 1)],
        [...v].reverse(),
        v.slice(1),
        [v],
        [...v, raw.value(op.v)],
        Object.fromEntries(v.map((e, i) => [String(i), e])),
        v.slice(0, 1),
      ][op.how % 8];
      setAt(box, t.path, next);
      return `array ${t.path.join('.')} #${op.how % 8}`;
    }
    case 'addKey': {
      const t = pick(
        all.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)),
        op.at,
      );
      if (t === undefined) return 'addKey:none';
      // defineProperty: a "__proto__" key becomes an own field, as JSON.parse makes it.
      Object.defineProperty(t.value, op.key, { value: raw.value(op.v), enumerable: true, configurable: true, writable: true });
      return `addKey ${t.path.join('.')}.${op.key}`;
    }
    case 'kdf':
      return setKdf(box, site, op.n, op.m, atCap);
    case 'encoded':
      return mutateEncoded(box, op.how, op.n, op.m);
  }
}

function applyTextOp(text: string, op: TextOp): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (op.k) {
    case 'flip': {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      for (let i = 0; i < op.count; i++) {
        const p = (op.at + i * 7919) % bytes.length;
        bytes[p] = bytes[p]! ^ (1 << ((op.bit + i) % 8));
      }
      return bytes.toString('utf8');
    }
    case 'truncate':
      return text.slice(0, at(op.at));
    case 'insert':
      return text.slice(0, at(op.at)) + op.s + text.slice(at(op.at));
    case 'delete':
      return text.slice(0, at(op.at)) + text.slice(at(op.at) + op.len);
    case 'dup':
      return text.slice(0, at(op.at) + op.len) + text.slice(at(op.at));
    case 'bom':
      return `\ufeff${text}`;
  }
}

/** A mutated copy of a seed: 0–3 structural/format operations, then (one time in four) 1–2 textual ones; at least one in all. */
export function mutationArb(seeds: readonly Seed[], options: { atCap?: boolean } = {}): fc.Arbitrary<Built> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      ops: fc.array(opArb, { maxLength: 3 }),
      // Most textual damage leaves no JSON at all: keep it to about one input in four, so most inputs reach the parsers.
      textOps: fc.oneof({ weight: 3, arbitrary: fc.constant([] as TextOp[]) }, { weight: 1, arbitrary: fc.array(textOpArb, { minLength: 1, maxLength: 2 }) }),
    })
    .filter((r) => r.ops.length + r.textOps.length > 0)
    .map(({ seed: i, ops, textOps }) => {
      const s = seeds[i]!;
      const box = { root: structuredClone(s.json) };
      const raw = new RawSlots();
      const done = ops.map((op) => applyOp(box, op, s.kdf, raw, options.atCap === true));
      let text = raw.serialise(box.root);
      for (const op of textOps) text = applyTextOp(text, op);
      return { label: `${s.name}: ${[...done, ...textOps.map((o) => o.k)].join(' | ')}`, text };
    });
}

/** A seed unchanged (a sanity anchor: the property must hold, and usually with a result). */
export function seedArb(seeds: readonly Seed[]): fc.Arbitrary<Built> {
  return fc.constantFrom(...seeds).map((s) => ({ label: `${s.name} (unchanged)`, text: s.text }));
}

// --- Random input ---------------------------------------------------------------------------------------------

/** Random bytes read as UTF-8, random strings, and text that starts like JSON. */
export const randomTextArb: fc.Arbitrary<Built> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => ({ label: 'random bytes', text: Buffer.from(b).toString('utf8') })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ label: 'random string', text })),
  fc
    .tuple(fc.constantFrom('{', '[', ' \n{', '\ufeff{', '{"encoded":', '{"version":3,', '[{"address":'), fc.string({ unit: 'binary', maxLength: 200 }))
    .map(([a, b]) => ({ label: 'JSON-like prefix', text: a + b })),
);

/** Random JSON values, and JS values serialised (whatever JSON.stringify makes of them). */
export const randomJsonArb: fc.Arbitrary<Built> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => ({ label: 'random JSON', text: JSON.stringify(v) })),
  fc.anything({ maxDepth: 4 }).map((v) => ({ label: 'random value', text: safeStringify(v) })),
  fc.constantFrom(...RAW_KINDS).map((k) => ({ label: `raw ${k}`, text: RAW[k]!() })),
);

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return 'null';
  }
}

const b64 = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => base64Encode(b));
const hex = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => bytesToHex(b).slice(2));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...WEIRD_CONSTANTS), fc.jsonValue({ maxDepth: 2 }));

/** A Polkadot{.js}-style `encoded`: random bytes behind a scrypt header taken from the cheap-or-refused sets. */
const encodedArb = fc.tuple(fc.nat(), fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.boolean()).map(([i, body, asHex]) => {
  const [N, p, r] = POLKADOT_CHEAP[i % POLKADOT_CHEAP.length]!;
  const bytes = new Uint8Array(44 + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(32, N >>> 0, true);
  view.setUint32(36, p >>> 0, true);
  view.setUint32(40, r >>> 0, true);
  bytes.set(body, 44);
  return asHex ? bytesToHex(bytes) : base64Encode(bytes);
});

/** scrypt N values for format-shaped JSON, combined freely with r and p: cheap (≤ 64 MiB at r=8) or refused. */
const SHAPED_N: unknown[] = [1024, 2, 2 ** 16, 2 ** 21, 3, 0, -1024, 1.5, 2 ** 53, 1e308, '1024', null];

/** JSON objects with the field names of the wallet formats and values of any type (gets past detection into each parser). */
export const shapedJsonArb: fc.Arbitrary<Built> = fc
  .oneof(
    fc.record(
      {
        encoded: fc.oneof(encodedArb, anyValue),
        encoding: fc.oneof(
          fc.record(
            {
              content: fc.oneof(fc.constantFrom(['pkcs8', 'sr25519'], ['pkcs8', 'ethereum'], ['batch-pkcs8'], 'pkcs8', ['pkcs8', 'x']), anyValue),
              type: fc.oneof(fc.constantFrom(['scrypt', 'xsalsa20-poly1305'], 'xsalsa20-poly1305', ['none'], ['scrypt']), anyValue),
              version: fc.oneof(fc.constantFrom('3', '2', '0', 3), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
        address: fc.oneof(fc.constantFrom('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '0x' + '02'.repeat(33), '0x' + 'ab'.repeat(20)), anyValue),
        meta: anyValue,
        accounts: fc.oneof(fc.array(fc.record({ address: anyValue, meta: anyValue }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
      },
      { requiredKeys: ['encoded', 'encoding'] },
    ),
    fc.record(
      {
        version: fc.oneof(fc.constantFrom(3, '3'), anyValue),
        address: fc.oneof(hex(20, 20), anyValue),
        crypto: fc.oneof(
          fc.record(
            {
              cipher: fc.oneof(fc.constant('aes-128-ctr'), anyValue),
              cipherparams: fc.oneof(fc.record({ iv: fc.oneof(hex(16, 16), anyValue) }), anyValue),
              ciphertext: fc.oneof(hex(32, 32), anyValue),
              kdf: fc.oneof(fc.constantFrom('scrypt', 'pbkdf2'), anyValue),
              kdfparams: fc.oneof(
                fc.record(
                  {
                    n: fc.constantFrom(...SHAPED_N),
                    r: fc.constantFrom(1, 8, 0, -1, 17),
                    p: fc.constantFrom(1, 0, 5),
                    c: fc.constantFrom(...PBKDF2_CHEAP),
                    dklen: fc.constantFrom(...DKLEN),
                    prf: fc.constantFrom('hmac-sha256', 'x'),
                    salt: fc.oneof(hex(0, 40), anyValue),
                  },
                  { requiredKeys: [] },
                ),
                anyValue,
              ),
              mac: fc.oneof(hex(32, 32), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
      },
      { requiredKeys: ['version', 'crypto'] },
    ),
    fc.record(
      {
        cipherText: fc.oneof(b64(0, 96), anyValue),
        metadata: fc.oneof(
          fc.record(
            {
              keyLen: fc.constantFrom(...KEYLEN),
              iterations: fc.constantFrom(...PBKDF2_CHEAP),
              salt: fc.oneof(b64(0, 40), anyValue),
              initializationVector: fc.oneof(b64(16, 16), b64(0, 20), anyValue),
              hashAlgorithm: fc.constantFrom(...HASH),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
      },
      { requiredKeys: ['cipherText', 'metadata'] },
    ),
    fc.record(
      {
        type: fc.constant('keepsake-backup'),
        version: fc.oneof(fc.constant(1), anyValue),
        kdf: fc.oneof(
          fc.record(
            {
              name: fc.constant('scrypt'),
              N: fc.constantFrom(2 ** 15, ...SHAPED_N),
              r: fc.constantFrom(8, 7, 17, 0),
              p: fc.constantFrom(1, 0, 5),
              salt: fc.oneof(b64(0, 40), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
        cipher: fc.oneof(fc.constant('xsalsa20-poly1305'), anyValue),
        nonce: fc.oneof(b64(24, 24), b64(0, 30), anyValue),
        ciphertext: fc.oneof(b64(0, 80), anyValue),
        createdAt: anyValue,
      },
      { requiredKeys: ['type'] },
    ),
  )
  .map((v) => ({ label: 'format-shaped JSON', text: JSON.stringify(v) }));

/** Any input for a whole-file reader: random, format-shaped, a seed, or (mostly) a mutated seed. */
export function fileInputArb(seeds: readonly Seed[], options: { atCap?: boolean } = {}): fc.Arbitrary<Built> {
  return fc.oneof(
    { weight: 1, arbitrary: randomTextArb },
    { weight: 1, arbitrary: randomJsonArb },
    { weight: 2, arbitrary: shapedJsonArb },
    { weight: 1, arbitrary: seedArb(seeds) },
    { weight: 10, arbitrary: mutationArb(seeds, options) },
  );
}

// --- Key-level inputs (SURI, phrases, addresses) --------------------------------------------------------------

/** Mutations of a string: characters flipped, cut, inserted, case changed, whitespace, a path or password appended. */
export function stringMutationArb(bases: readonly string[]): fc.Arbitrary<Built> {
  const strOp = fc.record({
    how: fc.nat({ max: 11 }),
    at: nat,
    s: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('/', '//', '///', ' ', '\u3000', '\u00a0', '0x', '//0', '/1', "m/44'/60'", '\u0301', 'é', '🔑', '\u0000', '1'.repeat(100)),
    ),
  });
  return fc.record({ base: fc.constantFrom(...bases), ops: fc.array(strOp, { minLength: 1, maxLength: 3 }) }).map(({ base, ops }) => {
    let v = base;
    for (const { how, at, s } of ops) {
      const i = v.length === 0 ? 0 : at % (v.length + 1);
      v = [
        v.slice(0, i) + s + v.slice(i),
        v.slice(0, i) + v.slice(i + 1),
        v.slice(0, i),
        v.toUpperCase(),
        v.split(' ').reverse().join(' '),
        v.replace(/ /g, '  '),
        `${v}${s}`,
        `${s}${v}`,
        v.slice(0, i) + (s[0] ?? 'x') + v.slice(i + 1),
        v.normalize('NFD'),
        `${v}///${s}`,
        `${v}${'//x'.repeat((at % 50) + 1)}`,
      ][how]!;
    }
    return { label: `mutated ${JSON.stringify(base.slice(0, 30))}`, text: v };
  });
}

/** Strings for the key-level readers: mutations of valid ones, random text, and some very long ones. */
export function keyInputArb(bases: readonly string[]): fc.Arbitrary<Built> {
  return fc.oneof(
    { weight: 6, arbitrary: stringMutationArb(bases) },
    { weight: 1, arbitrary: fc.constantFrom(...bases).map((text) => ({ label: 'valid', text })) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }).map((text) => ({ label: 'random string', text })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom('abandon', 'zoo', 'legal', 'winner', 'about', 'x', ''), { maxLength: 30 })
        .map((w) => ({ label: 'word list', text: w.join(' ') })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { label: 'long path', text: `//Alice${'//a'.repeat(2_000)}` },
        { label: 'long junction', text: `//${'9'.repeat(100_000)}` },
        { label: 'long words', text: 'abandon '.repeat(100_000) },
        { label: 'long password', text: `//Alice///${'p'.repeat(1 << 20)}` },
        { label: 'long hex seed', text: `0x${'ab'.repeat(1 << 19)}` },
        { label: 'long base58', text: '1'.repeat(1 << 20) },
        { label: 'many slashes', text: '/'.repeat(100_000) },
      ),
    },
  );
}
