import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, jsonErrorOf } from '../../testIo.js';

/** `concordium list|remove` in process (issue 13 item 3), on a vault without Concordium data. */

let box: CliSandbox;

beforeAll(async () => {
  box = cliSandbox();
  // Any addition makes the vault.
  await box.json(['address', 'add', '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac', '--name', 'Alith']);
});
afterAll(() => box.remove());

describe('concordium', () => {
  it('list: empty, said so', async () => {
    expect(await box.json(['concordium', 'list'])).toEqual({ identities: [], accounts: [], readable: 0 });
    const r = await box.run(['concordium', 'list']);
    expect(r.stdout).toMatch(/^The vault has no Concordium identities or accounts\./);
  });

  it('remove: needs --yes in a script (exit 2); an item that is not there is named (exit 1)', async () => {
    const script = await box.run(['concordium', 'remove', 'X']);
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/needs confirmation/);
    const missing = await box.run(['concordium', 'remove', 'X', '--yes', '--json']);
    expect(missing.code).toBe(1);
    expect(jsonErrorOf(missing).name).toBe('ConcordiumItemNotFoundError');
  });
});
