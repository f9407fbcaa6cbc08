import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { CliResult } from '../support/cli.js';

/**
 * What a child process spawned with piped stdout and stderr (and no stdin) wrote, and how it ended:
 * for the hostile tests that start the CLI their own way (as another user, through `/bin/sh`, many at
 * once) rather than through the sandbox of test/support/cli.ts.
 */
export function spawnedResult(child: ChildProcessByStdio<null, Readable, Readable>): Promise<CliResult> {
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}
