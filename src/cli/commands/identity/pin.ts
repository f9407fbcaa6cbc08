import type { Context } from '../../context.js';
import { type Io, readNewSecret, readSecret } from '../../io.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

/** The help of every identity command's --pin-file. */
export const PIN_HELP = "read the identity's PIN from the first line of <file> (- = standard input)";

/** The PIN of an existing identity: from --pin-file, else asked (hidden) on the terminal. */
export function askPin(ctx: Context, file: string | undefined, identity: string): Promise<string> {
  return readSecret(ctx.io, { file, flag: '--pin-file', prompt: line`PIN of the identity "${identity}": `, what: 'PIN' });
}

/** A new identity's PIN: from --pin-file, else asked twice on the terminal; at least {@link MIN_SECRET_LENGTH} characters. */
export function newPin(io: Io, file: string | undefined): Promise<string> {
  return readNewSecret(io, {
    file,
    flag: '--pin-file',
    prompt: `New PIN (at least ${MIN_SECRET_LENGTH} characters): `,
    what: 'PIN',
    minLength: MIN_SECRET_LENGTH,
  });
}
