import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BaseError } from '../../errors/base.js';
import type { ImportItem } from '../../wallet/backup/plan.js';
import type { VerifyAccount, VerifyReport } from '../../wallet/verify.js';
import { askLocked } from '../askLocked.js';
import { ITEM_KIND_LABEL } from './backup/counts.js';
import { type Context, type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { color, type Io, out, printJson, printJsonError, readInputFile, readSecretLines, say } from '../io.js';
import { plural } from '../../text/plural.js';
import { helpExamples } from '../help.js';
import { errorTextCli } from '../nextStep.js';
import { line, type Line } from '../printable.js';

export type VerifyOptions = { file: string; passwordFile: string | undefined };

/** Registers `keepsake verify`: its options and help; the action calls {@link verifyRun}. */
export function verifyCommand(program: Command, run: Runner): void {
  program
    .command('verify')
    .argument('<file>', 'the backup file to check')
    .option(
      '--password-file <file>',
      "read the file's password from the first line of <file> (- = standard input); further lines are tried on the entries it leaves locked",
    )
    .summary('check that a backup opens with its password and holds the right keys')
    .description(
      [
        'Check a backup before you need it: decrypt it without importing anything, check every key against the address the file names, and say per account whether it would restore.',
        'A whole-wallet backup (keepsake or Concordium Desktop) is also compared with the vault (which is not created): each item would be imported, is already present (and under which name), or would replace a watch-only account.',
        "When the file would restore and a vault exists, the vault remembers the check for `keepsake status` (the file's path, SHA-256 and the accounts and identities whose keys were checked; never its content). Nothing is imported.",
        "The password is asked on the terminal (hidden) or read from the first line of --password-file, never given as an option value. Entries locked with a password of their own are then asked for on a terminal (an empty answer stops), or tried with the file's further lines; an entry none opens would restore unchecked.",
        'Exit status: 0 it would restore or import · 1 a problem was found · 2 usage · 3 wrong password.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake verify backup.json', 'keepsake verify backup.json --password-file pw.txt --json']))
    .action((file: string, opts: { passwordFile?: string }) => run((ctx) => verifyRun({ file, passwordFile: opts.passwordFile }, ctx)));
}

/** Runs `keepsake verify` with its parsed options; resolves to the exit code. */
export async function verifyRun(options: VerifyOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const text = await readInputFile(options.file);
  // Say what the file is (and refuse what cannot be opened: unknown format, KDF over the caps) before asking for a password.
  const [{ verifyFile }, { inspectFile }] = await Promise.all([import('../../wallet/verify.js'), import('../../wallet/inspect.js')]);
  const inspected = await inspectFile(text, { file: options.file });
  // The first line opens the file; every further line is tried on the entries it leaves locked.
  const [password, ...morePasswords] = await readSecretLines(io, {
    file: options.passwordFile,
    flag: '--password-file',
    prompt: line`Password for ${options.file}: `,
  });
  const verifyOptions = { file: options.file, morePasswords, ...(askOf(io, options.passwordFile) ?? {}) };
  // A whole-wallet backup is compared with the vault (read only); none yet is an empty one, and is not created.
  const wholeWallet =
    inspected.format === 'keepsake-backup' ||
    inspected.format === 'concordium-desktop' ||
    inspected.format === 'concordium-mobile' ||
    inspected.format === 'nova-backup';
  // The vault module (and its native SQLite driver) loads only for those: an account file's check does not wait for it.
  const report =
    wholeWallet && existsSync((await import('../../vault/open.js')).vaultPath(ctx.vaultFile))
      ? await withVault(ctx, (vault) => verifyFile(text, password!, { ...verifyOptions, vault }))
      : await verifyFile(text, password!, verifyOptions);
  // A file that would restore was opened with its password and its keys checked: backup health remembers it.
  if (report.restorable) await verifyRecord(ctx, options.file, text, report);
  const { covers: _covers, ...shown } = report;
  if (io.json) printJson(io, shown);
  else if (report.items) printBackup(io, report, report.items);
  else printAccounts(io, report);
  // Problems also go to stderr, one line each, so they are seen when stdout is piped.
  for (const a of report.accounts) {
    if (a.check !== 'failed' || !a.error) continue;
    if (io.json) printJsonError(io, { ...a.error, address: a.address });
    else say(io, line`keepsake: ${errorTextCli(a.error)}`);
  }
  if (report.items?.length === 0) {
    const message = `${options.file} holds nothing to import.`;
    if (io.json) printJsonError(io, { name: 'NothingToImport', message });
    else say(io, line`keepsake: ${message}`);
  }
  return report.restorable ? EXIT.ok : EXIT.failed;
}

/**
 * Records the verify in the vault, when there is one (a verify never creates a vault, and never asks
 * for a locked vault's password). The verify itself succeeded: a vault that cannot be written (a
 * wrong vault password, busy) is said on stderr and does not change the exit code.
 */
async function verifyRecord(ctx: Context, file: string, text: string, report: VerifyReport): Promise<void> {
  const { vaultPath } = await import('../../vault/open.js');
  const vaultFile = vaultPath(ctx.vaultFile);
  if (!existsSync(vaultFile)) return;
  // A verify never asks for the vault password: a locked vault is written only with its password file.
  const { vaultEncrypted } = await import('../../vault/cipher.js');
  if (vaultEncrypted(vaultFile) && ctx.vaultPasswordFile === undefined) {
    if (!ctx.io.json)
      say(ctx.io, 'keepsake: this verify was not recorded for `keepsake status`: the vault is locked (give --vault-password-file to record it).');
    return;
  }
  const { backupRecordVerified } = await import('../../wallet/backupHealth.js');
  try {
    await withVault(ctx, (vault) => backupRecordVerified(vault, { path: file, text, format: report.format, covers: report.covers }));
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
    say(ctx.io, line`keepsake: this verify was not recorded in the vault: ${errorTextCli(err.report)}`);
  }
}

function askOf(io: Io, passwordFile: string | undefined) {
  const ask = askLocked(io, passwordFile);
  return ask === undefined ? undefined : { askPassword: ask };
}

function accountLabel(a: VerifyAccount): Line {
  return line`${a.address}${a.name === null ? '' : line` ${JSON.stringify(a.name)}`}${a.type === null ? '' : line` (${a.type})`}`;
}

/** What a check found, after the account's label. */
function checkText(a: VerifyAccount): Line | string {
  switch (a.check) {
    case 'checked':
      return 'the key matches the address';
    case 'address-only':
      return 'an address without a key (watch-only)';
    case 'locked':
      return 'locked with its own password (not given), so its key was not checked';
    case 'identity':
      return 'derived from an identity: its key is checked when the identity’s PIN is given';
    case 'unsupported':
    case 'failed':
      return line`${a.error ? errorTextCli(a.error) : 'unknown problem'}`;
  }
}

function printAccounts(io: Io, report: VerifyReport): void {
  const outer = report.format === 'polkadot-js-batch' || report.format === 'subwallet' ? 'the password opens it; ' : '';
  out(io, line`${report.label}: ${outer}${plural(report.accounts.length, 'account')}`);
  for (const a of report.accounts) {
    if (a.check === 'failed') out(io, line`  ${color(io, 'red', 'FAIL')}    ${accountLabel(a)}: ${checkText(a)}`);
    else if (a.check === 'unsupported') out(io, line`  ${color(io, 'yellow', 'left out')} ${accountLabel(a)}: ${checkText(a)}`);
    else if (a.check === 'locked') out(io, line`  ${color(io, 'yellow', 'locked')}  ${accountLabel(a)}: ${checkText(a)}; it would restore unchecked`);
    else out(io, line`  ${color(io, 'green', 'ok')}      ${accountLabel(a)}: ${checkText(a)}; it would restore`);
  }
  const locked = report.accounts.filter((a) => a.check === 'locked').length;
  const left = report.accounts.filter((a) => a.check === 'unsupported').length;
  if (!report.restorable) out(io, 'Some accounts in this file would NOT restore; see above.');
  else if (left > 0)
    out(io, `Every Polkadot and Ethereum account in this file would restore; ${plural(left, 'account')} of another kind would be left out (see above).`);
  else if (locked === 0) out(io, 'Every account in this file would restore.');
  else
    out(
      io,
      `Every account in this file would restore; ${locked === 1 ? '1 is' : `${locked} are`} locked with ${locked === 1 ? 'its' : 'their'} own password, so ${locked === 1 ? 'its key was' : 'their keys were'} not checked. ` +
        'Give those passwords too (when asked, or as further lines of --password-file), or check each account after restoring it with `keepsake account verify ADDRESS`.',
    );
}

/** A whole-wallet backup: each item with what `backup import` would do with it, and each account's check. */
function printBackup(io: Io, report: VerifyReport, items: readonly ImportItem[]): void {
  const count = (kind: ImportItem['kind']) => items.filter((i) => i.kind === kind).length;
  const counts = [
    plural(count('identity'), 'identity', 'identities'),
    plural(count('account'), 'account'),
    plural(count('address'), 'address', 'addresses'),
    ...(count('concordium-identity') + count('concordium-account') > 0
      ? [plural(count('concordium-identity'), 'Concordium identity', 'Concordium identities'), plural(count('concordium-account'), 'Concordium account')]
      : []),
  ];
  out(io, line`${report.label}: ${counts.join(', ')}`);
  let account = 0;
  for (const item of items) {
    const what = line`${ITEM_KIND_LABEL[item.kind]} ${JSON.stringify(item.name)}${item.address ? line` ${item.address}` : ''}`;
    const checked = item.kind === 'account' ? report.accounts[account++] : undefined;
    const note = checked !== undefined ? line`: ${checkText(checked)}` : item.kind === 'identity' ? ': its phrase is sealed under its PIN (well-formed)' : '';
    if (checked?.check === 'failed') out(io, line`  ${color(io, 'red', 'FAIL')}           ${what}${note}`);
    else if (item.status === 'present')
      out(
        io,
        line`  ${color(io, 'yellow', 'present')}        ${what}: already present as ${JSON.stringify(item.presentAs)}${checked === undefined ? '' : line`; ${checkText(checked)}`}`,
      );
    else if (item.status === 'replaced')
      out(io, line`  ${color(io, 'green', 'would replace')}  ${what}${note} (the watch-only ${JSON.stringify(item.presentAs)} gains its key)`);
    else out(io, line`  ${color(io, 'green', 'would import')}   ${what}${note}`);
  }
  const n = (s: ImportItem['status']) => items.filter((i) => i.status === s).length;
  const tally = `${n('imported')} new, ${n('present')} already present, ${n('replaced')} replaced`;
  for (const note of report.notes ?? []) out(io, line`  note: ${note}`);
  if (!report.restorable) out(io, 'This backup would NOT import as it is; see above. Nothing was imported.');
  else out(io, `Everything in this backup would import: ${tally}. Nothing was imported.`);
}
