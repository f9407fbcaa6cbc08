import { vaultStatement, type Vault } from './open.js';

/** An identity row: its phrase only ever as `sealed` JSON (see formats/identity-seal.ts). */
export type IdentityRow = { id: number; name: string; sealed: string; failedAttempts: number; lockedUntil: number; createdAt: number };

type Raw = { id: number; name: string; sealed: string; failed_attempts: number; locked_until: number; created_at: number };

const fromRaw = (r: Raw): IdentityRow => ({
  id: r.id,
  name: r.name,
  sealed: r.sealed,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export function identitiesAll(vault: Vault): IdentityRow[] {
  return (vaultStatement(vault, 'SELECT * FROM identities ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function identitiesCount(vault: Vault): number {
  return (vaultStatement(vault, 'SELECT count(*) AS n FROM identities').get() as { n: number }).n;
}

export function identityById(vault: Vault, id: number): IdentityRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM identities WHERE id = ?').get(id) as Raw | undefined;
  return r && fromRaw(r);
}

export function identityByName(vault: Vault, name: string): IdentityRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM identities WHERE name = ?').get(name) as Raw | undefined;
  return r && fromRaw(r);
}

export function identityInsert(vault: Vault, name: string, sealed: string, now = Date.now()): number {
  return Number(
    vaultStatement(vault, 'INSERT INTO identities (name, sealed, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, sealed, now, now).lastInsertRowid,
  );
}

/**
 * Counts one PIN try (atomically) and returns how many there have been in a row. A try is counted
 * before its PIN is checked (see `identityUnlock`), so this is also the count of tries in flight.
 */
export function identityPinFailed(vault: Vault, id: number): number {
  return (
    vaultStatement(vault, 'UPDATE identities SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts').get(id) as {
      failed_attempts: number;
    }
  ).failed_attempts;
}

/** The time before which the next PIN try is refused. */
export function identityLockUntil(vault: Vault, id: number, lockedUntil: number): void {
  vaultStatement(vault, 'UPDATE identities SET locked_until = max(locked_until, ?) WHERE id = ?').run(lockedUntil, id);
}

/** Sets the wrong-PIN count and the lock time as they are (after a right PIN, or when a backup brings a higher count). */
export function identityPinSet(vault: Vault, id: number, failedAttempts: number, lockedUntil: number): void {
  vaultStatement(vault, 'UPDATE identities SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
}

/** Gives an identity another name (the caller has checked that no other identity has it). */
export function identityNameSet(vault: Vault, id: number, name: string, now = Date.now()): void {
  vaultStatement(vault, 'UPDATE identities SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
}

/**
 * Deletes an identity row, its sealed phrase with it. Its accounts must be gone first (the foreign
 * key is ON DELETE RESTRICT, so a forgotten account fails the transaction instead of dangling).
 */
export function identityDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM identities WHERE id = ?').run(id);
}
