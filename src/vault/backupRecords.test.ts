/**
 * The backup records tables (migration 0070): one record per SHA-256, covers added without
 * duplicates, a cover's verify time kept when a later write says nothing of it, and a record's
 * covers going with it.
 */
import { describe, expect, it } from 'vitest';
import { vaultsForFile } from '../../test/support/vaults.js';
import { backupCoversAdd, backupCoversAll, backupRecordBySha256, backupRecordInsert, backupRecordsAll, backupRecordUpdate } from './backupRecords.js';
import { vaultStatement } from './open.js';

const freshVault = vaultsForFile('backup-records');
const SHA = 'ab'.repeat(32);
const record = { sha256: SHA, path: '/tmp/a.json', name: 'a.json', size: 10, format: 'polkadot-js-single', createdAt: 1000, verifiedAt: null };

describe('backupRecords', () => {
  it('stores a record and finds it by SHA-256; a second record with the same SHA-256 is refused', () => {
    const vault = freshVault();
    const id = backupRecordInsert(vault, record);
    expect(backupRecordBySha256(vault, SHA)).toEqual({ id, ...record });
    expect(() => backupRecordInsert(vault, record)).toThrow(/UNIQUE/);
    expect(() => backupRecordInsert(vault, { ...record, sha256: 'short' })).toThrow(/CHECK/);
    backupRecordUpdate(vault, id, { path: null, name: 'b.json', verifiedAt: 2000 });
    expect(backupRecordsAll(vault)).toEqual([{ id, ...record, path: null, name: 'b.json', verifiedAt: 2000 }]);
  });

  it('adds covers once each, keeps a verify time a later add does not give, and drops them with their record', () => {
    const vault = freshVault();
    const id = backupRecordInsert(vault, record);
    backupCoversAdd(vault, id, [{ kind: 'account', item: '01' }], 5000);
    backupCoversAdd(
      vault,
      id,
      [
        { kind: 'account', item: '01' },
        { kind: 'identity', item: '02' },
      ],
      null,
    );
    const covers = backupCoversAll(vault).map((c) => [c.kind, c.item, c.coverVerifiedAt, c.sha256]);
    expect(covers.sort()).toEqual([
      ['account', '01', 5000, SHA],
      ['identity', '02', null, SHA],
    ]);
    expect(() => backupCoversAdd(vault, id, [{ kind: 'address' as 'account', item: '03' }], null)).toThrow(/CHECK/);
    vaultStatement(vault, 'DELETE FROM backup_records WHERE id = ?').run(id);
    expect(backupCoversAll(vault)).toEqual([]);
  });
});
