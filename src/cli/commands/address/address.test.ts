import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, DEV_ALICE, jsonErrorOf } from '../../testIo.js';

/** The address book in process (issue 13 item 3): add, list, edit, remove, and the refusals. */

const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
let box: CliSandbox;

beforeAll(() => {
  box = cliSandbox();
});
afterAll(() => box.remove());

type Entry = { address: string; name: string; note: string | null; network: string | null; kind: string };

describe('address', () => {
  it('list before anything was added: the vault is not made (exit 1)', async () => {
    const r = await box.run(['address', 'list', '--json']);
    expect(r.code).toBe(1);
    expect(jsonErrorOf(r).name).toBe('VaultNotFoundError');
  });

  it('add (made on first use), list, edit, remove', async () => {
    expect(await box.json<Entry>(['address', 'add', DEV_ALICE, '--name', 'Alice', '--note', 'dev'])).toMatchObject({
      address: DEV_ALICE,
      name: 'Alice',
      note: 'dev',
    });
    const added = await box.run(['address', 'add', ALITH, '--name', 'Alith']);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(`Added ${ALITH} "Alith" (ethereum).\n`);
    expect((await box.json<Entry[]>(['address', 'list'])).map((e) => e.name).sort()).toEqual(['Alice', 'Alith']);
    expect(await box.json<Entry>(['address', 'edit', 'Alice', '--note', ''])).toMatchObject({ name: 'Alice', note: null });
    expect(await box.json<Entry>(['address', 'remove', 'Alith'])).toMatchObject({ address: ALITH });
    expect((await box.json<Entry[]>(['address', 'list'])).map((e) => e.name)).toEqual(['Alice']);
  });

  it('refuses a damaged address, one already in the book, and an entry that is not there', async () => {
    const damaged = await box.run(['address', 'add', DEV_ALICE.slice(0, -1) + 'Z', '--name', 'Bad', '--json']);
    expect(damaged.code).toBe(1);
    const twice = await box.run(['address', 'add', DEV_ALICE, '--name', 'Again', '--json']);
    expect(twice.code).toBe(1);
    expect(jsonErrorOf(twice).name).toBe('DuplicateAddressError');
    const missing = await box.run(['address', 'remove', 'Nobody', '--json']);
    expect(missing.code).toBe(1);
    expect(jsonErrorOf(missing).name).toBe('AddressNotFoundError');
  });

  it('a missing --name: exit 2 in keepsake words', async () => {
    const r = await box.run(['address', 'add', DEV_ALICE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("keepsake: Required option '--name <name>' not specified. Run `keepsake address add --help` to see its options and an example.\n");
  });
});
