import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileWriteError, OutputExistsError } from '../errors/file.js';
import { outputCheck, outputCommit, outputDiscard, outputStage, outputsWithVault } from './output.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');
/** Every file in the folder (hidden temporary and kept files included). */
const files = () => readdirSync(dir).sort();

describe('outputCheck', () => {
  it('refuses a folder as an output file up front, even with force', () => {
    mkdirSync(at('bdir'));
    expect(() => outputCheck(at('bdir'), true)).toThrow(FileWriteError);
    expect(() => outputCheck(at('bdir'), false)).toThrow(FileWriteError);
  });
});

describe('outputsWithVault: the files change with the vault, or not at all', () => {
  it('places every file when the work succeeds (mode 0600), leaving no temporary file', async () => {
    const result = await outputsWithVault(false, async (place) => {
      place([
        { path: at('phrase.txt'), text: 'the phrase' },
        { path: at('backup.json'), text: '{}' },
      ]);
      return 7;
    });
    expect(result).toBe(7);
    expect(read('phrase.txt')).toBe('the phrase\n');
    expect(read('backup.json')).toBe('{}\n');
    expect(statSync(at('phrase.txt')).mode & 0o777).toBe(0o600);
    expect(files()).toEqual(['backup.json', 'phrase.txt']);
  });

  it('takes the files back when the work fails after placing them (e.g. the vault commit): new files removed, replaced ones restored', async () => {
    writeFileSync(at('backup.json'), 'old backup\n');
    await expect(
      outputsWithVault(true, async (place) => {
        place([
          { path: at('phrase.txt'), text: 'the phrase' },
          { path: at('backup.json'), text: 'new backup' },
        ]);
        throw new Error('commit failed');
      }),
    ).rejects.toThrow('commit failed');
    expect(files()).toEqual(['backup.json']);
    expect(read('backup.json')).toBe('old backup\n');
  });

  it('a file that cannot be put in place undoes the ones placed before it, and the error says which file', async () => {
    const staged = [outputStage(at('phrase.txt'), 'the phrase', false), outputStage(at('later'), 'x', true)];
    mkdirSync(at('later')); // becomes a folder after the checks: the rename fails
    let error: unknown;
    try {
      outputCommit(staged);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toContain('later');
    expect(existsSync(at('phrase.txt'))).toBe(false);
    expect(files()).toEqual(['later']);
  });

  it('refuses a file that appeared since the check, without force, and places nothing', async () => {
    const staged = [outputStage(at('a.txt'), 'a', false), outputStage(at('b.txt'), 'b', false)];
    writeFileSync(at('b.txt'), 'someone else\n');
    expect(() => outputCommit(staged)).toThrow(OutputExistsError);
    expect(files()).toEqual(['b.txt']);
    expect(read('b.txt')).toBe('someone else\n');
  });
});

describe('temporary files a killed process left', () => {
  it('the next write beside the same file removes those of processes that are gone, and keeps those of live ones and other names', () => {
    // A process that has exited: its id is free (a reused id only makes the sweep keep a file, never remove a live one).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const left = `.out.json.${gone}-0123456789ab.tmp`;
    const live = `.out.json.${process.ppid}-0123456789ab.tmp`;
    const others = [`.other.json.${gone}-0123456789ab.tmp`, `.out.json.${gone}-not-hex-at-all.tmp`, 'out.json.tmp'];
    for (const name of [left, live, ...others]) writeFileSync(at(name), 'half');

    const staged = outputStage(at('out.json'), '{}', false);
    expect(files()).not.toContain(left);
    expect(files()).toEqual(expect.arrayContaining([live, ...others]));
    // The new temporary file carries this process's id, so a sweep by another process leaves it alone.
    expect(staged.temp).toContain(`.out.json.${process.pid}-`);
    outputDiscard([staged]);
  });
});
