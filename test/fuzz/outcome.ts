/**
 * The property every fuzzed call must satisfy, and the bookkeeping that reports it.
 *
 * A call ends in a result or in an instance of keepsake's `BaseError` — never a TypeError,
 * RangeError or other foreign error, never a hang (each call is raced against CALL_TIMEOUT_MS and
 * its duration measured), never a KDF over the caps (see kdf-log.ts), and no secret in any message
 * (the error's message, hints and details, and every error a result reports per entry).
 *
 * Failures are collected instead of thrown, so one run reports every distinct problem (grouped by
 * a signature: kind, error, message shape, first src/ frame) with its shortest input, rather than
 * stopping at the first.
 */
import { BaseError } from '../../src/errors/base.js';
import { CALL_TIMEOUT_MS } from './config.js';
import { kdfLog } from './kdf-log.js';

export type Input = { label: string; text?: string };

type Failure = { kind: string; signature: string; count: number; example: Input; detail: string };

type TargetStats = { runs: number; results: number; errors: Map<string, number>; slowestMs: number; failures: Map<string, Failure> };

const TIMEOUT = Symbol('timeout');

/** Text of an input for a report: short inputs whole, long ones cut with their length. */
export function show(text: string | undefined, max = 300): string {
  if (text === undefined) return '(no text)';
  const clipped = text.length > max ? `${text.slice(0, max / 2)} … ${text.slice(-max / 4)} (${text.length} chars)` : text;
  return JSON.stringify(clipped);
}

/** The first stack frame in keepsake's own code: where a foreign error came from. */
function srcFrame(err: unknown): string {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const line = stack.split('\n').find((l) => l.includes('/src/') && !l.includes('node_modules'));
  const m = line?.match(/(src\/[^):]+:\d+)/);
  return m?.[1] ?? stack.split('\n')[1]?.trim() ?? 'no stack';
}

/** Every message a value carries: an error's own, and those of errors reported inside a result. */
function messagesOf(
  value: unknown,
  out: { text: string; foreign?: string }[] = [],
  seen = new Set<unknown>(),
  depth = 0,
): { text: string; foreign?: string }[] {
  if (value === null || typeof value !== 'object' || seen.has(value) || depth > 12) return out;
  seen.add(value);
  if (value instanceof BaseError) {
    out.push({ text: [value.message, value.fullMessage, ...value.hints].join('\n') });
    return out;
  }
  if (value instanceof Error) {
    out.push({ text: value.message, foreign: `${value.name}: ${value.message}` });
    return out;
  }
  if (value instanceof Uint8Array) return out;
  const o = value as Record<string, unknown>;
  if (typeof o['message'] === 'string' && typeof o['name'] === 'string') out.push({ text: o['message'] });
  for (const v of Array.isArray(value) ? value : Object.values(o)) messagesOf(v, out, seen, depth + 1);
  return out;
}

/** Collects outcomes of fuzzed calls per target. */
export class FuzzStats {
  private readonly targets = new Map<string, TargetStats>();

  private of(target: string): TargetStats {
    let t = this.targets.get(target);
    if (t === undefined) this.targets.set(target, (t = { runs: 0, results: 0, errors: new Map(), slowestMs: 0, failures: new Map() }));
    return t;
  }

  /** Records a failure found by a check outside {@link probe} (e.g. the vault changed by a failed import). */
  report(target: string, kind: string, key: string, input: Input, detail: string): void {
    this.fail(this.of(target), kind, key, input, detail);
  }

  private fail(t: TargetStats, kind: string, key: string, input: Input, detail: string): void {
    const signature = `${kind} ${key}`;
    const f = t.failures.get(signature);
    if (f === undefined) t.failures.set(signature, { kind, signature, count: 1, example: input, detail });
    else {
      f.count++;
      if ((input.text?.length ?? 0) < (f.example.text?.length ?? 0)) {
        f.example = input;
        f.detail = detail;
      }
    }
  }

  /**
   * Runs one call and checks its outcome. `secrets` are strings no message may contain
   * (strings shorter than 6 characters are ignored: they occur in ordinary words).
   */
  async probe(target: string, input: Input, call: () => unknown, secrets: readonly string[], timeoutMs: number = CALL_TIMEOUT_MS): Promise<unknown> {
    const t = this.of(target);
    t.runs++;
    const overBefore = kdfLog.overCap.length;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let value: unknown;
    let error: unknown;
    let threw = false;
    try {
      value = await Promise.race([
        Promise.resolve().then(call),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(TIMEOUT), timeoutMs);
        }),
      ]);
    } catch (err) {
      threw = true;
      error = err;
    } finally {
      clearTimeout(timer);
    }
    const ms = performance.now() - started;
    t.slowestMs = Math.max(t.slowestMs, ms);

    if (kdfLog.overCap.length > overBefore)
      this.fail(t, 'kdf-over-cap', kdfLog.overCap.slice(overBefore).join('; '), input, 'a KDF was run with parameters over the caps');
    if (threw && error === TIMEOUT) {
      this.fail(t, 'hang', `no answer within ${timeoutMs} ms`, input, 'the call did not end');
      return undefined;
    }
    if (ms > timeoutMs) this.fail(t, 'hang', `took ${Math.round(ms / 1000)} s (synchronous)`, input, `the call blocked for ${Math.round(ms)} ms`);

    let messages: { text: string; foreign?: string }[];
    if (threw) {
      if (!(error instanceof BaseError)) {
        const e = error as { name?: unknown; message?: unknown; code?: unknown };
        const name = error instanceof Error ? error.name : typeof error;
        const message = String(e?.message ?? error)
          .replace(/\d+/g, 'N')
          .slice(0, 100);
        this.fail(
          t,
          'foreign-error',
          `${name}${e?.code ? ` [${String(e.code)}]` : ''}: ${message} @ ${srcFrame(error)}`,
          input,
          `${name}: ${String(e?.message ?? error)}\n${error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : ''}`,
        );
        t.errors.set(`(foreign) ${name}`, (t.errors.get(`(foreign) ${name}`) ?? 0) + 1);
        return undefined;
      }
      t.errors.set(error.name, (t.errors.get(error.name) ?? 0) + 1);
      messages = messagesOf(error);
    } else {
      t.results++;
      messages = messagesOf(value);
    }
    for (const m of messages) {
      if (m.foreign !== undefined) this.fail(t, 'foreign-error-in-result', m.foreign.replace(/\d+/g, 'N').slice(0, 100), input, m.foreign);
      for (const s of secrets) {
        if (s.length >= 6 && m.text.includes(s)) this.fail(t, 'secret-in-message', `${show(s, 40)}`, input, `message: ${show(m.text, 400)}`);
      }
    }
    return threw ? undefined : value;
  }

  /** Distinct failures of one target, as readable lines (empty when the property held). */
  failures(target: string): string[] {
    const t = this.targets.get(target);
    if (t === undefined) return [];
    return [...t.failures.values()].map(
      (f) => `${f.signature}\n    ${f.count}× — shortest input (${f.example.label}): ${show(f.example.text)}\n    ${f.detail.split('\n').join('\n    ')}`,
    );
  }

  /** All failures, for the end-of-run summary. */
  allFailures(): { target: string; signature: string; count: number; label: string; text: string | undefined; detail: string }[] {
    return [...this.targets.entries()].flatMap(([target, t]) =>
      [...t.failures.values()].map((f) => ({ target, signature: f.signature, count: f.count, label: f.example.label, text: f.example.text, detail: f.detail })),
    );
  }

  /** One line per target: runs, results, errors by class, slowest call, failures. */
  summary(): string {
    const lines = [...this.targets.entries()].map(([target, t]) => {
      const errors = [...t.errors.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([n, c]) => `${n} ${c}`)
        .join(', ');
      return `${target}: ${t.runs} runs, ${t.results} results, errors {${errors}}, slowest ${Math.round(t.slowestMs)} ms, ${t.failures.size} distinct failures`;
    });
    const total = [...this.targets.values()].reduce((n, t) => n + t.runs, 0);
    const failures = [...this.targets.values()].reduce((n, t) => n + t.failures.size, 0);
    lines.push(
      `TOTAL: ${total} inputs, ${failures} distinct failures; KDF calls: scrypt ${kdfLog.scrypt}, pbkdf2 ${kdfLog.pbkdf2}; largest scrypt ${Math.round(kdfLog.maxScryptBytes / 2 ** 20)} MiB, largest PBKDF2 ${kdfLog.maxPbkdf2} rounds; over the caps: ${kdfLog.overCap.length}`,
    );
    return lines.join('\n');
  }
}
