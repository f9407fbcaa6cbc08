import { type Command, Option } from 'commander';
import { KEY_TYPES, type KeyType } from '../../../keys/types.js';
import { KDF_CHOICES } from '../../../wallet/choices.js';
import type { AccountView } from '../../../wallet/accountView.js';
import { type Io, out, printJson, readNewSecret } from '../../io.js';
import { outputCheck } from '../../output.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

/** The options `account create` and `account add` share. */
export type Common = {
  name: string;
  type: KeyType;
  network?: string;
  passwordFile?: string;
  backup?: string;
  force?: boolean;
  kdf: (typeof KDF_CHOICES)[number];
};

/** Adds the options `account create` and `account add` share. */
export function common(cmd: Command): Command {
  return cmd
    .requiredOption('--name <name>', 'the account name')
    .addOption(new Option('--type <type>', 'key type: sr25519, ed25519, ecdsa or ethereum').choices(KEY_TYPES).default('sr25519'))
    .option('--network <network>', 'network for the address format and genesis hash (e.g. polkadot, kusama, westend)', 'substrate')
    .option('--password-file <file>', "read the new account's password from the first line of <file> (- = standard input)")
    .option('--backup <out>', "also write the account's backup file (Polkadot{.js} format) to <out>")
    .addOption(
      new Option('--kdf <kdf>', 'backup encryption: default (scrypt N=2^17) or compat (N=2^15, for wallets from before mid-2025)')
        .choices(KDF_CHOICES)
        .default('default'),
    )
    .option('--force', 'overwrite output files that exist');
}

/** The shared options, checked before anything is asked. */
export function checkCommon(opts: Common): { name: string; type: KeyType; network: string; kdf: 'default' | 'compat' } {
  if (opts.backup) outputCheck(opts.backup, opts.force === true);
  return { name: opts.name, type: opts.type, network: opts.network ?? 'substrate', kdf: opts.kdf };
}

/** The new account's password: from --password-file, else asked twice on the terminal. */
export function newPassword(io: Io, file: string | undefined): Promise<string> {
  return readNewSecret(io, {
    file,
    flag: '--password-file',
    prompt: `New password for the account (at least ${MIN_SECRET_LENGTH} characters): `,
    what: 'account password',
    minLength: MIN_SECRET_LENGTH,
  });
}

/** The account added, and the files written with it. */
export function report(io: Io, account: AccountView, opts: Common, mnemonicOut: string | undefined): void {
  if (io.json) {
    printJson(io, { ...account, backup: opts.backup ?? null, mnemonicFile: mnemonicOut ?? null });
    return;
  }
  out(io, line`Added ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'}).`);
  if (mnemonicOut) out(io, line`The recovery phrase is in ${mnemonicOut}; move it somewhere safe and offline.`);
  if (opts.backup) out(io, line`Backup written to ${opts.backup}; it opens with the account's password.`);
}
