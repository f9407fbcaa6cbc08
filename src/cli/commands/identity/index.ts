import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { isKeyType, type KeyType } from '../../../keys/types.js';
import { type Context, type Runner, withVault } from '../../context.js';
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
      'An identity is a recovery phrase with a name, sealed under a PIN (at least 6 characters). Accounts\n' +
        'for each network are derived from it by path: Signer uses //<network> (//polkadot, //kusama),\n' +
        'Polkadot{.js} uses the root key (empty path). If a restored address is "different", `identity find`\n' +
        'names the path and key type that give it.',
    );

  identity
    .command('create')
    .requiredOption('--name <name>', 'the identity name')
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .option('--words <n>', 'length of the new phrase: 12 or 24', '24')
    .option('--mnemonic-out <file>', 'write the new phrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json)')
    .option('--force', 'overwrite --mnemonic-out if it exists')
    .summary('create an identity with a new recovery phrase')
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
      'Derive an account from the identity and add it to the vault. With only --network the path is\n' +
        "//<network>, as Parity Signer does; --path '' gives the root key, as Polkadot{.js} does.\n" +
        'Using the account later needs the PIN, not a separate password.',
    )
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
      'Recover without a backup file: list the first accounts of each common path family (root key,\n' +
        '//<network>, //<network>//<n>, //<n>, and other key types) so you can recognise the ones you had,\n' +
        'then add them with `identity derive --path`. Nothing is changed; no chain access is needed.',
    )
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
    .description('Give an identity another name. Its phrase, PIN and accounts stay as they are; the accounts keep their own names.')
    .addHelpText('after', '\nExample:\n  keepsake identity rename Phone "Old phone"')
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
      'Remove an identity from the vault: its sealed recovery phrase and every account derived from it (those accounts have no key of their own, so they go with it). keepsake cannot tell whether you kept the phrase on paper or in a backup file: without one of them the identity and its accounts are lost. On a terminal it lists what will be removed and asks; in scripts give --yes.',
    )
    .addHelpText('after', '\nExample:\n  keepsake identity remove "Test phone" --yes')
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
