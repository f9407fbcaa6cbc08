import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, utf8, wipe } from '../../crypto/bytes.js';
import { pairFromSuri } from '../../keys/fromSuri.js';
import { schemeLoad } from '../../keys/scheme.js';
import { accountsOfIdentity } from '../../vault/accounts.js';
import { backupCoversAll } from '../../vault/backupRecords.js';
import { identitiesAll, type IdentityRow } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { identityCover } from '../backupCover.js';
import { backupRecordVerified, backupRecordWritten } from '../backupHealth.js';

/**
 * Banana Split shards as backups (backup health, issue 16). A shard is recorded by its TEXT as its
 * .json file holds it — the shard's JSON, trimmed, and one newline ({@link shardRecordText}) — so the
 * record's SHA-256 is the .json file's. A shard read back from its QR image (a .png, a photo, the
 * camera) or pasted decodes to the same JSON, so it finds the same record: a set written as .json
 * and as .png counts once, and either way of giving it back verifies it.
 */
export const SHARD_RECORD_FORMAT = 'banana-split';

/** A shard's text as its .json file holds it (and as it is recorded): trimmed, ending in one newline. */
export function shardRecordText(text: string): string {
  return `${text.trim()}\n`;
}

/** One shard to record: its text, and where it is (null when only its `name` is known: a download, a photo, pasted text). */
export type ShardRecord = { text: string; path: string | null; name?: string };

/**
 * Records the shards a split has just written (each one backs up `identity`), not verified: a split
 * proves nothing about what was printed or saved; a combine of them does.
 *
 * @example
 * identityShardsWritten(vault, identityResolve(vault, 'Phone'), [{ text: shard, path: 'shards/shard-1-of-3.json' }])
 */
export function identityShardsWritten(vault: Vault, identity: IdentityRow, shards: readonly ShardRecord[], now?: number): void {
  shardsRecord(vault, identity, shards, (w) => backupRecordWritten(vault, w), now);
}

/**
 * Marks shards that have just opened with their passphrase (a combine) verified for `identity`: a
 * shard keepsake recorded keeps its record (and its place); any other gets a record of its own.
 */
export function identityShardsVerified(vault: Vault, identity: IdentityRow, shards: readonly ShardRecord[], now?: number): void {
  shardsRecord(vault, identity, shards, (w) => backupRecordVerified(vault, w), now);
}

function shardsRecord(
  vault: Vault,
  identity: IdentityRow,
  shards: readonly ShardRecord[],
  save: (w: Parameters<typeof backupRecordWritten>[1]) => unknown,
  now: number | undefined,
): void {
  const cover = identityCover(identity.sealed);
  if (cover === undefined) return;
  for (const s of shards) {
    save({
      path: s.path,
      ...(s.name === undefined ? {} : { name: s.name }),
      text: shardRecordText(s.text),
      format: SHARD_RECORD_FORMAT,
      covers: [cover],
      ...(now === undefined ? {} : { now }),
    });
  }
}

/**
 * The identity of this vault whose phrase `phrase` is, found without any PIN: an identity with an
 * account derived without a path password is it exactly when the phrase derives that account's key
 * again (one derivation per identity); an identity with no such account is it when one of `shards`
 * is recorded as a backup of it (keepsake split it into these shards). Undefined: none is.
 */
export async function identityOfPhrase(vault: Vault, phrase: string, shards: readonly string[]): Promise<IdentityRow | undefined> {
  const hashes = new Set(shards.map((s) => Buffer.from(sha256(utf8(shardRecordText(s)))).toString('hex')));
  const coveredByShards = new Set(backupCoversAll(vault).flatMap((c) => (hashes.has(c.sha256) && c.kind === 'identity' ? [c.item] : [])));
  for (const row of identitiesAll(vault)) {
    const account = accountsOfIdentity(vault, row.id).find((a) => a.sealedPassword === null);
    if (account === undefined) {
      const cover = identityCover(row.sealed);
      if (cover !== undefined && coveredByShards.has(cover.item)) return row;
      continue;
    }
    const pair = await pairFromSuri(`${phrase}${account.path ?? ''}`, account.type);
    try {
      if (bytesEqual((await schemeLoad(account.type)).accountId(pair.publicKey), account.accountId)) return row;
    } finally {
      wipe(pair.secretKey);
    }
  }
  return undefined;
}
