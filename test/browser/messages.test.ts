/**
 * Issue 12 #10 and #14 in Chromium: an error's next step is worded for the browser (its pages,
 * buttons and choices, never a flag, a command or Markdown), and a truncated file on "Verify a
 * backup" is said to be cut off, not "not a JSON file".
 */
import { Keyring } from '@polkadot/keyring';
import { expect, it } from 'vitest';
import { CLI_WORDS } from '../support/cliWords.js';
import {
  addressAdd,
  apiCall,
  describeBrowser,
  dialogClose,
  fieldError,
  fileWrite,
  oracleWrite,
  pageGo,
  restoreFiles,
  scryptParams,
  vectors,
  walletSession,
} from './harness.js';

describeBrowser('browser wallet: messages in browser words', () => {
  const wallet = walletSession();

  it('Address book: a Polkadot address saved for Kusama says to choose the Polkadot network, not to give a flag', async () => {
    const { page } = wallet;
    await pageGo(page, 'Address book');
    const polkadot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri('//Alice').address;
    const form = await addressAdd(page, { address: polkadot, name: 'Alice', network: 'kusama' });
    const error = await fieldError(form.getByLabel('Address', { exact: true }));
    expect(error).toBe(
      `"${polkadot}" is not a Kusama Relay Chain address: it is a Polkadot Relay Chain one (prefix 0, not 2). Check the network, or choose “Polkadot Relay Chain”.`,
    );
    expect(error).not.toMatch(CLI_WORDS);
  });

  it('Restore JSON of a whole-wallet backup points to Export/Import → Import, not to a command', async () => {
    const { page, server } = wallet;
    await apiCall(server, '/api/addresses/add', { address: new Keyring({ type: 'sr25519' }).addFromUri('//Bob').address, name: 'Bob' });
    const { json } = await apiCall<{ json: string }>(server, '/api/backup/export', { password: 'backup pässword' });
    await pageGo(page, 'Accounts');
    const d = await restoreFiles(page, await fileWrite(server, 'keepsake-backup.json', json), 'backup pässword');
    const error = await fieldError(d.getByLabel('Backup files'));
    expect(error).toContain('is a keepsake whole-wallet backup: it is imported as a whole (identities, accounts and addresses), not read as account files.');
    expect(error).toContain('Import it as a whole with Export/Import → Import a backup.');
    expect(error).not.toMatch(CLI_WORDS);
    await dialogClose(d, 'Cancel');
  });

  it("Verify a backup: a file cut off in a download is said to be cut off; a file older wallets refuse gets the browser's way to a copy they open", async () => {
    const { page, server } = wallet;
    await pageGo(page, 'Verify a backup');
    const picker = page.getByLabel('Backup file');
    const whole = JSON.stringify(vectors.json.find((v) => v.keyType === 'sr25519')!.file);
    await picker.setInputFiles(await fileWrite(server, 'alice.json', whole.slice(0, 300)));
    const error = await fieldError(picker);
    expect(error).toBe(
      'alice.json is cut off: it starts as a wallet file does, then ends after 300 bytes. It was not copied or downloaded completely; find the full copy.',
    );
    expect(error).not.toMatch(/not a JSON file/);

    // Written as wallets do today (scrypt N=2^17): the note and its next step, in browser words.
    const current = oracleWrite('//Notes', 'file pässword', 'Notes');
    expect(scryptParams(current.json).N).toBe(1 << 17);
    await picker.setInputFiles(await fileWrite(server, 'notes.json', JSON.stringify(current.json)));
    const notes = page.getByRole('list', { name: 'Notes' });
    await notes.waitFor();
    const text = await notes.innerText();
    expect(text).toContain('wallets from before mid-2025 refuse it.');
    expect(text).toContain('To make a copy they open, create a backup file of the account with “Readable by wallets from before mid-2025” ticked.');
    expect(text).not.toMatch(CLI_WORDS);
  });
});
