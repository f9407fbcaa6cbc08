import { CorruptFileError, NotJsonError } from '../errors/file.js';

export type JsonObject = { [key: string]: unknown };

/** Parses JSON text; anything that is not JSON becomes {@link NotJsonError}. */
export function jsonParse(text: string, file?: string): unknown {
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
