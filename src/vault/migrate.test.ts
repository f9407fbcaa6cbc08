/**
 * The migration runner: versions must strictly increase, and a vault made by an older keepsake is
 * brought up to date with its rows intact. The 0050 upgrade test pins what that migration writes
 * against the oracle (@polkadot/util-crypto), so a change in the live address code it calls cannot
 * silently change how old vaults are upgraded.
 */
import { encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { VaultTooNewError } from '../errors/vault.js';
import { MIGRATIONS, migrationsCheck, SCHEMA_VERSION, vaultMigrate, type Migration } from './migrate.js';

const noop = () => {};

describe('migrationsCheck', () => {
  it("accepts keepsake's own list, which ends at SCHEMA_VERSION", () => {
    expect(() => migrationsCheck(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.at(-1)!.version).toBe(SCHEMA_VERSION);
  });

  it('refuses versions out of order, a repeated version, and an empty list', () => {
    expect(() =>
      migrationsCheck([
        { version: 10, up: noop },
        { version: 30, up: noop },
        { version: 20, up: noop },
      ]),
    ).toThrow(/migration 20 comes after 30/);
    expect(() =>
      migrationsCheck([
        { version: 10, up: noop },
        { version: 10, up: noop },
      ]),
    ).toThrow(/migration 10 comes after 10/);
    expect(() => migrationsCheck([])).toThrow(/no vault migrations/);
  });

  it('vaultMigrate refuses such a list before running any step', () => {
    const db = new Database(':memory:');
    let ran = 0;
    const bad: Migration[] = [
      { version: 20, up: () => ran++ },
      { version: 10, up: () => ran++ },
    ];
    expect(() => vaultMigrate(db, 'test.db', bad)).toThrow(/versions must strictly increase/);
    expect(ran).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});

describe('vaultMigrate', () => {
  it('refuses a vault newer than the code', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 10}`);
    expect(() => vaultMigrate(db, 'test.db')).toThrow(VaultTooNewError);
    db.close();
  });

  it('upgrades a vault built from the 0040 schema: every account gets its address in its network format (0050)', () => {
    const db = new Database(':memory:');
    vaultMigrate(
      db,
      'test.db',
      MIGRATIONS.filter((m) => m.version <= 40),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    const alice = Buffer.from('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'hex');
    const eth = Buffer.from('d8da6bf26964af9d7eed9e03e53415d37aa96045', 'hex');
    const insert = db.prepare(
      'INSERT INTO accounts (public_key, account_id, type, name, ss58_prefix, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1)',
    );
    insert.run(alice, alice, 'sr25519', 'Alice on Polkadot', 0, 'test');
    insert.run(Buffer.concat([alice, Buffer.from([1])]), alice, 'ed25519', 'Alice generic', 42, 'test');
    insert.run(Buffer.concat([eth, Buffer.alloc(13)]), eth, 'ethereum', 'Ethereum', 42, 'test');
    vaultMigrate(db, 'test.db');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const rows = db.prepare('SELECT name, address FROM accounts ORDER BY id').all() as { name: string; address: string }[];
    expect(rows).toEqual([
      { name: 'Alice on Polkadot', address: encodeAddress(alice, 0) },
      { name: 'Alice generic', address: encodeAddress(alice, 42) },
      { name: 'Ethereum', address: ethereumEncode(eth) },
    ]);
    // The values the oracle gives, written out: what an upgraded vault holds does not depend on any code.
    expect(rows.map((r) => r.address)).toEqual([
      '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
      '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
    ]);
    db.close();
  });
});

describe('0060: Concordium items sealed', () => {
  it("keeps every item, readable until sealed, with its listing; an identity key becomes a hash; the export's unknown fields become an item", async () => {
    const { desktopExportData } = await import('../../test/support/concordium.js');
    const d = desktopExportData({ tag: 'M' });
    const db = new Database(':memory:');
    vaultMigrate(
      db,
      ':memory:',
      MIGRATIONS.filter((m) => m.version <= 50),
    );
    const insert = db.prepare('INSERT INTO concordium_items (collection, item_key, name, original) VALUES (?, ?, ?, ?)');
    insert.run('identities', String(d.identities[0]!['identityObject']), 'Renamed identity', JSON.stringify(d.identities[0]));
    insert.run('accounts', String(d.accounts[0]!['address']), d.accounts[0]!['name'], JSON.stringify(d.accounts[0]));
    db.prepare("INSERT INTO settings (key, value) VALUES ('concordium.rest', ?)").run('{"future":1}');
    vaultMigrate(db, ':memory:');
    const rows = db
      .prepare('SELECT collection, item_key, name, status, provider, link, number, seal_id, sealed, original FROM concordium_items ORDER BY id')
      .all() as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      collection: 'identities',
      name: 'Renamed identity',
      status: 'confirmed',
      provider: 'Notabene (Staging)',
      link: '1',
      number: '0',
      seal_id: null,
      sealed: null,
    });
    expect(rows[0]!['item_key']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(rows[0]!['original'] as string)).toEqual(d.identities[0]);
    expect(rows[1]).toMatchObject({ collection: 'accounts', item_key: d.accounts[0]!['address'], link: '1' });
    expect(rows[2]).toMatchObject({ collection: 'rest', item_key: 'rest', original: '{"future":1}' });
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'concordium.rest'").get()).toEqual({ n: 0 });
    // A row can be sealed or readable, never both or neither.
    expect(() => db.prepare("UPDATE concordium_items SET original = NULL WHERE collection = 'rest'").run()).toThrow(/CHECK/);
  });
});
