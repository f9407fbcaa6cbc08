import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FileWriteError, OutputExistsError } from '../errors/file.js';

/** Refuses an output path that exists (unless `force`), before any work is done. */
export function outputCheck(path: string, force: boolean): void {
  if (!force && existsSync(path)) throw new OutputExistsError({ file: path });
  if (!existsSync(dirname(resolve(path)))) throw new FileWriteError({ file: path, code: 'ENOENT' });
}

/**
 * Writes a whole file or nothing: to a temporary name beside it (mode 0600), flushed to disk,
 * then renamed over the target. A crash leaves either the old file or the new one, never half of one.
 * Synchronous so it can run inside a vault transaction (if it throws, the transaction rolls back).
 */
export function outputWrite(path: string, text: string, force: boolean): void {
  outputCheck(path, force);
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeSync(fd, text.endsWith('\n') ? text : text + '\n');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (!force && existsSync(target)) throw new OutputExistsError({ file: path });
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    if (err instanceof OutputExistsError) throw err;
    throw new FileWriteError({ file: path, code: (err as NodeJS.ErrnoException).code }, err);
  }
}
