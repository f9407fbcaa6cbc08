import type { Io } from '../../io.js';
import { readNewSecret } from '../../io.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

/** A new vault password (`vault lock`, `vault change-password`): from --password-file, else asked twice on the terminal. */
export function newVaultPasswordRead(io: Io, passwordFile: string | undefined): Promise<string> {
  return readNewSecret(io, {
    file: passwordFile,
    flag: '--password-file',
    prompt: `New vault password (at least ${MIN_SECRET_LENGTH} characters): `,
    what: 'vault password',
    minLength: MIN_SECRET_LENGTH,
  });
}
