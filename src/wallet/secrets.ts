import { InvalidInputError } from '../errors/usage.js';

/**
 * The fewest characters of every secret keepsake sets: an identity's PIN (Parity Signer asks for 6
 * digits), a whole-wallet backup's password (the Concordium Desktop Wallet asks for 6), an account's
 * password and the password of a new backup or batch file (the Polkadot{.js} extension's "Export all"
 * asks for 6). Counted in characters (code points), as a person counts them. The browser wallet
 * checks its forms against this same constant.
 */
export const MIN_SECRET_LENGTH = 6;

/** What a new secret is, as a sentence names it. */
export type NewSecret = 'PIN' | 'account password' | 'backup password' | 'batch password' | 'file password' | 'vault password' | 'Concordium seal password';

/**
 * Refuses a new secret shorter than {@link MIN_SECRET_LENGTH} (a usage error naming its input: nothing is done).
 *
 * @example
 * newSecretCheck(options.password, 'account password')
 */
export function newSecretCheck(secret: string, what: NewSecret): void {
  if ([...secret].length >= MIN_SECRET_LENGTH) return;
  if (what === 'PIN') throw new InvalidInputError({ field: 'pin', what, min: MIN_SECRET_LENGTH, note: 'digits or a passphrase' });
  // The password of a file made from an identity's account is asked beside the PIN that opens it.
  throw new InvalidInputError({ field: what === 'file password' ? 'newPassword' : 'password', what, min: MIN_SECRET_LENGTH });
}
