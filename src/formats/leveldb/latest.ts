import { bytesToHex } from '../../crypto/bytes.js';
import type { LeveldbRecord } from './types.js';

/**
 * The store as LevelDB would read it: for each key (its bytes as 0x-prefixed lower-case hex, keepsake's `bytesToHex`), the record with the highest
 * sequence number, a deletion (value null) when the key is deleted now. LevelDB orders versions of a
 * key by sequence alone (`db/dbformat.cc` InternalKeyComparator), whichever file holds them. Two
 * records of one sequence are the same write found twice (a .log not yet removed after its table was
 * written); the first found is kept.
 *
 * @example
 * const live = [...leveldbLatest(records).values()].filter((r) => r.value !== null);
 */
export function leveldbLatest(records: readonly LeveldbRecord[]): Map<string, LeveldbRecord> {
  const latest = new Map<string, LeveldbRecord>();
  for (const record of records) {
    const key = bytesToHex(record.key);
    const seen = latest.get(key);
    if (seen === undefined || record.sequence > seen.sequence) latest.set(key, record);
  }
  return latest;
}
