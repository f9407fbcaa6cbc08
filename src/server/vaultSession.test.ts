import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { VaultInUseError, VaultLockStateError, VaultSessionLockedError, WrongVaultPasswordError } from '../errors/vault.js';
import { vaultEncrypted } from '../vault/cipher.js';
import { vaultClose, vaultOpen } from '../vault/open.js';
import { accountsCount } from '../vault/accounts.js';
import { vaultPasswordSet } from '../wallet/vaultPassword.js';
import { testSecrets } from '../../test/support/secrets.js';
import { rejection } from '../../test/support/rejection.js';
import { VaultSession } from './vaultSession.js';

const S = testSecrets('session', ['vault', 'wrong']);
const dir = mkdtempSync(join(tmpdir(), 'keepsake-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

let n = 0;
/** A new vault file: plain, or locked with S.vault. */
function vaultFile(locked: boolean): string {
  const file = join(dir, `vault-${++n}.sqlite`);
  vaultClose(vaultOpen(file));
  if (locked) vaultPasswordSet(file, S.vault);
  return file;
}

describe('VaultSession', () => {
  it('a plain vault is open for the whole run: nothing to lock, no idle lock', () => {
    vi.useFakeTimers();
    const file = vaultFile(false);
    const session = new VaultSession(file, { vault: vaultOpen(file), idleMs: 1000 });
    expect(session.state).toEqual({ file, encrypted: false, locked: false });
    expect(session.lock()).toEqual({ file, encrypted: false, locked: false });
    vi.advanceTimersByTime(10_000);
    expect(accountsCount(session.vault())).toBe(0);
    session.close();
  });

  it('a locked vault starts closed; a wrong password leaves it closed; the right one opens it; Lock now closes it', async () => {
    const session = new VaultSession(vaultFile(true));
    expect(session.state.locked).toBe(true);
    expect(session.state.encrypted).toBe(true);
    expect(() => session.vault()).toThrow(VaultSessionLockedError);
    expect(await rejection(() => session.unlock(S.wrong))).toBeInstanceOf(WrongVaultPasswordError);
    expect(session.state.locked).toBe(true);
    expect(session.unlock(S.vault)).toMatchObject({ encrypted: true, locked: false });
    expect(accountsCount(session.vault())).toBe(0);
    expect(session.lock().locked).toBe(true);
    expect(() => session.vault()).toThrow(VaultSessionLockedError);
    session.close();
  });

  it('locks itself after idleMs without use; each use starts the idle period again', () => {
    vi.useFakeTimers();
    const session = new VaultSession(vaultFile(true), { idleMs: 1000 });
    session.unlock(S.vault);
    vi.advanceTimersByTime(800);
    session.vault();
    vi.advanceTimersByTime(800);
    expect(session.state.locked).toBe(false);
    vi.advanceTimersByTime(300);
    expect(session.state.locked).toBe(true);
    session.close();
  });

  it('reopenAfter: a change that fails leaves the vault open as it was; one that succeeds opens it with the new password', () => {
    const file = vaultFile(false);
    const session = new VaultSession(file, { vault: vaultOpen(file) });
    expect(() =>
      session.reopenAfter(
        () => {
          throw new VaultInUseError({ file });
        },
        { before: '', after: S.vault },
      ),
    ).toThrow(VaultInUseError);
    expect(session.state).toEqual({ file, encrypted: false, locked: false });
    expect(accountsCount(session.vault())).toBe(0);
    expect(session.reopenAfter(() => vaultPasswordSet(file, S.vault), { before: '', after: S.vault })).toEqual({ file, encrypted: true, locked: false });
    expect(vaultEncrypted(file)).toBe(true);
    // Setting a password on a vault that has one is refused; the session keeps it open.
    expect(() => session.reopenAfter(() => vaultPasswordSet(file, S.wrong), { before: S.vault, after: S.wrong })).toThrow(VaultLockStateError);
    expect(accountsCount(session.vault())).toBe(0);
    session.close();
  });
});
