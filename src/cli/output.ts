import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FileWriteError, OutputExistsError } from '../errors/file.js';
import { UsageError } from '../errors/usage.js';
import type { Io } from './io.js';

/**
 * The options every export command (`account export`, `account export-all`, `backup export`) takes: the
 * file it writes (--out, --force) and where its secrets come from (--password-file, --pin-file).
 */
export type ExportFileOptions = { out: string; passwordFile?: string; pinFile?: string; force?: boolean };

/** Refuses an output path that exists (unless `force`) or is a folder, before any work is done. */
export function outputCheck(path: string, force: boolean): void {
  // A folder cannot be replaced by a file: say so now rather than after the work (and the vault change) is done.
  if (lstatOrUndefined(resolve(path))?.isDirectory()) throw new FileWriteError({ file: path, code: 'EISDIR' });
  if (!force && existsSync(path)) throw new OutputExistsError({ file: path });
  if (!existsSync(dirname(resolve(path)))) throw new FileWriteError({ file: path, code: 'ENOENT' });
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** An output file written in full to a temporary name beside its target (mode 0600, flushed), not yet in place. */
export type StagedOutput = { path: string; temp: string; force: boolean };

/** A hidden name beside `target` for a temporary or kept file. */
function besideName(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * A temporary file's name carries the id of the process writing it: a process killed between writing
 * and renaming (SIGKILL cannot be caught) leaves it behind, and the next write beside the same target
 * removes it once that process is gone ({@link staleTempsRemove}).
 */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether process `pid` still runs (EPERM: it runs under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that killed keepsake processes left beside `target` — only names of the
 * exact shape {@link tempName} makes, only when their process is gone; a write in progress is never
 * touched. Best effort: a folder that cannot be listed is left to the write itself to report.
 */
export function staleTempsRemove(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,10})-[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (m === null || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    rmSync(join(dirname(target), name), { force: true });
  }
}

/** Writes `text` to a temporary file beside `path` (see {@link outputCommit}); nothing is at `path` yet. */
export function outputStage(path: string, text: string, force: boolean): StagedOutput {
  outputCheck(path, force);
  staleTempsRemove(resolve(path));
  const temp = tempName(resolve(path));
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeSync(fd, outputFileText(text));
    fsyncSync(fd);
    closeSync(fd);
    return { path, temp, force };
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new FileWriteError({ file: path, code: (err as NodeJS.ErrnoException).code }, err);
  }
}

/** Removes staged files that will not be committed. */
export function outputDiscard(staged: readonly StagedOutput[]): void {
  for (const s of staged) rmSync(s.temp, { force: true });
}

/** What {@link outputCommit} put in place: `undo` takes it all back, `done` forgets the old files it kept. */
export type CommittedOutputs = { undo: () => void; done: () => void };

/**
 * Puts staged files in place, all or none. Each rename is atomic; a file a rename replaces (with
 * `force`) is first kept under a hidden hard link, so a later failure — of another rename here, or of
 * the vault transaction these files belong to (`undo`) — puts the old file back and removes new ones.
 * Call `done` once everything they go with has succeeded.
 */
export function outputCommit(staged: readonly StagedOutput[]): CommittedOutputs {
  const placed: { target: string; kept: string | undefined }[] = [];
  const undo = () => {
    for (const { target, kept } of placed.reverse()) {
      try {
        if (kept === undefined) rmSync(target, { force: true });
        else renameSync(kept, target);
      } catch {
        // Best effort: the others are still taken back.
      }
    }
    placed.length = 0;
  };
  try {
    for (const s of staged) {
      const target = resolve(s.path);
      if (!s.force && existsSync(target)) throw new OutputExistsError({ file: s.path });
      let kept: string | undefined;
      if (lstatOrUndefined(target) !== undefined) {
        kept = besideName(target, 'old');
        try {
          // A hard link to the entry itself (a symlink stays a symlink; its target is never touched).
          linkSync(target, kept);
        } catch {
          kept = undefined; // no hard links on this file system: the replaced file cannot be brought back
        }
      }
      try {
        renameSync(s.temp, target);
      } catch (err) {
        if (kept !== undefined) rmSync(kept, { force: true });
        throw new FileWriteError({ file: s.path, code: (err as NodeJS.ErrnoException).code }, err);
      }
      placed.push({ target, kept });
    }
  } catch (err) {
    undo();
    outputDiscard(staged);
    throw err;
  }
  return {
    undo,
    done: () => {
      for (const { kept } of placed) if (kept !== undefined) rmSync(kept, { force: true });
      placed.length = 0;
    },
  };
}

/** A file's text as keepsake writes it: ending in a line break (backup health hashes exactly these bytes). */
export function outputFileText(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

/**
 * Writes a whole file or nothing: to a temporary name beside it (mode 0600), flushed to disk,
 * then renamed over the target. A crash leaves either the old file or the new one, never half of one.
 * Synchronous so it can run inside a vault transaction (if it throws, the transaction rolls back).
 */
export function outputWrite(path: string, text: string, force: boolean): void {
  outputCommit([outputStage(path, text, force)]).done();
}

/**
 * Runs `work` (which changes the vault) with `place`, which puts its output files in place from
 * inside the vault transaction: staged first (a write that fails rolls the transaction back, no file
 * changed), renamed together, and taken back if anything after them fails — the rest of the
 * transaction or its commit. So the vault and these files change together or not at all.
 */
export async function outputsWithVault<T>(force: boolean, work: (place: (files: readonly { path: string; text: string }[]) => void) => Promise<T>): Promise<T> {
  let committed: CommittedOutputs | undefined;
  const place = (files: readonly { path: string; text: string }[]) => {
    const staged: StagedOutput[] = [];
    try {
      for (const f of files) staged.push(outputStage(f.path, f.text, force));
    } catch (err) {
      outputDiscard(staged);
      throw err;
    }
    committed = outputCommit(staged);
  };
  try {
    const result = await work(place);
    committed?.done();
    return result;
  } catch (err) {
    committed?.undo();
    throw err;
  }
}

/**
 * Where a new recovery phrase goes, checked before any work: `--mnemonic-out` (a file that may not
 * exist yet), or the screen — only a terminal, and not with `--json`, so a phrase never lands in a
 * log file, CI output or a pipe (security review #12).
 */
export function phraseOutCheck(io: Io, mnemonicOut: string | undefined, force: boolean): void {
  if (mnemonicOut !== undefined) return outputCheck(mnemonicOut, force);
  if (io.json || !io.stderr.isTTY) {
    throw new UsageError({
      reason: `The new recovery phrase is shown only on a terminal${io.json ? ', never with --json' : ''}, so that it does not end up in a log; nothing was created.`,
      hint: 'Add --mnemonic-out FILE to write it to a private file (mode 0600) instead.',
    });
  }
}
