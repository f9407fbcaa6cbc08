import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { ADD_DUPLICATE_CHOICES } from '../../../wallet/choices.js';
import type { AddResult } from '../../../wallet/create.js';
import type { OnDuplicate } from '../../../wallet/duplicate.js';
import { accountBackupRecord } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { type Io, out, printJson, readSecret, say } from '../../io.js';
import { UsageError } from '../../../errors/usage.js';
import type { KeyType } from '../../../keys/types.js';
import { outputsWithVault } from '../../output.js';
import { line } from '../../printable.js';
import { checkCommon, common, type Common, newPassword, report } from './options.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type AccountAddOptions = Common & { suriFile?: string; path?: string; onDuplicate?: OnDuplicate; vaultSecretFile?: string };

/** Registers `keepsake account add`: its options and help; the action calls {@link accountAddRun}. */
export function accountAddCommand(parent: Command, run: Runner): void {
  common(parent.command('add'))
    .option('--suri-file <file>', 'read the recovery phrase or 0x seed (with an optional //path and ///password) from <file> (- = standard input)')
    .option(
      '--vault-secret-file <file>',
      'read a Polkadot Vault "Export private key" text (secret:0x…:genesis) from <file> (- = standard input) instead of a phrase; its network comes from the text',
    )
    .option(
      '--path <path>',
      "derivation path, if the phrase file has none (//hard/soft; ethereum: default m/44'/60'/0'/0/0, as MetaMask; m for the BIP-32 master key)",
    )
    .addOption(
      new Option(
        '--on-duplicate <mode>',
        'if the account is already in the vault: refuse (the default); update its name and network; or relock: also lock its stored file with the new password',
      ).choices(ADD_DUPLICATE_CHOICES),
    )
    .summary('add an account from an existing recovery phrase or seed')
    .description(
      [
        'Add an account from a recovery phrase or 0x seed you already have, under any name and a new password, and with --backup write its backup file right away. The vault is made on first use.',
        "The phrase is read from --suri-file or asked on the terminal — never given as an option value — and is not stored. A derivation path goes after the phrase in the same line (phrase//hard/soft///password), or in --path; an ethereum account from a phrase without a path uses m/44'/60'/0'/0/0, as MetaMask does.",
        'With --vault-secret-file the key comes from the text Polkadot Vault shows under "Export private key" (its QR code holds secret:0x<key>:<genesis hash>), read from the file or asked on the terminal without echo. The text does not say the key type: sr25519 unless --type says otherwise. Its network is the one its genesis hash names; the address is shown before the password is asked.',
        `The phrase is checked, and a key already in the vault found, before the new password is asked (twice on a terminal, at least ${MIN_SECRET_LENGTH} characters) or read from --password-file. A key already in the vault is refused unless --on-duplicate says what to do: update gives it the name and network asked for (no password is asked); relock also locks its stored file with the new password. Its key is never replaced; a watch-only account gains it, locked with the new password.`,
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account add --name Restored --suri-file phrase.txt --password-file pw.txt --backup restored.json',
        'keepsake account add --name MetaMask --type ethereum --suri-file phrase.txt',
        'keepsake account add --name Savings --network kusama --suri-file phrase.txt --on-duplicate update',
        'keepsake account add --name "From Vault" --vault-secret-file vault-key.txt --password-file pw.txt',
      ]),
    )
    .action((opts: AccountAddOptions) => run((ctx) => accountAddRun(opts, ctx)));
}

/** Runs `keepsake account add` with its parsed options; resolves to the exit code. */
export async function accountAddRun(options: AccountAddOptions, ctx: Context): Promise<number> {
  const o = checkCommon(options);
  const onDuplicate = options.onDuplicate ?? 'refuse';
  const fromVault = options.vaultSecretFile === undefined ? undefined : await vaultSecretRead(ctx.io, options, o);
  const suri =
    fromVault?.suri ??
    (await readSecret(ctx.io, { file: options.suriFile, flag: '--suri-file', prompt: 'Recovery phrase or seed: ', what: 'recovery phrase' }));
  if (fromVault) Object.assign(o, { network: fromVault.network });
  const path = options.path === undefined ? {} : { path: options.path };
  const key = fromVault?.secretKey === undefined ? {} : { secretKey: fromVault.secretKey };
  // The phrase is checked, and a key already in the vault found, before a password is asked for.
  const { accountAdd, accountAddCheck } = await import('../../../wallet/create.js');
  // A vault that does not exist yet is not created just for the check (the password prompt may still be cancelled).
  const { vaultPath } = await import('../../../vault/open.js');
  const check = { ...o, ...path, ...key, suri, onDuplicate };
  const { needsPassword } = existsSync(vaultPath(ctx.vaultFile))
    ? await withVault(ctx, (vault) => accountAddCheck(vault, check))
    : await accountAddCheck(undefined, check);
  const password = needsPassword ? await newPassword(ctx.io, options.passwordFile) : undefined;
  let backupText: string | undefined;
  const result = await outputsWithVault(options.force === true, (place) =>
    withVault(
      ctx,
      (vault) =>
        accountAdd(vault, {
          ...o,
          ...path,
          ...key,
          suri,
          ...(password === undefined ? {} : { password }),
          onDuplicate,
          onBackup: (json) => {
            backupText = json;
            place(options.backup ? [{ path: options.backup, text: json }] : []);
          },
        }),
      { mode: 'add' },
    ),
  );
  await accountBackupRecord(ctx, options.backup, backupText, result.account.publicKey);
  if (result.status === 'added') report(ctx.io, result.account, options, undefined);
  else updateReport(ctx.io, result, options);
  return 0;
}

/**
 * A Polkadot Vault secret text (from the file, or asked without echo): the key and network it gives
 * `account add`, after the address it gives is shown (on stderr, before any password is asked).
 */
async function vaultSecretRead(io: Io, options: AccountAddOptions, o: { type: KeyType; network: string }) {
  if (options.suriFile !== undefined || options.path !== undefined)
    throw new UsageError({ reason: '--vault-secret-file gives the key itself: it goes without --suri-file and --path.' });
  const text = await readSecret(io, {
    file: options.vaultSecretFile,
    flag: '--vault-secret-file',
    prompt: 'Polkadot Vault key text (secret:0x…): ',
    what: 'key text',
  });
  const { vaultSecretAddOptions, vaultSecretPreview } = await import('../../../wallet/vaultText.js');
  const preview = await vaultSecretPreview(text, o.type);
  if (o.network !== 'substrate' && o.network !== preview.network)
    throw new UsageError({
      reason: `The Vault text is for ${preview.knownNetwork ? preview.network : 'a network keepsake does not know'}, not ${o.network}; nothing was added.`,
    });
  if (!io.json)
    say(
      io,
      line`The Vault text gives ${preview.address} (${preview.type}, ${preview.knownNetwork ? preview.network : line`unknown network ${preview.genesisHash}; kept as a generic substrate account`}).`,
    );
  return vaultSecretAddOptions(text, o.type);
}

/** An account that was already in the vault: what changed, and that its key did not. */
function updateReport(io: Io, result: AddResult, opts: Common): void {
  const { account, previous } = result;
  if (io.json) {
    printJson(io, { ...account, backup: opts.backup && result.json !== null ? opts.backup : null, mnemonicFile: null, status: result.status, previous });
    return;
  }
  const was = previous === null ? '' : line` (it was "${previous.name}", ${previous.network ?? 'no network'})`;
  if (result.status === 'completed') {
    out(
      io,
      line`Added the key of ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'}), which the vault held as a watch-only account${was}.`,
    );
  } else {
    out(io, line`Updated ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'})${was}; its key was not changed.`);
  }
  if (result.status === 'relocked') out(io, 'Its stored file is now locked with the new password.');
  else if (result.status === 'updated' && account.identity !== null)
    out(io, line`It is still derived from the identity "${account.identity}": its key opens with that identity's PIN.`);
  else if (result.status === 'updated') out(io, 'Its stored file keeps its password.');
  if (opts.backup && result.json !== null) out(io, line`Backup written to ${opts.backup}; it opens with the account's password.`);
  else if (opts.backup)
    out(io, line`No backup file was written: the account has no file of its own (export it with \`keepsake account export\`, which asks the identity's PIN).`);
}
