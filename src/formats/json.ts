import { CorruptFileError, NotJsonError } from '../errors/file.js';

export type JsonObject = { [key: string]: unknown };

/** Deeper than any wallet file nests (they use a handful of levels); deeper input is refused unparsed. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON text; anything that is not JSON becomes {@link NotJsonError}, and JSON nested deeper
 * than {@link MAX_JSON_DEPTH} a {@link CorruptFileError} — so no later `JSON.stringify` or recursive
 * walk of file content can overflow the stack.
 */
export function jsonParse(text: string, file?: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new CorruptFileError({ ...(file === undefined ? {} : { file }), reason: 'its JSON is nested too deeply to be a wallet file' });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    // A pathological nesting depth overflows the parser's stack: damaged, not "not JSON".
    if (err instanceof RangeError) throw new CorruptFileError({ ...(file === undefined ? {} : { file }), reason: 'its JSON is nested too deeply to be a wallet file' });
    throw new NotJsonError(file === undefined ? {} : { file });
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
