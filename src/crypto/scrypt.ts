import { scrypt as nodeScrypt } from 'node:crypto';
import { KdfParamsTooLargeError } from '../errors/kdf.js';

export type ScryptParams = { N: number; r: number; p: number };

/** Caps for scrypt parameters read from untrusted files (DESIGN.md): memory is 128·N·r bytes. */
export const SCRYPT_LIMITS = { N: 1 << 20, r: 16, p: 4 } as const;

/**
 * Work bound (N·r·p) for keepsake's own sealed formats (identity phrases, whole-wallet backups): twice
 * what keepsake writes for a PIN (2^18·8·1), so a tampered file cannot make one unlock take minutes.
 */
export const KEEPSAKE_MAX_COST = 1 << 22;

const MiB = 1024 * 1024;

/**
 * The largest table (128·N·r bytes, RFC 7914 §5 ROMix's V) a file may make one derivation fill:
 * 256 MiB is exactly geth's standard keystore (N=2^18, r=8) and keepsake's own PIN seal; no wallet
 * writes more. N=2^20 with r=8 (1 GiB for a 457-byte file) is refused before any work.
 */
export const SCRYPT_MAX_MEMORY = 256 * MiB;

/**
 * The most memory the p blocks beside that table (128·r·p bytes) may take. Real files stay in KiB
 * (geth "light": p=6, r=8 → 6 KiB); node:crypto refuses a derivation whose blocks do not fit its
 * `maxmem`, so parameters like n=2, r=1, p=2^22 (512 MiB of blocks) are refused here, as damage,
 * rather than surfacing as node's RangeError.
 */
export const SCRYPT_MAX_BLOCKS = 2 * MiB;

/**
 * How much scrypt memory all derivations in flight may hold together, process-wide: two derivations
 * at the largest size a file may ask for (two geth-standard keystores, or four Polkadot{.js} files at
 * N=2^17). Restoring a folder, `mapConcurrent` and the server's parallel requests all wait here, so
 * no number of files or requests holds more than this at once.
 */
export const SCRYPT_MEMORY_BUDGET = 2 * (SCRYPT_MAX_MEMORY + SCRYPT_MAX_BLOCKS);

/**
 * What one reader accepts: N, r (and p) each capped, optionally the work N·r·p and the table 128·N·r.
 * The blocks (128·r·p ≤ {@link SCRYPT_MAX_BLOCKS}) are always checked.
 */
export type ScryptCaps = { N: number; r: number; p?: number; cost?: number; memory?: number };

/** keepsake's own sealed formats (identity seals, whole-wallet backups): every cap, work N·r·p ≤ 2^22 and a 256 MiB table. */
export const KEEPSAKE_SCRYPT_CAPS: ScryptCaps = { ...SCRYPT_LIMITS, cost: KEEPSAKE_MAX_COST, memory: SCRYPT_MAX_MEMORY };

/** What every derivation keepsake runs is held to, whoever asks for it (the readers add their own caps). */
const SCRYPT_CEILING: ScryptCaps = { N: SCRYPT_LIMITS.N, r: SCRYPT_LIMITS.r, memory: SCRYPT_MAX_MEMORY };

/** What RFC 7914 (and node:crypto) accept: N a power of two above 1 and below 2^(16·r), r and p at least 1. */
export function scryptParamsValid({ N, r, p }: ScryptParams): boolean {
  return (
    Number.isSafeInteger(N) && Number.isSafeInteger(r) && Number.isSafeInteger(p) && N > 1 && (N & (N - 1)) === 0 && r >= 1 && p >= 1 && Math.log2(N) < 16 * r
  );
}

/** `N=2^17, r=8, p=1` (N as a power of two when it is one), as messages show parameters. */
export function scryptParamsFormat({ N, r, p }: ScryptParams): string {
  const log = Math.log2(N);
  return `N=${Number.isInteger(log) ? `2^${log}` : N}, r=${r}, p=${p}`;
}

/** Bytes node:crypto (OpenSSL `EVP_PBE_scrypt`) allocates for one derivation: the blocks 128·r·p plus the table 128·r·(N+2). */
export function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2);
}

function mib(bytes: number): string {
  return `${bytes / MiB} MiB`;
}

function capsText(caps: ScryptCaps): string {
  const parts = [`N ≤ 2^${Math.log2(caps.N)}`, `r ≤ ${caps.r}`];
  if (caps.p !== undefined) parts.push(`p ≤ ${caps.p}`);
  if (caps.cost !== undefined) parts.push(`N·r·p ≤ 2^${Math.log2(caps.cost)}`);
  if (caps.memory !== undefined) parts.push(`128·N·r ≤ ${mib(caps.memory)}`);
  return parts.join(', ');
}

/**
 * Refuses, before any work, scrypt parameters over `caps` or whose blocks (128·r·p) would not fit
 * node:crypto's memory limit, with a {@link KdfParamsTooLargeError} naming the parameters and the
 * limit. The one check every reader of untrusted parameters uses (Polkadot{.js} header, Ethereum
 * keystore, identity seal, keepsake backup); each passes its own caps. It does not judge validity
 * (a power-of-two N…): readers report that as damage in their own words, after this.
 *
 * @example
 * scryptCheck({ N: 1 << 20, r: 8, p: 1 }, { N: 1 << 20, r: 16, memory: SCRYPT_MAX_MEMORY }) // throws: 1 GiB
 */
export function scryptCheck(params: ScryptParams, caps: ScryptCaps): void {
  const { N, r, p } = params;
  const over =
    N > caps.N ||
    r > caps.r ||
    (caps.p !== undefined && p > caps.p) ||
    (caps.cost !== undefined && N * r * p > caps.cost) ||
    (caps.memory !== undefined && 128 * N * r > caps.memory);
  if (over) throw new KdfParamsTooLargeError({ kdf: 'scrypt', params: scryptParamsFormat(params), limits: capsText(caps) });
  if (128 * r * p > SCRYPT_MAX_BLOCKS) {
    throw new KdfParamsTooLargeError({ kdf: 'scrypt', params: scryptParamsFormat(params), limits: `128·r·p ≤ ${mib(SCRYPT_MAX_BLOCKS)}` });
  }
}

/**
 * A semaphore counted in bytes: {@link ScryptBudget.run} starts a job once the bytes already in flight
 * plus its own fit the limit. Jobs start in the order they asked (a large one is not overtaken forever
 * by small ones); a job larger than the whole limit runs alone.
 */
export class ScryptBudget {
  readonly limit: number;
  #inFlight = 0;
  #peak = 0;
  readonly #queue: { bytes: number; start: () => void }[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Bytes held by the jobs running now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** The most bytes ever held at once. */
  get peak(): number {
    return this.#peak;
  }

  async run<T>(bytes: number, job: () => Promise<T>): Promise<T> {
    if (this.#queue.length > 0 || !this.#fits(bytes)) await new Promise<void>((start) => this.#queue.push({ bytes, start }));
    else this.#take(bytes);
    try {
      return await job();
    } finally {
      this.#inFlight -= bytes;
      this.#next();
    }
  }

  #fits(bytes: number): boolean {
    return this.#inFlight === 0 || this.#inFlight + bytes <= this.limit;
  }

  #take(bytes: number): void {
    this.#inFlight += bytes;
    this.#peak = Math.max(this.#peak, this.#inFlight);
  }

  #next(): void {
    while (this.#queue.length > 0 && this.#fits(this.#queue[0]!.bytes)) {
      const { bytes, start } = this.#queue.shift()!;
      this.#take(bytes);
      start();
    }
  }
}

/** The process-wide budget every {@link scrypt} call waits on. */
export const scryptBudget = new ScryptBudget(SCRYPT_MEMORY_BUDGET);

/**
 * scrypt (RFC 7914) on node:crypto's native implementation, off the main thread (libuv pool), so
 * several files can be opened in parallel on all cores — within {@link SCRYPT_MEMORY_BUDGET} bytes
 * of scrypt memory in flight, whatever the number of cores, files or requests.
 *
 * Callers check untrusted parameters with {@link scryptCheck} first; every call is also held to
 * N ≤ 2^20, r ≤ 16 and a 256 MiB table here, so no path can ask node for more.
 *
 * @example
 * const key = await scrypt(utf8('pw'), salt, { N: 1 << 17, r: 8, p: 1 }, 64)
 */
export async function scrypt(
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
  dkLen: number,
  budget: ScryptBudget = scryptBudget,
): Promise<Uint8Array> {
  scryptCheck(params, SCRYPT_CEILING);
  const { N, r, p } = params;
  const bytes = scryptMemory(params);
  // Node refuses when its allocation exceeds maxmem (default 32 MiB); give it what the parameters need.
  const maxmem = bytes + MiB;
  return budget.run(
    bytes,
    () =>
      new Promise<Uint8Array>((resolve, reject) => {
        nodeScrypt(password, salt, dkLen, { N, r, p, maxmem }, (err, key) => {
          if (err) reject(err);
          else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
        });
      }),
  );
}
