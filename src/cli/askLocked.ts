import type { AskPassword, LockedLabel } from '../wallet/unlock.js';
import { canPrompt, type Io, readSecret, say } from './io.js';
import { line } from './printable.js';

/** How many still-locked files or accounts a prompt names before it counts the rest. */
const NAMED = 10;

/**
 * On a terminal (no password file given), the prompt `restore` and `verify` ask again with for what
 * the passwords so far did not open, naming each; an empty answer stops. Undefined otherwise: scripts
 * give every password as a line of the password file.
 */
export function askLocked(io: Io, passwordFile: string | undefined): AskPassword | undefined {
  if (!canPrompt(io, { file: passwordFile })) return undefined;
  let before: number | undefined;
  return async (locked: readonly LockedLabel[]) => {
    const n = locked.length;
    if (n === before) say(io, 'That password opened none of them.');
    before = n;
    say(io, `${n === 1 ? 'This is' : `These ${n} are`} still locked: the password${n === 1 ? '' : 's'} given did not open ${n === 1 ? 'it' : 'them'}.`);
    for (const l of locked.slice(0, NAMED)) say(io, line`  ${labelOf(l)}`);
    if (n > NAMED) say(io, `  … and ${n - NAMED} more`);
    return readSecret(io, { file: undefined, flag: '--password-file', prompt: `Another password (press Enter to stop): ` });
  };
}

function labelOf(l: LockedLabel) {
  if (l.address === null) return line`${l.file}`;
  const name = l.name === null ? '' : line`"${l.name}" `;
  return l.file === l.address ? line`${name}${l.address}` : line`${name}${l.address}, in ${l.file}`;
}
