import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8 } from '../crypto/bytes.js';
import { sealedSecretFingerprint, sealedSecretParse } from '../formats/identity-seal.js';
import type { BackupCover } from '../vault/backupRecords.js';

/**
 * What a backup file covers, named the same way by the exports that write one, by `verify` and by
 * backup health: an account by its public key (hex), an identity by the SHA-256 of its sealed secret's
 * fingerprint (formats/identity-seal.ts `sealedSecretFingerprint`: salt, nonce and ciphertext, so a
 * reordered copy of the same box is the same identity, as backup/plan.ts recognises identities). The
 * hash keeps the sealed phrase itself out of the backup records: a removed identity leaves nothing a
 * PIN could be guessed against.
 */
export function accountCover(publicKey: Uint8Array): BackupCover {
  return { kind: 'account', item: bytesToHex(publicKey) };
}

/** An identity's cover from its sealed secret (the JSON text the vault or a backup holds); undefined when it is not well-formed. */
export function identityCover(sealed: string): BackupCover | undefined {
  let fingerprint: string | undefined;
  try {
    fingerprint = sealedSecretFingerprint(sealedSecretParse(sealed));
  } catch {
    return undefined;
  }
  return fingerprint === undefined ? undefined : { kind: 'identity', item: bytesToHex(sha256(utf8(fingerprint))) };
}
