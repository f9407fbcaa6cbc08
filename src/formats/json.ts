import { CorruptFileError, EmptyFileError, NotJsonError, TruncatedFileError } from '../errors/file.js';

export type JsonObject = { [key: string]: unknown };

/** Deeper than any wallet file nests (they use a handful of levels); deeper input is refused unparsed. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON text; anything that is not JSON becomes {@link NotJsonError} — except an empty file
 * ({@link EmptyFileError}) and JSON that stops before its end ({@link TruncatedFileError}: the right
 * file, copied or downloaded in part). JSON nested deeper than {@link MAX_JSON_DEPTH} is a
 * {@link CorruptFileError}, so no later `JSON.stringify` or recursive walk of file content can
 * overflow the stack.
 */
export function jsonParse(text: string, file?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new EmptyFileError({ file, size: Buffer.byteLength(text) });
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    throw new CorruptFileError({ file, reason: 'its JSON is nested too deeply to be a wallet file' });
  }
  try {
    return JSON.parse(body);
  } catch (err) {
    // A pathological nesting depth overflows the parser's stack: damaged, not "not JSON".
    if (err instanceof RangeError) throw new CorruptFileError({ file, reason: 'its JSON is nested too deeply to be a wallet file' });
    if (jsonCutOff(body)) throw new TruncatedFileError({ file, size: Buffer.byteLength(text) });
    throw new NotJsonError({ file });
  }
}

/** Thrown inside {@link jsonCutOff}'s scan: the text ended (a prefix of JSON) or broke the grammar. */
const END = Symbol('end');
const BAD = Symbol('bad');

/**
 * Whether `text` is the start of a JSON text that stops before its end: every character up to the
 * last is what JSON allows there (RFC 8259), and a value is still open. A file cut off in a download
 * or a copy looks like this; a file that is not JSON, or JSON followed by anything but blank space, does not.
 * The caller bounds the nesting depth ({@link MAX_JSON_DEPTH}), which bounds the recursion here.
 */
export function jsonCutOff(text: string): boolean {
  let i = 0;
  const peek = (): string => {
    if (i >= text.length) throw END;
    return text[i]!;
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (c: string) => {
    if (peek() !== c) throw BAD;
    i++;
  };
  const digits = () => {
    if (!/[0-9]/.test(peek())) throw BAD;
    while (i < text.length && /[0-9]/.test(text[i]!)) i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = peek();
      i++;
      if (c === '"') return;
      if (c < ' ') throw BAD;
      if (c !== '\\') continue;
      const escape = peek();
      i++;
      if (escape === 'u') {
        for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(peek())) throw BAD;
      } else if (!'"\\/bfnrt'.includes(escape)) throw BAD;
    }
  };
  const number = () => {
    if (peek() === '-') i++;
    if (peek() === '0') i++;
    else digits();
    // A number may end the text (a top-level value): what follows is optional, so look without `peek`.
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (peek() === '+' || peek() === '-') i++;
      digits();
    }
  };
  const container = (close: '}' | ']') => {
    i++;
    space();
    if (peek() === close) {
      i++;
      return;
    }
    for (;;) {
      if (close === '}') {
        space();
        string();
        space();
        expect(':');
      }
      value();
      space();
      const next = peek();
      i++;
      if (next === close) return;
      if (next !== ',') throw BAD;
    }
  };
  const value = (): void => {
    space();
    const c = peek();
    if (c === '{') return container('}');
    if (c === '[') return container(']');
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    const word = ['true', 'false', 'null'].find((w) => w[0] === c);
    if (word === undefined) throw BAD;
    for (const letter of word) expect(letter);
  };
  try {
    value();
    space();
    return false; // a whole value (then anything else): not cut off
  } catch (err) {
    if (err === END) return true;
    if (err === BAD) return false;
    throw err;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (standard alphabet, padding optional) → bytes, or undefined if it is not base64. */
export function base64Decode(text: string): Uint8Array | undefined {
  if (!BASE64.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  const b = Buffer.from(text, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export function base64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The deepest nesting of `[`/`{` in JSON text (strings skipped), without parsing it. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** A short, safe description of an untrusted value for a message (never a deep serialisation). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 30));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}
