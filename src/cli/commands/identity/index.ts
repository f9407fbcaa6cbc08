import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { isKeyType, type KeyType } from '../../../keys/types.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { confirm, type Io, out, printJson, readNewSecret, readSecret, say } from '../../io.js';
import { outputsWithVault, phraseOutCheck } from '../../output.js';
import { line } from '../../printable.js';
import type { FindResult } from '../../../wallet/identity.js';
import { plural } from '../../../text/plural.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

const PIN_HELP = "read the identity's PIN from the first line of <file> (- = standard input)";

export function identityCommand(program: Command, run: Runner): void {
  const identity = program
    .command('identity')
    .summary('seed phrases under a PIN, and the network accounts derived from them (Parity Signer model)')
    .description(
      [
        'An identity is a recovery phrase with a name, sealed under a PIN (at least 6 characters; a passphrase is stronger than 6 digits). Accounts for each network are derived from it by path: Parity Signer uses //<network> (//polkadot, //kusama), Polkadot{.js} uses the root key (empty path). Those accounts have no password of their own: using one needs the PIN.',
        'A wrong PIN is counted (exit 3): from the fourth in a row on, the next try must wait 30 seconds, doubling each time up to an hour; the right PIN clears the count. If a restored address is "different", `identity find` names the path and key type that give it; `identity scan` lists the usual ones to recognise.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity recover --name Phone', 'keepsake identity derive Phone --network polkadot']));

  identity
    .command('create')
    .requiredOption('--name <name>', 'the identity name')
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .option('--words <n>', 'length of the new phrase: 12 or 24', '24')
    .option('--mnemonic-out <file>', 'write the new phrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json)')
    .option('--force', 'overwrite --mnemonic-out if it exists')
    .summary('create an identity with a new recovery phrase')
    .description(
      [
        'Create an identity: a new recovery phrase (24 words, or --words 12) sealed under a new PIN, which is asked twice on a terminal (at least 6 characters) or read from --pin-file. The vault is made on first use; no account is derived yet (`identity derive` does that).',
        'The phrase is shown once on the terminal — write it down and keep it offline — or written to --mnemonic-out (mode 0600), which is required when not on a terminal and with --json. Afterwards only `identity show-phrase`, with the PIN, shows it again.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity create --name Phone', 'keepsake identity create --name Cold --mnemonic-out phrase.txt --pin-file pin.txt']))
    .action((opts: { name: string; pinFile?: string; words: string; mnemonicOut?: string; force?: boolean }) =>
      run(async (ctx) => {
        const words = Number(opts.words);
        if (words !== 12 && words !== 24) throw new UsageError({ reason: `--words is 12 or 24, not "${opts.words}".` });
        phraseOutCheck(ctx.io, opts.mnemonicOut, opts.force === true);
        const pin = await newPin(ctx.io, opts.pinFile);
        const { identityCreate } = await import('../../../wallet/identity.js');
        let phrase = '';
        const result = await outputsWithVault(opts.force === true, (place) =>
          withVault(ctx, (vault) =>
            identityCreate(vault, {
              name: opts.name,
              pin,
              words,
              onMnemonic: (m) => {
                if (opts.mnemonicOut) place([{ path: opts.mnemonicOut, text: m }]);
                else phrase = m;
              },
            }),
            { mode: 'add' },
          ),
        );
        if (phrase) {
          say(ctx.io, '\nThe recovery phrase of this identity — write it down and keep it offline. It is shown again only after the PIN:\n');
          say(ctx.io, line`    ${phrase}\n`);
        }
        if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name, mnemonicFile: opts.mnemonicOut ?? null });
        else out(ctx.io, line`Created identity ${result.id} "${result.name}". Add a network account with \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`);
        return 0;
      }),
    );

  identity
    .command('recover')
    .requiredOption('--name <name>', 'a name for the identity')
    .option('--mnemonic-file <file>', 'read the recovery phrase from <file> (- = standard input)')
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .summary('recover an identity from its recovery phrase')
    .description(
      [
        'Keep a recovery phrase you already have (from Parity Signer, Polkadot{.js} or any BIP-39 wallet) as an identity, sealed under a new PIN. The vault is made on first use; no account is derived yet (`identity derive` or `identity find` does that).',
        'The phrase is read from --mnemonic-file or asked on the terminal — never given as an option value — and checked (words and checksum) before the new PIN is asked twice (at least 6 characters) or read from --pin-file. A name already used by another identity is refused.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity recover --name Phone', 'keepsake identity recover --name "Old Signer" --mnemonic-file phrase.txt --pin-file pin.txt']))
    .action((opts: { name: string; mnemonicFile?: string; pinFile?: string }) =>
      run(async (ctx) => {
        const mnemonic = await readSecret(ctx.io, { file: opts.mnemonicFile, flag: '--mnemonic-file', prompt: 'Recovery phrase: ', what: 'recovery phrase' });
        const { mnemonicValidate } = await import('../../../keys/mnemonic.js');
        mnemonicValidate(mnemonic);
        const pin = await newPin(ctx.io, opts.pinFile);
        const { identityRecover } = await import('../../../wallet/identity.js');
        const result = await withVault(ctx, (vault) => identityRecover(vault, { name: opts.name, mnemonic, pin }), { mode: 'add' });
        if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name });
        else out(ctx.io, line`Recovered identity ${result.id} "${result.name}". Pick a network for its first account: \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`);
        return 0;
      }),
    );

  identity
    .command('list')
    .summary('list identities and their accounts')
    .description(
      [
        "List each identity (number, name) with the accounts derived from it: address, key type, path, network and name, and for an account on a known network the address text Parity Signer puts in its QR code. Concordium identities imported from a Concordium Desktop Wallet export follow in a section of their own; --json lists keepsake's own identities.",
        'No PIN is asked and nothing is changed; the vault must exist.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity list', 'keepsake identity list --json']))
    .action(() =>
      run(async (ctx) => {
        const { identityList } = await import('../../../wallet/identity.js');
        const { concordiumList } = await import('../../../wallet/concordium.js');
        const { list, concordium, file } = await withVault(ctx, (vault) => ({ list: identityList(vault), concordium: concordiumList(vault).identities, file: vault.file }));
        // --json stays the list of keepsake's identities; Concordium identities: `concordium list --json`.
        if (ctx.io.json) printJson(ctx.io, list);
        else if (list.length === 0 && concordium.length === 0) out(ctx.io, line`The vault at ${file} has no identities yet. Create one with \`keepsake identity create --name NAME\`.`);
        else {
          for (const i of list) {
            out(ctx.io, line`${i.id}  "${i.name}"  ${plural(i.accounts.length, 'account')}`);
            for (const a of i.accounts) {
              out(ctx.io, line`    ${a.address}  ${a.type}  path ${a.path === '' ? '(root)' : a.path}  ${a.network ?? ''}  "${a.name}"`);
              if (a.signerQr) out(ctx.io, line`        ${a.signerQr}`);
            }
          }
          const { concordiumPrint } = await import('../concordium.js');
          concordiumPrint(ctx.io, { identities: concordium });
        }
        return 0;
      }),
    );

  identity
    .command('show-phrase')
    .argument('<identity>', 'identity id or name')
    .option('--pin-file <file>', PIN_HELP)
    .summary('show the recovery phrase, after the PIN')
    .description(
      [
        "Show an identity's recovery phrase on standard output, after its PIN (asked on the terminal or read from --pin-file). A wrong PIN shows nothing and is counted (exit 3). Nothing is changed.",
        'Anyone who sees the phrase controls every account derived from it: show it only where no one and nothing records the screen.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity show-phrase Phone', 'keepsake identity show-phrase 1 --pin-file pin.txt --json']))
    .action((query: string, opts: { pinFile?: string }) =>
      run(async (ctx) => {
        const pin = await askPin(ctx, opts.pinFile, query);
        const { identityShowPhrase } = await import('../../../wallet/identity.js');
        const { mnemonic } = await withVault(ctx, (vault) => identityShowPhrase(vault, query, pin));
        if (ctx.io.json) printJson(ctx.io, { mnemonic });
        else out(ctx.io, mnemonic);
        return 0;
      }),
    );

  identity
    .command('derive')
    .argument('<identity>', 'identity id or name')
    .option('--network <network>', 'network of the account (path //<network> unless --path is given)')
    .option('--path <path>', "derivation path: '' = root key (Polkadot{.js}), //hard, /soft, ///password")
    .option('--type <type>', 'key type: sr25519, ed25519, ecdsa or ethereum', 'sr25519')
    .option('--name <name>', 'a name for the account')
    .option('--pin-file <file>', PIN_HELP)
    .option('--on-duplicate <mode>', 'if the account is already in the vault: refuse (the default), or update its name (with --name) and network')
    .summary('derive a network account from an identity')
    .description(
      [
        "Derive an account from the identity and add it to the vault, after the identity's PIN (asked on the terminal or read from --pin-file; a wrong one is counted, exit 3). The path and network are checked before the PIN is asked.",
        "With only --network the path is //<network>, as Parity Signer does; --path '' gives the root key, as Polkadot{.js} does; an ethereum key without --path is m/44'/60'/0'/0/0, as MetaMask. The name is --name, else the identity's name and the network. The account has no password of its own: using it later needs the PIN.",
        'A key already in the vault is refused, unless --on-duplicate update, which gives that account the network asked for (and the name, with --name); its key stays where it is, and a watch-only account becomes this identity\'s.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity derive Phone --network polkadot', "keepsake identity derive Phone --path '' --name \"Phone root\"", 'keepsake identity derive Phone --type ethereum --name "Phone MetaMask"']))
    .action((query: string, opts: { network?: string; path?: string; type: string; name?: string; pinFile?: string; onDuplicate?: string }) =>
      run(async (ctx) => {
        const type = keyType(opts.type);
        const onDuplicate = onDuplicateOf(opts.onDuplicate);
        const pin = await askPin(ctx, opts.pinFile, query);
        const { identityDerive } = await import('../../../wallet/identity.js');
        const account = await withVault(ctx, (vault) =>
          identityDerive(vault, query, {
            pin,
            type,
            onDuplicate,
            ...(opts.network === undefined ? {} : { network: opts.network }),
            ...(opts.path === undefined ? {} : { path: opts.path }),
            ...(opts.name === undefined ? {} : { name: opts.name }),
          }),
        );
        if (ctx.io.json) printJson(ctx.io, account);
        else if (account.status === 'added' || account.status === 'completed') {
          out(ctx.io, line`Derived ${account.address} "${account.name}" (${account.type}, path ${account.path === '' ? '(root)' : account.path}).`);
          if (account.status === 'completed') out(ctx.io, line`It was in the vault as the watch-only account "${account.previous!.name}"; it now holds its key, derived from this identity.`);
          if (account.signerQr) out(ctx.io, line`Signer address text: ${account.signerQr}`);
        } else {
          const before = account.previous!;
          if (account.status === 'unchanged') out(ctx.io, line`${account.address} is already in the vault as "${account.name}" (${account.network ?? 'no network'}); nothing was changed.`);
          else out(ctx.io, line`Updated ${account.address}: "${before.name}" (${before.network ?? 'no network'}) is now "${account.name}" (${account.network ?? 'no network'}); its key was not changed.`);
          if (account.signerQr) out(ctx.io, line`Signer address text: ${account.signerQr}`);
        }
        return 0;
      }),
    );

  scanCommand(identity, run);

  identity
    .command('find')
    .argument('<identity>', 'identity id or name')
    .argument('<address>', 'the address you expect (any SS58 network format, or 0x Ethereum)')
    .option('--pin-file <file>', PIN_HELP)
    .summary('find which path and key type of an identity give an address')
    .description(
      [
        'For "I restored my phrase and got a different address": try the key types and the paths wallets use (root, //<network> for every known network, //<network>//<n>, //<n>, BIP-44 indexes for Ethereum — about ten thousand candidates, a few seconds) on the identity\'s phrase, and name the one that gives ADDRESS.',
        "It asks for the identity's PIN (on the terminal or from --pin-file; a wrong one is counted, exit 3) and changes nothing. It says which network the address format points to and prints the `identity derive` command that adds exactly that address, or the account already in the vault. An address no candidate gives: exit 1.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity find Phone 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5', 'keepsake identity find Phone 0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac --pin-file pin.txt']))
    .action((query: string, address: string, opts: { pinFile?: string }) =>
      run(async (ctx) => {
        const { ss58Decode, ethereumDecode } = await import('../../../keys/address.js');
        if (address.startsWith('0x')) ethereumDecode(address);
        else ss58Decode(address);
        const pin = await askPin(ctx, opts.pinFile, query);
        const { identityFind } = await import('../../../wallet/identity.js');
        if (!ctx.io.json) say(ctx.io, 'Searching the usual paths and key types…');
        const found = await withVault(ctx, (vault) => identityFind(vault, query, address, pin));
        if (ctx.io.json) printJson(ctx.io, found);
        else findReport(ctx.io, query, address, found);
        return 0;
      }),
    );

  renameRemoveCommands(identity, run);
}

/**
 * What `identity find` found, and the command that adds exactly the address typed: the path, the key
 * type and the network whose format the address was in (without it the same key would be shown in
 * the generic Substrate format — "a different address").
 */
function findReport(io: Io, query: string, address: string, found: FindResult): void {
  const path = found.path === '' ? (found.type === 'ethereum' ? "'' (the BIP-32 master key)" : "'' (the root key)") : found.path;
  out(io, line`${address} is the ${found.type} key at path ${path}, found after trying ${plural(found.tried, 'candidate')}.`);
  const others = found.sharedWith.length === 1 ? line`${found.sharedWith[0]!} uses` : line`${listText(found.sharedWith)} use`;
  if (found.network !== null && found.networkReason === 'path') {
    out(io, line`Its network: ${found.network}, from the address format (prefix ${found.prefix}) and the path.`);
  } else if (found.network !== null && found.networkReason === 'registry') {
    out(io, line`Its network: ${found.network}, the usual one for address prefix ${found.prefix}; ${others} it too — if the account is for ${found.sharedWith.length === 1 ? 'that one' : 'one of those'}, give its name with --network instead.`);
  } else if (found.network !== null) {
    out(io, line`Its network: ${found.network} (from the address format, prefix ${found.prefix}).`);
  } else if (found.prefix !== null) {
    out(io, line`No network keepsake knows uses address prefix ${found.prefix}; keepsake will show this account in the generic Substrate format.`);
  }
  const derive = [
    'keepsake identity derive',
    shellArg(query),
    `--type ${found.type}`,
    `--path ${shellArg(found.path)}`,
    ...(found.network === null ? [] : [`--network ${shellArg(found.network)}`]),
  ];
  const existing = found.existing;
  if (existing === null) {
    out(io, line`Add it with: ${derive.join(' ')}`);
  } else if (!existingNeedsUpdate(existing, address, found.network)) {
    out(io, line`It is already in the vault as "${existing.name}".`);
  } else {
    out(io, line`It is already in the vault as "${existing.name}" (${existing.network ?? 'no network'}, shown as ${existing.address}).`);
    out(io, line`To show it as ${found.network ?? 'no network'} instead: ${[...derive, '--on-duplicate update'].join(' ')}`);
  }
}

/**
 * Whether the account already in the vault would show another address than the one typed (or is
 * kept for another network of the same address format): then updating it is worth suggesting. An
 * Ethereum address is the same on every network.
 */
function existingNeedsUpdate(existing: { address: string; network: string | null }, typed: string, network: string | null): boolean {
  const sameAddress = typed.startsWith('0x') ? existing.address.toLowerCase() === typed.toLowerCase() : existing.address === typed;
  return !sameAddress || (network !== null && existing.network !== network);
}

/** `text` as one shell word a person can paste: single-quoted, or double-quoted when it holds a ' (BIP-44 paths). */
function shellArg(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  if (!text.includes("'")) return `'${text}'`;
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function onDuplicateOf(value: string | undefined): 'refuse' | 'update' {
  if (value === undefined || value === 'refuse' || value === 'update') return value ?? 'refuse';
  throw new UsageError({ reason: `--on-duplicate is "refuse" or "update", not "${value.slice(0, 20)}".` });
}

function scanCommand(identity: Command, run: Runner): void {
  identity
    .command('scan')
    .argument('<identity>', 'identity id or name')
    .requiredOption('--network <network>', 'the network to show addresses for')
    .option('--count <n>', 'how many accounts of each numbered family', '5')
    .option('--pin-file <file>', PIN_HELP)
    .summary('list the usual accounts of an identity on a network, to recognise yours')
    .description(
      [
        'Recover without a backup file: list the first accounts of each common path family on a network (root key, //<network>, //<network>//<n>, //<n>, and other key types), each marked [in vault] when the vault has it, so you can recognise the ones you had; then add them with `identity derive --path`.',
        "It asks for the identity's PIN (on the terminal or from --pin-file; a wrong one is counted, exit 3). --count (1 to 100) sets how many of each numbered family. Nothing is changed; no chain access is needed.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity scan Phone --network polkadot', 'keepsake identity scan Phone --network kusama --count 10 --pin-file pin.txt']))
    .action((query: string, opts: { network: string; count: string; pinFile?: string }) =>
      run(async (ctx) => {
        const count = Number(opts.count);
        const pin = await askPin(ctx, opts.pinFile, query);
        const { identityScan } = await import('../../../wallet/identity.js');
        const list = await withVault(ctx, (vault) => identityScan(vault, query, { network: opts.network, count, pin }));
        if (ctx.io.json) printJson(ctx.io, list);
        else
          for (const e of list) {
            out(ctx.io, line`${e.address}  ${e.type.padEnd(7)}  ${(e.path === '' ? '(root)' : e.path).padEnd(22)}  ${e.family}${e.inVault ? '  [in vault]' : ''}`);
          }
        return 0;
      }),
    );
}

function keyType(value: string): KeyType {
  if (!isKeyType(value)) throw new UsageError({ reason: `--type is sr25519, ed25519, ecdsa or ethereum, not "${value}".` });
  return value;
}

function askPin(ctx: Context, file: string | undefined, identity: string): Promise<string> {
  return readSecret(ctx.io, { file, flag: '--pin-file', prompt: line`PIN of the identity "${identity}": `, what: 'PIN' });
}

function newPin(io: Io, file: string | undefined): Promise<string> {
  return readNewSecret(io, { file, flag: '--pin-file', prompt: `New PIN (at least ${MIN_SECRET_LENGTH} characters): `, what: 'PIN', minLength: MIN_SECRET_LENGTH });
}

/** The sentence every removal shows: keepsake has no way to know where the phrase was kept. */
const REMOVE_WARNING =
  'keepsake cannot tell whether you kept this identity\'s recovery phrase: without a written copy of its recovery phrase or a backup file holding it, this identity is lost.';

/** `identity rename` and `identity remove` (issue 12 item 13). */
function renameRemoveCommands(identity: Command, run: Runner): void {
  identity
    .command('rename')
    .argument('<identity>', 'identity id or name')
    .argument('<name>', 'the new name')
    .summary('rename an identity')
    .description('Give an identity another name (no PIN is asked). Its phrase, PIN and accounts stay as they are; the accounts keep their own names. A name another identity has is refused.')
    .addHelpText('after', helpExamples(['keepsake identity rename Phone "Old phone"']))
    .action((query: string, name: string) =>
      run(async (ctx) => {
        const { identityRename } = await import('../../../wallet/identity.js');
        const renamed = await withVault(ctx, (vault) => identityRename(vault, query, name));
        if (ctx.io.json) printJson(ctx.io, renamed);
        else out(ctx.io, line`Renamed identity ${renamed.id} to "${renamed.name}".`);
        return 0;
      }),
    );

  identity
    .command('remove')
    .argument('<identity>', 'identity id or name')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove an identity and the accounts derived from it (asks first)')
    .description(
      [
        'Remove an identity from the vault: its sealed recovery phrase and every account derived from it (those accounts have no key of their own, so they go with it). No PIN is asked.',
        'keepsake cannot tell whether you kept the phrase on paper or in a backup file: without one of them the identity and its accounts are lost. On a terminal it lists what will be removed and asks; answering no removes nothing (exit 1). In scripts, --yes is required.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity remove "Test phone"', 'keepsake identity remove 2 --yes']))
    .action((query: string, opts: { yes?: boolean }) =>
      run(async (ctx) => {
        const { identityRemove, identityShow } = await import('../../../wallet/identity.js');
        if (!opts.yes) {
          if (!ctx.io.stdin.isTTY) throw new UsageError({ reason: 'Removing an identity needs confirmation.', hint: 'Add --yes when not on a terminal.' });
          const shown = await withVault(ctx, (vault) => identityShow(vault, query));
          say(ctx.io, line`The identity ${shown.id} "${shown.name}" will be removed, with ${accountsText(shown.accounts.length)} derived from it:`);
          for (const a of shown.accounts) say(ctx.io, line`    ${a.address}  "${a.name}"  path ${a.path === '' ? '(root)' : a.path}`);
          say(ctx.io, REMOVE_WARNING);
          if (!(await confirm(ctx.io, line`Remove the identity "${shown.name}"?`))) {
            out(ctx.io, 'Nothing was removed.');
            return 1;
          }
        }
        const removed = await withVault(ctx, (vault) => identityRemove(vault, query));
        if (ctx.io.json) printJson(ctx.io, removed);
        else {
          const along = removed.accounts.length === 0 ? line`` : line` and ${accountsText(removed.accounts.length)} derived from it`;
          out(ctx.io, line`Removed identity ${removed.id} "${removed.name}"${along}.`);
          for (const a of removed.accounts) out(ctx.io, line`    removed ${a.address}  "${a.name}"`);
        }
        return 0;
      }),
    );
}

function accountsText(n: number): string {
  return `${n === 0 ? 'no' : n} account${n === 1 ? '' : 's'}`;
}
