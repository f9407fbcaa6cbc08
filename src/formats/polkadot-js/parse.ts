import { hexToBytes, isHex } from '../../crypto/bytes.js';
import { CorruptFileError, UnknownFormatError } from '../../errors/file.js';
import { UnsupportedKeyTypeError } from '../../errors/keyType.js';
import { isKeyType, type KeyType } from '../../keys/types.js';
import { base64Decode, isObject, type JsonObject } from '../json.js';

/** How the `encoded` field is locked. */
export type PolkadotJsCipher = 'scrypt' | 'legacy' | 'none';

/** The envelope shared by single-account and batch files, checked field by field. */
export type PolkadotJsEnvelope = {
  /** `encoded`, base64 or hex, as bytes. */
  encoded: Uint8Array;
  cipher: PolkadotJsCipher;
  version: string;
  /** `encoding.content` as written (`["pkcs8", TYPE]`, `["batch-pkcs8"]`, or a legacy string). */
  content: readonly string[];
  /** The original JSON object, kept so unknown fields survive a round trip. */
  json: JsonObject;
};

export type PolkadotJsSingle = PolkadotJsEnvelope & {
  kind: 'single';
  address: string;
  /** The recorded key type; undefined for version 0 and legacy files that do not record it. */
  keyType: KeyType | undefined;
  meta: JsonObject;
};

export type PolkadotJsBatch = PolkadotJsEnvelope & {
  kind: 'batch';
  /** The unauthenticated preview the file carries next to its encrypted list. */
  accounts: { address: string; meta: JsonObject }[];
};

/** Does this JSON value have the shape of a Polkadot{.js} file (single or batch)? Cheap; no validation. */
export function polkadotJsLooksLike(value: unknown): value is JsonObject {
  return isObject(value) && 'encoded' in value && isObject(value['encoding']);
}

/**
 * Validates a parsed Polkadot{.js} file and returns its parts, or throws {@link CorruptFileError}
 * naming the field that is wrong. Nothing is decrypted.
 */
export function polkadotJsParse(value: unknown, file?: string): PolkadotJsSingle | PolkadotJsBatch {
  const corrupt = (reason: string) => new CorruptFileError({ file, reason });
  if (!polkadotJsLooksLike(value)) throw new UnknownFormatError({ file, reason: 'it has no "encoded" and "encoding" fields' });
  const encoding = value['encoding'] as JsonObject;

  const version = encoding['version'] ?? '0';
  if (typeof version !== 'string' && typeof version !== 'number') throw corrupt('"encoding.version" is not a string');

  const rawContent = encoding['content'];
  const content = typeof rawContent === 'string' ? [rawContent] : rawContent;
  if (!Array.isArray(content) || !content.every((c) => typeof c === 'string')) throw corrupt('"encoding.content" is not a list of names');

  const rawType = encoding['type'];
  const type = typeof rawType === 'string' ? [rawType] : rawType;
  if (!Array.isArray(type) || !type.every((t) => typeof t === 'string')) throw corrupt('"encoding.type" is not a list of names');
  const cipher: PolkadotJsCipher = type.includes('scrypt')
    ? 'scrypt'
    : type.includes('xsalsa20-poly1305')
      ? 'legacy'
      : type.length === 1 && type[0] === 'none'
        ? 'none'
        : (() => {
            throw new UnknownFormatError({ file, reason: `its encryption "${type.join(',').slice(0, 40)}" is not one Polkadot{.js} uses` });
          })();
  if (cipher === 'scrypt' && !type.includes('xsalsa20-poly1305')) throw corrupt('"encoding.type" names scrypt without xsalsa20-poly1305');

  const encodedText = value['encoded'];
  if (typeof encodedText !== 'string') throw corrupt('"encoded" is not a string');
  const encoded = isHex(encodedText) ? hexToBytes(encodedText) : base64Decode(encodedText);
  if (encoded === undefined) throw corrupt('"encoded" is neither base64 nor 0x hex');

  const envelope = { encoded, cipher, version: String(version), content: content as string[], json: value };

  if (content[0] === 'batch-pkcs8') {
    const accounts = value['accounts'] ?? [];
    if (!Array.isArray(accounts)) throw corrupt('"accounts" is not a list');
    return {
      ...envelope,
      kind: 'batch',
      accounts: accounts.map((a: unknown) => ({
        address: isObject(a) && typeof a['address'] === 'string' ? a['address'] : '',
        meta: isObject(a) && isObject(a['meta']) ? a['meta'] : {},
      })),
    };
  }

  if (envelope.version === '3' && content[0] !== 'pkcs8') {
    throw new UnknownFormatError({ file, reason: `its content "${String(content[0]).slice(0, 40)}" is not a pkcs8 key` });
  }
  const address = value['address'];
  if (typeof address !== 'string' || address.length === 0) throw corrupt('"address" is missing');
  const meta = value['meta'] ?? {};
  if (!isObject(meta)) throw corrupt('"meta" is not an object');
  // Version 0 and a non-list content do not record the key type (Polkadot{.js} falls back to the keyring's default).
  const recorded = envelope.version === '0' || !Array.isArray(rawContent) ? undefined : content[1];
  // Another wallet's key type in the same format (SubWallet's TON, Cardano, Bitcoin): named, never read as a Polkadot key.
  if (recorded !== undefined && !isKeyType(recorded)) throw new UnsupportedKeyTypeError({ where: file, keyType: recorded });
  return { ...envelope, kind: 'single', address, keyType: recorded, meta };
}
