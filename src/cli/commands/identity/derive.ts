import { type Command, Option } from 'commander';
import { KEY_TYPES, type KeyType } from '../../../keys/types.js';
import { DERIVE_DUPLICATE_CHOICES } from '../../../wallet/choices.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentityDeriveOptions = {
  query: string;
  network: string | undefined;
  path: string | undefined;
  type: KeyType;
  name: string | undefined;
  pinFile: string | undefined;
  onDuplicate: (typeof DERIVE_DUPLICATE_CHOICES)[number] | undefined;
};

/** Registers `keepsake identity derive`: its options and help; the action calls {@link identityDeriveRun}. */
export function identityDeriveCommand(identity: Command, run: Runner): void {
  identity
    .command('derive')
    .argument('<identity>', 'identity id or name')
    .option('--network <network>', 'network of the account (path //<network> unless --path is given)')
    .option('--path <path>', "derivation path: '' = root key (Polkadot{.js}), //hard, /soft, ///password")
    .addOption(new Option('--type <type>', 'key type: sr25519, ed25519, ecdsa or ethereum').choices(KEY_TYPES).default('sr25519'))
    .option('--name <name>', 'a name for the account')
    .option('--pin-file <file>', PIN_HELP)
    .addOption(
      new Option('--on-duplicate <mode>', 'if the account is already in the vault: refuse (the default), or update its name (with --name) and network').choices(
        DERIVE_DUPLICATE_CHOICES,
      ),
    )
    .summary('derive a network account from an identity')
    .description(
      [
        "Derive an account from the identity and add it to the vault, after the identity's PIN (asked on the terminal or read from --pin-file; a wrong one is counted, exit 3). The path and network are checked before the PIN is asked.",
        "With only --network the path is //<network>, as Parity Signer does; --path '' gives the root key, as Polkadot{.js} does; an ethereum key without --path is m/44'/60'/0'/0/0, as MetaMask. The name is --name, else the identity's name and the network. The account has no password of its own: using it later needs the PIN.",
        "A key already in the vault is refused, unless --on-duplicate update, which gives that account the network asked for (and the name, with --name); its key stays where it is, and a watch-only account becomes this identity's.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake identity derive Phone --network polkadot',
        'keepsake identity derive Phone --path \'\' --name "Phone root"',
        'keepsake identity derive Phone --type ethereum --name "Phone MetaMask"',
      ]),
    )
    .action(
      (
        query: string,
        opts: { network?: string; path?: string; type: KeyType; name?: string; pinFile?: string; onDuplicate?: IdentityDeriveOptions['onDuplicate'] },
      ) =>
        run((ctx) =>
          identityDeriveRun(
            { query, network: opts.network, path: opts.path, type: opts.type, name: opts.name, pinFile: opts.pinFile, onDuplicate: opts.onDuplicate },
            ctx,
          ),
        ),
    );
}

/** Runs `keepsake identity derive` with its parsed options; resolves to the exit code. */
export async function identityDeriveRun(options: IdentityDeriveOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { type } = options;
  const onDuplicate = options.onDuplicate ?? 'refuse';
  const derive = {
    type,
    onDuplicate,
    ...(options.network === undefined ? {} : { network: options.network }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.name === undefined ? {} : { name: options.name }),
  };
  // The identity, path, network and name are checked before the PIN is asked for (as the help says).
  const { identityDeriveCheck } = await import('../../../wallet/identity/checks.js');
  await withVault(ctx, (vault) => identityDeriveCheck(vault, query, derive));
  const pin = await askPin(ctx, options.pinFile, query);
  const { identityDerive } = await import('../../../wallet/identity/derive.js');
  const account = await withVault(ctx, (vault) => identityDerive(vault, query, { ...derive, pin }));
  if (ctx.io.json) printJson(ctx.io, account);
  else if (account.status === 'added' || account.status === 'completed') {
    out(ctx.io, line`Derived ${account.address} "${account.name}" (${account.type}, path ${account.path === '' ? '(root)' : account.path}).`);
    if (account.status === 'completed')
      out(ctx.io, line`It was in the vault as the watch-only account "${account.previous!.name}"; it now holds its key, derived from this identity.`);
    if (account.signerQr) out(ctx.io, line`Signer address text: ${account.signerQr}`);
  } else {
    const before = account.previous!;
    if (account.status === 'unchanged')
      out(ctx.io, line`${account.address} is already in the vault as "${account.name}" (${account.network ?? 'no network'}); nothing was changed.`);
    else
      out(
        ctx.io,
        line`Updated ${account.address}: "${before.name}" (${before.network ?? 'no network'}) is now "${account.name}" (${account.network ?? 'no network'}); its key was not changed.`,
      );
    if (account.signerQr) out(ctx.io, line`Signer address text: ${account.signerQr}`);
  }
  return 0;
}
