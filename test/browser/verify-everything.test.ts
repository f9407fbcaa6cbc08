/**
 * Issue 12 items 1 and 3 in Chromium: "Verify a backup" checks a keepsake backup just downloaded from
 * the Export/Import page — it lists every identity, account and address with what an import would do
 * with it (nothing is imported) — and the "Verify" button on an unchecked account (an "Export all"
 * entry that kept its own password) opens its key with that password and shows it checked.
 * The account files and the batch are written by @polkadot/keyring / util-crypto, never by keepsake.
 */
import { expect, it } from 'vitest';
import { labelledPair, oracleBatch, oracleFile } from '../support/oracle.js';
import { testSecrets } from '../support/secrets.js';
import { apiCall, describeBrowser, dialogOpen, downloadBy, fieldError, pageGo, textShown, vectors, walletSession } from './harness.js';

const S = testSecrets('browser-verify', ['backup', 'batch', 'own', 'file', 'wrong']);
const PIN = '246813';

describeBrowser('browser wallet: verify what keepsake writes (issue 12)', () => {
  const wallet = walletSession();

  it('Verify a backup lists what a keepsake backup from Export/Import holds, with what an import would do, and imports nothing', async () => {
    const { page, server } = wallet;
    // The wallet (set up through the API: not the flow under test): an identity, two accounts, an address.
    await apiCall(server, '/api/identities/recover', { name: 'Phone', mnemonic: vectors.devPhrase, pin: PIN });
    const kept = labelledPair('sr25519', 'browser-kept', { name: 'Kept account' });
    const gone = labelledPair('ed25519', 'browser-gone', { name: 'Forgotten account' });
    await apiCall(server, '/api/restore', { files: [{ name: 'kept.json', text: JSON.stringify(oracleFile(kept, S.file)) }], password: S.file });
    await apiCall(server, '/api/restore', { files: [{ name: 'gone.json', text: JSON.stringify(oracleFile(gone, S.file)) }], password: S.file });
    await apiCall(server, '/api/addresses/add', { address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', name: 'Bob' });

    await pageGo(page, 'Export/Import');
    const exp = page.getByRole('region', { name: 'Export the whole wallet' });
    await exp.getByRole('radio', { name: 'keepsake backup' }).check();
    await exp.getByLabel('Password', { exact: true }).fill(S.backup);
    await exp.getByLabel('Repeat password', { exact: true }).fill(S.backup);
    const file = await downloadBy(page, () => exp.getByRole('button', { name: 'Export wallet' }).click());
    expect(file.name).toMatch(/^keepsake-backup-.*\.json$/);
    // One account leaves the wallet after the backup: the backup would bring it back.
    await apiCall(server, '/api/accounts/remove', { address: gone.address });

    await pageGo(page, 'Verify a backup');
    await page.getByLabel('Backup file').setInputFiles(file.path);
    const about = page.getByRole('region', { name: 'About this file' });
    await about.waitFor();
    const aboutText = await about.innerText();
    expect(aboutText).toMatch(/Inside the encrypted part: enter the password and press Verify to list them\./);
    expect(aboutText).not.toMatch(/Accounts\s+0/);
    expect(aboutText).not.toMatch(/`|keepsake (backup|verify)|--/);

    const password = page.getByLabel('Password', { exact: true });
    await password.fill(S.wrong);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    expect(await fieldError(password)).toMatch(/wrong password/i);

    await password.fill(S.backup);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.waitFor();
    const resultText = await result.innerText();
    expect(resultText).toMatch(
      /Everything in this keepsake whole-wallet backup would import: 1 new, 3 already in this wallet, 0 replaced\. Nothing was imported\./,
    );
    expect(resultText).not.toMatch(/cannot read accounts|`|--password|keepsake (restore|inspect|backup)/);
    const items = (await result.getByRole('list', { name: 'What the backup holds' }).getByRole('listitem').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toHaveLength(4);
    expect(items).toContainEqual(expect.stringMatching(/^Identity Phone — already in this wallet \(as Phone\)$/));
    expect(items).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Account Kept account ${kept.address} — already in this wallet \\(as Kept account\\) · locked with its own password, so its key was not checked$`,
        ),
      ),
    );
    expect(items).toContainEqual(
      expect.stringMatching(new RegExp(`^Account Forgotten account ${gone.address} — would be imported · locked with its own password`)),
    );
    expect(items).toContainEqual(expect.stringMatching(/^Address Bob 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty — already in this wallet \(as Bob\)$/));

    // Nothing was imported.
    const accounts = await apiCall<{ address: string }[]>(server, '/api/accounts');
    expect(accounts.map((a) => a.address)).toEqual([kept.address]);
  });

  it('the Verify button on an unchecked account: a wrong password is said next to the field; the right one shows the account checked', async () => {
    const { page, server } = wallet;
    const shared = labelledPair('sr25519', 'browser-shared', { name: 'Shared password' });
    const own = labelledPair('ed25519', 'browser-own', { name: 'Own password' });
    const batch = oracleBatch([oracleFile(shared, S.batch), oracleFile(own, S.own)], S.batch);
    await apiCall(server, '/api/restore', { files: [{ name: 'batch.json', text: JSON.stringify(batch) }], password: S.batch });

    await pageGo(page, 'Accounts');
    const list = page.getByRole('list', { name: 'Accounts', exact: true });
    const card = list.getByRole('listitem', { name: 'Own password', exact: true });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/unchecked/);
    // Only the unchecked account has the button.
    expect(
      await list
        .getByRole('listitem', { name: 'Shared password', exact: true })
        .getByRole('button', { name: /^Verify/ })
        .count(),
    ).toBe(0);

    const d = await dialogOpen(card.getByRole('button', { name: 'Verify Own password' }), 'Verify Own password');
    const field = d.getByLabel('Password', { exact: true });
    await field.fill(S.wrong);
    await d.getByRole('button', { name: 'Verify', exact: true }).click();
    expect(await fieldError(field)).toMatch(/wrong password/i);
    expect(await card.innerText()).toMatch(/unchecked/);

    await field.fill(S.own);
    await d.getByRole('button', { name: 'Verify', exact: true }).click();
    await textShown(page.getByTestId('notice'), 'Own password is checked: its key opens with this password and matches its address.');
    await expect.poll(() => card.innerText()).not.toMatch(/unchecked/);
    expect(await card.getByRole('button', { name: /^Verify/ }).count()).toBe(0);
    const after = await apiCall<{ address: string; verified: boolean }[]>(server, '/api/accounts');
    expect(after.find((a) => a.address === own.address)?.verified).toBe(true);
  });
});
