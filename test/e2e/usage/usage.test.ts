import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectRefusal, keepsake, workspace } from '../verify/cli.js';

/**
 * Commander's own usage errors, as a user sees them from the real program (issue 12 item 16): one
 * line in keepsake's style — `keepsake: ` and a capitalised sentence naming the `--help` to read, no
 * `error:` — or with --json the JSON error with the same sentence; exit 2, and the vault untouched.
 */

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  assertBuilt();
  ({ dir, cleanup } = await workspace({}));
});
afterAll(async () => {
  // A usage error stops before the command runs: no vault is made.
  expect(existsSync(join(dir, 'vault.sqlite'))).toBe(false);
  await cleanup();
});

describe("keepsake: commander's usage errors in keepsake's words", () => {
  const sentence = "Required option '--name <name>' not specified. Run `keepsake identity create --help` to see its options and an example.";

  it('a missing required option → exit 2, one line "keepsake: …" naming the command\'s --help', async () => {
    const run = await keepsake(dir, ['identity', 'create']);
    expect(run.stderr).not.toMatch(/^error:/m);
    const error = expectRefusal(run, { code: 2, name: 'UsageError', json: false });
    expect(error.message).toBe(sentence);
  });

  it('the same with --json → the JSON error with the same sentence, exit 2', async () => {
    const run = await keepsake(dir, ['identity', 'create', '--json']);
    const error = expectRefusal(run, { code: 2, name: 'UsageError', json: true });
    expect(error.message).toBe(sentence);
  });

  it('a missing argument names the command too', async () => {
    const run = await keepsake(dir, ['backup', 'import']);
    const error = expectRefusal(run, { code: 2, name: 'UsageError', json: false });
    expect(error.message).toBe("Missing required argument 'file'. Run `keepsake backup import --help` to see its options and an example.");
  });
});
