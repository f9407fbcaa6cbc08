/**
 * A clone of the repository runs on its own: test/repo/standalone.sh (also the first step of
 * .ci/run) finds no tracked file that reads the shared folder beside the repository, and it does
 * find one when a file does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('standalone.sh', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

it('no tracked file of this repository reads the shared folder beside it', () => {
  const r = spawnSync('bash', [script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('a tracked file that does is named, and the check fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-standalone-'));
  try {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    // Built from parts, so that this file itself does not name the folder.
    const outside = ['..', 'shared', 'vectors'].join('/');
    writeFileSync(join(dir, 'vectors.test.ts'), `readFileSync('../${outside}/polkadot-js.json')\n`);
    writeFileSync(join(dir, 'NOTES.md'), `The vectors come from ${outside}.\n`);
    git('add', '.');
    const r = spawnSync('bash', [script], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('vectors.test.ts:1:');
    expect(r.stderr).not.toContain('NOTES.md');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
