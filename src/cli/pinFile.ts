import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { FileReadError } from '../errors/file.js';
import { UsageError } from '../errors/usage.js';
import type { Io } from './io.js';

/**
 * PINs of several identities from one file: `--pin-file F` of `account export-all` and
 * `backup export --rekey`, which may need the PIN of every identity (issue 12 #4, #5).
 *
 * One line per identity: `NAME:PIN` — the identity's name (or its number from `identity list`), a
 * colon, then the PIN: everything after that colon up to the line ending. Empty lines are skipped.
 * A line is only ever the PIN of the identity it names: a PIN is never tried on another identity (a
 * wrong PIN counts against the identity). A line that names no identity of the vault, fits two
 * (names "a" and "a:b"), or repeats one is refused before anything is tried, and the message
 * never quotes a line (it holds a PIN). `-` reads the lines from standard input.
 *
 * @example
 * // pins.txt:  Phone:246810
 * //            Old Signer:correct horse
 * const pins = await pinFileRead(io, 'pins.txt', [{ id: 1, name: 'Phone' }, { id: 2, name: 'Old Signer' }]);
 */
export async function pinFileRead(io: Io, file: string, identities: readonly { id: number; name: string }[]): Promise<Map<number, string>> {
  let content: string;
  try {
    content = file === '-' ? await text(io.stdin) : await readFile(file, 'utf8');
  } catch (err) {
    throw new FileReadError({ file, code: (err as NodeJS.ErrnoException).code }, err);
  }
  return pinLinesParse(content, file, identities);
}

/** {@link pinFileRead} on the file's text. */
export function pinLinesParse(content: string, file: string, identities: readonly { id: number; name: string }[]): Map<number, string> {
  const pins = new Map<number, string>();
  const lines = content.split(/\r?\n/);
  for (const [index, lineText] of lines.entries()) {
    if (lineText === '') continue;
    const where = `Line ${index + 1} of ${file}`;
    const fits = identities.filter((i) => lineText.startsWith(`${i.name}:`) || lineText.startsWith(`${i.id}:`));
    if (fits.length === 0) {
      throw new UsageError({
        reason: `${where} does not start with the name of an identity of this vault and a colon; nothing was tried.`,
        hint: 'Write one line per identity: NAME:PIN (its name or its number from `keepsake identity list`, a colon, its PIN).',
      });
    }
    if (fits.length > 1) {
      throw new UsageError({
        reason: `${where} fits ${fits.length} identities; nothing was tried.`,
        hint: 'Start the line with the identity\u2019s number from `keepsake identity list` instead of its name.',
      });
    }
    const identity = fits[0]!;
    if (pins.has(identity.id)) throw new UsageError({ reason: `${where} gives the PIN of the identity "${identity.name}" a second time; nothing was tried.` });
    const prefix = lineText.startsWith(`${identity.name}:`) ? identity.name : String(identity.id);
    pins.set(identity.id, lineText.slice(prefix.length + 1));
  }
  return pins;
}
