import { jsonDecrypt } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../crypto/bytes.js';
import { BaseError } from '../../errors/base.js';
import { CorruptFileError, UnknownFormatError } from '../../errors/file.js';
import { WrongPasswordError } from '../../errors/password.js';
import type { JsonObject } from '../json.js';
import { polkadotJsBatchOpen, polkadotJsBatchWrite } from './batch.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from './encrypt.js';
import { SCRYPT_COMPAT } from './kdf.js';
import { polkadotJsOpen } from './open.js';
import { polkadotJsParse, type PolkadotJsBatch } from './parse.js';
import { rejection } from '../../../test/support/rejection.js';
import { loadVectors } from '../../../test/support/vectors.js';

type JsonVector = { password: string; keyType: string; expectedPublicKey: string; file: JsonObject };
const vectors = loadVectors<{ json: JsonVector[] }>('polkadot-js');

async function batchOf(inner: string, password: string): Promise<PolkadotJsBatch> {
  const encoded = await polkadotJsEncrypt(utf8(inner), password, { params: SCRYPT_COMPAT });
  const parsed = polkadotJsParse({ encoded, encoding: polkadotJsEncoding(['batch-pkcs8']), accounts: [] });
  if (parsed.kind !== 'batch') throw new Error('expected a batch file');
  return parsed;
}

describe('polkadotJsBatchOpen', () => {
  it('lists the entries, each still locked with its own password, and reports bad ones in place', async () => {
    const nested = { encoded: '', encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' } };
    const inner = JSON.stringify([...vectors.json.map((v) => v.file), { hello: 1 }, nested, { ...vectors.json[0]!.file, meta: 'x' }]);
    const batch = await batchOf(inner, 'batch password');
    const entries = await polkadotJsBatchOpen(batch, 'batch password', { file: 'all.json' });
    expect(entries).toHaveLength(vectors.json.length + 3);
    for (const [i, v] of vectors.json.entries()) {
      const entry = entries[i]!;
      expect(entry.index).toBe(i);
      expect(entry.error).toBeUndefined();
      // Each entry opens with its own password, not the batch's.
      const opened = await polkadotJsOpen(entry.file!, v.password);
      expect(opened.type).toBe(v.keyType);
    }
    const [unknown, nestedBatch, badMeta] = entries.slice(vectors.json.length);
    expect(unknown!.error).toBeInstanceOf(UnknownFormatError);
    expect(nestedBatch!.error).toBeInstanceOf(CorruptFileError);
    expect(nestedBatch!.error!.message).toContain('itself a batch');
    expect(badMeta!.error).toBeInstanceOf(CorruptFileError);
  });

  it('WrongPasswordError for a wrong batch password', async () => {
    const batch = await batchOf('[]', 'right');
    const err = await rejection(polkadotJsBatchOpen(batch, 'wrong', { file: 'all.json' }));
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as Error).message).toContain('all.json');
  });

  it('refuses a batch that decrypts to something other than a list of accounts', async () => {
    expect(await rejection(polkadotJsBatchOpen(await batchOf('{"a":1}', 'pw'), 'pw'))).toBeInstanceOf(CorruptFileError);
    // Today NotJsonError, whose text ("not a JSON file") fits the file badly once its outer layer decrypted; pin only that it is keepsake's own.
    expect(await rejection(polkadotJsBatchOpen(await batchOf('not json', 'pw'), 'pw'))).toBeInstanceOf(BaseError);
  });
});

describe('polkadotJsBatchWrite', () => {
  it("writes the extension's batch: the oracle decrypts the list, the addresses and metas are in the clear, keepsake reads it back", async () => {
    const files = vectors.json.map((v) => v.file);
    const batch = await polkadotJsBatchWrite(files, 'batch password', { params: SCRYPT_COMPAT });
    expect(Object.keys(batch)).toEqual(['encoded', 'encoding', 'accounts']);
    expect(batch['encoding']).toEqual({ content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
    expect(batch['accounts']).toEqual(files.map((f) => ({ address: f['address'], meta: f['meta'] })));
    const plain = jsonDecrypt(batch as unknown as Parameters<typeof jsonDecrypt>[0], 'batch password');
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual(files);
    const parsed = polkadotJsParse(batch);
    if (parsed.kind !== 'batch') throw new Error('expected a batch file');
    const entries = await polkadotJsBatchOpen(parsed, 'batch password');
    expect(entries.map((e) => e.json)).toEqual(files);
  });
});
