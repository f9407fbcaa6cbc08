/**
 * The input files of the `inspect` and `verify` end-to-end tests: the Polkadot{.js} and keystore
 * vectors, and damaged copies of one of them.
 */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { assertBuilt, sandbox, type Sandbox } from '../../support/cli.js';
import { type JsonObject, loadVectors } from '../../support/vectors.js';

export type { JsonObject };
const polkadotVectors = loadVectors('polkadot-js');
const keystoreVector = loadVectors('ethereum-keystore');

/** The four json vectors, by a short name used for their files. */
export const VECTOR_FILES = polkadotVectors.json.map((v) => {
  const version = (v.file['encoding'] as JsonObject)['version'] as string;
  return { ...v, name: `${v.keyType}-v${version}`, json: `${v.keyType}-v${version}.json`, pw: `${v.keyType}-v${version}.pw` };
});

/** A password found in no file and no message, to prove it never shows. */
export const WRONG_PASSWORD = 'Hunter2-wrong-pässword';
/** //Alice: a valid address that is not the key's. */
export const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/**
 * Every input the tests need, as file name → text. Damaged files start from the sr25519 version 3
 * vector with its name changed (the vector's name is its password, which must then never be printed).
 */
export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const v of VECTOR_FILES) {
    files[v.json] = JSON.stringify(v.file, null, 2);
    files[v.pw] = `${v.password}\n`;
  }
  const base = VECTOR_FILES.find((v) => v.name === 'sr25519-v3')!;
  const good: JsonObject = { ...base.file, meta: { ...(base.file['meta'] as JsonObject), name: 'e2e account' } };
  const encoded = Buffer.from(good['encoded'] as string, 'base64');
  const withEncoded = (bytes: Buffer) => JSON.stringify({ ...good, encoded: bytes.toString('base64') });
  const withParams = (N: number, p: number, r: number) => {
    const b = Buffer.from(encoded);
    b.writeUInt32LE(N, 32);
    b.writeUInt32LE(p, 36);
    b.writeUInt32LE(r, 40);
    return withEncoded(b);
  };
  const altered = Buffer.from(encoded);
  altered[altered.length - 3]! ^= 0x10;
  const text = JSON.stringify(good);

  files['good.json'] = text;
  files['good.pw'] = `${base.password}\n`;
  files['good-crlf.pw'] = `${base.password}\r\nsecond line is not read\r\n`;
  files['wrong.pw'] = `${WRONG_PASSWORD}\n`;
  files['tampered-ciphertext.json'] = withEncoded(altered);
  files['truncated-encoded.json'] = withEncoded(encoded.subarray(0, 100));
  files['truncated-header.json'] = withEncoded(encoded.subarray(0, 40));
  files['truncated-text.json'] = text.slice(0, Math.floor(text.length / 2));
  files['kdf-n21.json'] = withParams(1 << 21, 1, 8);
  files['kdf-r17.json'] = withParams(1 << 15, 1, 17);
  files['kdf-p5.json'] = withParams(1 << 15, 5, 8);
  files['kdf-unsupported.json'] = withParams(1 << 14, 1, 8);
  files['address-mismatch.json'] = JSON.stringify({ ...good, address: ALICE });
  files['address-invalid.json'] = JSON.stringify({ ...good, address: ALICE.slice(0, -1) + 'Z' });
  files['encoded-number.json'] = JSON.stringify({ ...good, encoded: 12345 });
  files['meta-string.json'] = JSON.stringify({ ...good, meta: 'e2e account' });
  files['content-number.json'] = JSON.stringify({ ...good, encoding: { ...(good['encoding'] as JsonObject), content: 3 } });
  files['unknown.json'] = JSON.stringify({ hello: 'world', accounts: [] });
  files['empty-list.json'] = '[]';
  files['not-json.txt'] = 'this is a text file, not a wallet backup\n';
  files['binary.bin'] = '\u0000\u0001PK\u0003\u0004\u00ff garbage';
  files['keystore.json'] = JSON.stringify(keystoreVector.file);
  return files;
}

/**
 * The folder of {@link fixtureFiles} that a test file's inspect or verify runs read, made once for the
 * file (`dist/` must be built), its vault named by `$KEEPSAKE_VAULT` as a script would.
 */
export async function fixtureSandbox(): Promise<Sandbox> {
  assertBuilt();
  return sandbox({ manual: true, vaultFromEnv: true, files: fixtureFiles() });
}

/**
 * Removes the folder of {@link fixtureSandbox}, once checked that no run made the vault: inspect never
 * needs it, and verify decrypts without importing.
 */
export async function fixtureSandboxRemove(box: Sandbox): Promise<void> {
  expect(existsSync(box.vault)).toBe(false);
  await box.remove();
}
