import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { isKeyType, type KeyType } from '../../../keys/types.js';
import type { AccountView } from '../../../wallet/accountView.js';
import type { AddResult } from '../../../wallet/create.js';
import type { OnDuplicate } from '../../../wallet/duplicate.js';
import { type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { type Io, out, printJson, readNewSecret, readSecret, say } from '../../io.js';
import { outputCheck, outputsWithVault, phraseOutCheck } from '../../output.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

type Common = { name: string; type: string; network?: string; passwordFile?: string; backup?: string; force?: boolean; kdf: string };

function common(cmd: Command): Command {
  return cmd
    .requiredOption('--name <name>', 'the account name')
    .option('--type <type>', 'key type: sr25519, ed25519, ecdsa or ethereum', 'sr25519')
    .option('--network <network>', 'network for the address format and genesis hash (e.g. polkadot, kusama, westend)', 'substrate')
    .option('--password-file <file>', "read the new account's password from the first line of <file> (- = standard input)")
    .option('--backup <out>', 'also write the account\'s backup file (Polkadot{.js} format) to <out>')
    .option('--kdf <kdf>', 'backup encryption: default (scrypt N=2^17) or compat (N=2^15, for wallets from before mid-2025)', 'default')
    .option('--force', 'overwrite output files that exist');
}

export function accountCreateCommand(parent: Command, run: Runner): void {
  common(parent.command('create'))
    .option('--words <n>', 'length of the new recovery phrase: 12 or 24', '12')
    .option('--path <path>', "derivation path on the new phrase (//hard/soft; ethereum: /m/44'/60'/0'/0/0)")
    .option('--mnemonic-out <file>', 'write the new recovery phrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json)')
    .summary('create a new account with a new recovery phrase')
    .description(
      [
        'Create a new account: a new recovery phrase, the account derived from it (sr25519 on the generic Substrate network unless --type and --network say otherwise), and with --backup its backup file right away ("Create and backup account"). The vault is made on first use.',
        'It asks for the account\'s new password twice on a terminal (at least 6 characters), or reads it from --password-file. The phrase is shown once on the terminal — write it down — or written to --mnemonic-out, which is required when not on a terminal and with --json. keepsake never stores the phrase.',
        'The account, the phrase file and the backup file are made together or not at all.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake account create --name Savings --network polkadot --backup savings.json', 'keepsake account create --name Cold --words 24 --mnemonic-out phrase.txt --password-file pw.txt']))
    .action((opts: Common & { words: string; path?: string; mnemonicOut?: string }) =>
      run(async (ctx) => {
        const words = Number(opts.words);
        if (words !== 12 && words !== 24) throw new UsageError({ reason: `--words is 12 or 24, not "${opts.words}".` });
        const o = checkCommon(opts);
        phraseOutCheck(ctx.io, opts.mnemonicOut, opts.force === true);
        if (opts.mnemonicOut && opts.backup && resolve(opts.mnemonicOut) === resolve(opts.backup)) {
          throw new UsageError({ reason: '--mnemonic-out and --backup name the same file; one would replace the other.', hint: 'Give them different file names.' });
        }
        const password = await newPassword(ctx.io, opts.passwordFile);
        const { accountCreate } = await import('../../../wallet/create.js');
        const result = await outputsWithVault(opts.force === true, (place) => {
          let mnemonic: string | undefined;
          return withVault(ctx, (vault) =>
            accountCreate(vault, {
              ...o,
              password,
              words,
              ...(opts.path === undefined ? {} : { path: opts.path }),
              // Both run inside the vault transaction, the phrase first; the files are placed together at the end.
              onMnemonic: (m) => {
                mnemonic = m;
              },
              onBackup: (json) => {
                if (mnemonic === undefined) throw new Error('accountCreate gave the backup before the phrase');
                place([...(opts.mnemonicOut ? [{ path: opts.mnemonicOut, text: mnemonic }] : []), ...(opts.backup ? [{ path: opts.backup, text: json }] : [])]);
              },
            }),
            { mode: 'add' },
          );
        });
        if (!opts.mnemonicOut) {
          say(ctx.io, '\nYour new recovery phrase — write it down and keep it offline. It will not be shown again:\n');
          say(ctx.io, line`    ${result.mnemonic}\n`);
        }
        report(ctx.io, result.account, opts, opts.mnemonicOut);
        return 0;
      }),
    );
}

export function accountAddCommand(parent: Command, run: Runner): void {
  common(parent.command('add'))
    .option('--suri-file <file>', 'read the recovery phrase or 0x seed (with an optional //path and ///password) from <file> (- = standard input)')
    .option('--path <path>', "derivation path, if the phrase file has none (//hard/soft; ethereum: default m/44'/60'/0'/0/0, as MetaMask; m for the BIP-32 master key)")
    .option('--on-duplicate <mode>', 'if the account is already in the vault: refuse (the default); update its name and network; or relock: also lock its stored file with the new password')
    .summary('add an account from an existing recovery phrase or seed')
    .description(
      [
        "Add an account from a recovery phrase or 0x seed you already have, under any name and a new password, and with --backup write its backup file right away. The vault is made on first use.",
        "The phrase is read from --suri-file or asked on the terminal — never given as an option value — and is not stored. A derivation path goes after the phrase in the same line (phrase//hard/soft///password), or in --path; an ethereum account from a phrase without a path uses m/44'/60'/0'/0/0, as MetaMask does.",
        'The phrase is checked, and a key already in the vault found, before the new password is asked (twice on a terminal, at least 6 characters) or read from --password-file. A key already in the vault is refused unless --on-duplicate says what to do: update gives it the name and network asked for (no password is asked); relock also locks its stored file with the new password. Its key is never replaced; a watch-only account gains it, locked with the new password.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account add --name Restored --suri-file phrase.txt --password-file pw.txt --backup restored.json',
        'keepsake account add --name MetaMask --type ethereum --suri-file phrase.txt',
        'keepsake account add --name Savings --network kusama --suri-file phrase.txt --on-duplicate update',
      ]),
    )
    .action((opts: Common & { suriFile?: string; path?: string; onDuplicate?: string }) =>
      run(async (ctx) => {
        const o = checkCommon(opts);
        const onDuplicate = onDuplicateOf(opts.onDuplicate);
        const suri = await readSecret(ctx.io, { file: opts.suriFile, flag: '--suri-file', prompt: 'Recovery phrase or seed: ', what: 'recovery phrase' });
        const path = opts.path === undefined ? {} : { path: opts.path };
        // The phrase is checked, and a key already in the vault found, before a password is asked for.
        const { accountAdd, accountAddCheck } = await import('../../../wallet/create.js');
        // A vault that does not exist yet is not created just for the check (the password prompt may still be cancelled).
        const { vaultPath } = await import('../../../vault/open.js');
        const check = { ...o, ...path, suri, onDuplicate };
        const { needsPassword } = existsSync(vaultPath(ctx.vaultFile)) ? await withVault(ctx, (vault) => accountAddCheck(vault, check)) : await accountAddCheck(undefined, check);
        const password = needsPassword ? await newPassword(ctx.io, opts.passwordFile) : undefined;
        const result = await outputsWithVault(opts.force === true, (place) =>
          withVault(
            ctx,
            (vault) =>
              accountAdd(vault, { ...o, ...path, suri, ...(password === undefined ? {} : { password }), onDuplicate, onBackup: (json) => place(opts.backup ? [{ path: opts.backup, text: json }] : []) }),
            { mode: 'add' },
          ),
        );
        if (result.status === 'added') report(ctx.io, result.account, opts, undefined);
        else updateReport(ctx.io, result, opts);
        return 0;
      }),
    );
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
    out(io, line`Added the key of ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'}), which the vault held as a watch-only account${was}.`);
  } else {
    out(io, line`Updated ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'})${was}; its key was not changed.`);
  }
  if (result.status === 'relocked') out(io, 'Its stored file is now locked with the new password.');
  else if (result.status === 'updated' && account.identity !== null) out(io, line`It is still derived from the identity "${account.identity}": its key opens with that identity's PIN.`);
  else if (result.status === 'updated') out(io, 'Its stored file keeps its password.');
  if (opts.backup && result.json !== null) out(io, line`Backup written to ${opts.backup}; it opens with the account's password.`);
  else if (opts.backup) out(io, line`No backup file was written: the account has no file of its own (export it with \`keepsake account export\`, which asks the identity's PIN).`);
}

function onDuplicateOf(value: string | undefined): OnDuplicate {
  if (value === undefined || value === 'refuse' || value === 'update' || value === 'relock') return value ?? 'refuse';
  throw new UsageError({ reason: `--on-duplicate is "refuse", "update" or "relock", not "${value.slice(0, 20)}".` });
}

function checkCommon(opts: Common): { name: string; type: KeyType; network: string; kdf: 'default' | 'compat' } {
  if (!isKeyType(opts.type)) throw new UsageError({ reason: `--type is sr25519, ed25519, ecdsa or ethereum, not "${opts.type}".` });
  if (opts.kdf !== 'default' && opts.kdf !== 'compat') throw new UsageError({ reason: `--kdf is "default" or "compat", not "${opts.kdf}".` });
  if (opts.backup) outputCheck(opts.backup, opts.force === true);
  return { name: opts.name, type: opts.type, network: opts.network ?? 'substrate', kdf: opts.kdf };
}

function newPassword(io: Io, file: string | undefined): Promise<string> {
  return readNewSecret(io, { file, flag: '--password-file', prompt: `New password for the account (at least ${MIN_SECRET_LENGTH} characters): `, what: 'account password', minLength: MIN_SECRET_LENGTH });
}

function report(io: Io, account: AccountView, opts: Common, mnemonicOut: string | undefined): void {
  if (io.json) {
    printJson(io, { ...account, backup: opts.backup ?? null, mnemonicFile: mnemonicOut ?? null });
    return;
  }
  out(io, line`Added ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'}).`);
  if (mnemonicOut) out(io, line`The recovery phrase is in ${mnemonicOut}; move it somewhere safe and offline.`);
  if (opts.backup) out(io, line`Backup written to ${opts.backup}; it opens with the account's password.`);
}

