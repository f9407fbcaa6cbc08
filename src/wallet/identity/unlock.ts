import { wipe } from '../../crypto/bytes.js';
import { IdentityNotFoundError, PinLockedError, WrongPinError } from '../../errors/identity.js';
import { sealedSecretOpen, sealedSecretParse, sealedSecretDeriveKey } from '../../formats/identity-seal.js';
import { identityById, identityLockUntil, identityPinFailed, identityPinSet, type IdentityRow } from '../../vault/identities.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import type { IdentityTuning } from './common.js';

/** Seconds to wait after `attempts` wrong PINs in a row: none for the first three, then 30 s doubling, at most an hour. */
export function pinDelaySeconds(attempts: number): number {
  return attempts <= 3 ? 0 : Math.min(3600, 30 * 2 ** (attempts - 4));
}

/**
 * Opens an identity's phrase with its PIN. Refuses while a wrong-PIN delay runs; a wrong PIN is
 * counted in the vault (the only change a failing command makes) and throws {@link WrongPinError}.
 * Returns the phrase and the PIN key (to seal a path password); the caller wipes the key.
 *
 * Every try is reserved before the KDF runs (security review #3): in one IMMEDIATE transaction the
 * row is read fresh, a running delay refuses the try ({@link PinLockedError}, not counted), and
 * otherwise the try is counted as if wrong and the delay for the new count is set. Only then does the
 * ~1 s scrypt run. So tries started at once are serialised at the reservation: a burst gets exactly
 * the tries a person typing one PIN after another gets before the first wait (three free, and the
 * fourth, which starts the delay), never the whole burst. A right PIN takes back its own try and those
 * counted before it; tries reserved while it ran stay counted (they came after it). A process killed
 * between the reservation and the check leaves its try counted as wrong: conservative, by design.
 */
export async function identityUnlock(vault: Vault, row: IdentityRow, pin: string, tuning: IdentityTuning = {}): Promise<{ phrase: string; key: Uint8Array }> {
  const now = (tuning.now ?? Date.now)();
  const reserved = vaultWrite(vault, () => {
    const fresh = identityById(vault, row.id);
    if (fresh === undefined) throw new IdentityNotFoundError({ query: row.name });
    if (fresh.lockedUntil > now) throw new PinLockedError({ identity: fresh.name, waitSeconds: Math.ceil((fresh.lockedUntil - now) / 1000) });
    // Parsed inside the transaction: a damaged row fails before any try is counted.
    const sealed = sealedSecretParse(fresh.sealed);
    const attempts = identityPinFailed(vault, row.id);
    const wait = pinDelaySeconds(attempts);
    if (wait > 0) identityLockUntil(vault, row.id, now + wait * 1000);
    return { sealed, attempts, wait, name: fresh.name };
  });
  const key = await sealedSecretDeriveKey(pin, reserved.sealed.kdf);
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = sealedSecretOpen(key, reserved.sealed);
    // Already counted (and the delay already set) by the reservation.
    if (plaintext === undefined) throw new WrongPinError({ identity: reserved.name, attempts: reserved.attempts, waitSeconds: reserved.wait });
    vaultWrite(vault, () => {
      const fresh = identityById(vault, row.id);
      if (fresh === undefined) return;
      // This try and the ones counted before it are undone; any reserved since stay, with their delay.
      const left = Math.max(0, fresh.failedAttempts - reserved.attempts);
      identityPinSet(vault, row.id, left, pinDelaySeconds(left) > 0 ? fresh.lockedUntil : 0);
    });
    // The key goes to the caller (to seal a path password), who wipes it; on any failure it is wiped here.
    return { phrase: new TextDecoder().decode(plaintext), key };
  } catch (err) {
    wipe(key);
    throw err;
  } finally {
    wipe(plaintext);
  }
}
