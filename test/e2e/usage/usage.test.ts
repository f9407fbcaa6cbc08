import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectRefused, sandbox, type Sandbox } from '../../support/cli.js';

/**
 * Commander's own usage errors, as a user sees them from the real program (issue 12 item 16): one
 * line in keepsake's style — `keepsake: ` and a capitalised sentence naming the `--help` to read, no
 * `error:` — or with --json the JSON error with the same sentence; exit 2, and the vault untouched.
 */

let box: Sandbox;

beforeAll(async () => {
  assertBuilt();
  box = await sandbox({ manual: true, vaultFromEnv: true });
});
afterAll(async () => {
  // A usage error stops before the command runs: no vault is made.
  expect(existsSync(box.vault)).toBe(false);
  await box.remove();
});

describe("keepsake: commander's usage errors in keepsake's words", () => {
  const sentence = "Required option '--name <name>' not specified. Run `keepsake identity create --help` to see its options and an example.";

  it('a missing required option → exit 2, one line "keepsake: …" naming the command\'s --help', async () => {
    const run = await box.run(['identity', 'create']);
    expect(run.stderr).not.toMatch(/^error:/m);
    const line = expectRefused(run, 2, { name: 'UsageError', json: false });
    expect(line).toBe(`keepsake: ${sentence}`);
  });

  it('the same with --json → the JSON error with the same sentence, exit 2', async () => {
    const run = await box.run(['identity', 'create', '--json']);
    const message = expectRefused(run, 2, { name: 'UsageError', json: true });
    expect(message).toBe(sentence);
  });

  it('a missing argument names the command too', async () => {
    const run = await box.run(['backup', 'import']);
    const line = expectRefused(run, 2, { name: 'UsageError', json: false });
    expect(line).toBe("keepsake: Missing required argument 'file'. Run `keepsake backup import --help` to see its options and an example.");
  });
});
