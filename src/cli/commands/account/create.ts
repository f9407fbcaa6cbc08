import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { isKeyType, type KeyType } from '../../../keys/types.js';
import type { AccountView } from '../../../wallet/accountView.js';
import { type Runner, withVault } from '../../context.js';
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
      'Create a new account: a new recovery phrase (shown once on the terminal — write it down — or\n' +
        'written to --mnemonic-out), the account derived from it, and with --backup its backup file right\n' +
        'away ("Create and backup account"). The phrase is never stored by keepsake. The account, the\n' +
        'phrase file and the backup file are made together or not at all.',
    )
    .addHelpText('after', '\nExample:\n  keepsake account create --name Savings --network polkadot --backup savings.json')
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
    .summary('add an account from an existing recovery phrase or seed')
    .description(
      'Add an account from a recovery phrase or 0x seed you already have, under any name and a new\n' +
        'password, and with --backup write its backup file right away. A derivation path goes after the\n' +
        'phrase in the same line (phrase//hard/soft///password). The phrase is read from --suri-file or\n' +
        'asked on the terminal — never given as an option value — and is not stored.',
    )
    .addHelpText('after', '\nExample:\n  keepsake account add --name Restored --suri-file phrase.txt --password-file pw.txt --backup restored.json')
    .action((opts: Common & { suriFile?: string }) =>
      run(async (ctx) => {
        const o = checkCommon(opts);
        const suri = await readSecret(ctx.io, { file: opts.suriFile, flag: '--suri-file', prompt: 'Recovery phrase or seed: ', what: 'recovery phrase' });
        // Check the phrase before asking for a password, so a typo is reported at once.
        const { pairFromSuri } = await import('../../../keys/fromSuri.js');
        (await pairFromSuri(suri, o.type)).secretKey.fill(0);
        const password = await newPassword(ctx.io, opts.passwordFile);
        const { accountAdd } = await import('../../../wallet/create.js');
        const result = await outputsWithVault(opts.force === true, (place) =>
          withVault(ctx, (vault) => accountAdd(vault, { ...o, suri, password, onBackup: (json) => place(opts.backup ? [{ path: opts.backup, text: json }] : []) }), { mode: 'add' }),
        );
        report(ctx.io, result.account, opts, undefined);
        return 0;
      }),
    );
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

