import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { type Io, out, printJson, say } from '../../io.js';
import { line } from '../../printable.js';
import type { FindResult } from '../../../wallet/identity/find.js';
import { plural } from '../../../text/plural.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentityFindOptions = { query: string; address: string; pinFile: string | undefined };

/** Registers `keepsake identity find`: its options and help; the action calls {@link identityFindRun}. */
export function identityFindCommand(identity: Command, run: Runner): void {
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
    .addHelpText(
      'after',
      helpExamples([
        'keepsake identity find Phone 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
        'keepsake identity find Phone 0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac --pin-file pin.txt',
      ]),
    )
    .action((query: string, address: string, opts: { pinFile?: string }) => run((ctx) => identityFindRun({ query, address, pinFile: opts.pinFile }, ctx)));
}

/** Runs `keepsake identity find` with its parsed options; resolves to the exit code. */
export async function identityFindRun(options: IdentityFindOptions, ctx: Context): Promise<number> {
  const { query, address } = options;
  // A typo in the address is said before the PIN is asked for.
  const { identityFindCheck } = await import('../../../wallet/identity/checks.js');
  identityFindCheck(address);
  const pin = await askPin(ctx, options.pinFile, query);
  const { identityFind } = await import('../../../wallet/identity/find.js');
  if (!ctx.io.json) say(ctx.io, 'Searching the usual paths and key types…');
  const found = await withVault(ctx, (vault) => identityFind(vault, query, address, pin));
  if (ctx.io.json) printJson(ctx.io, found);
  else findReport(ctx.io, query, address, found);
  return 0;
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
    out(
      io,
      line`Its network: ${found.network}, the usual one for address prefix ${found.prefix}; ${others} it too — if the account is for ${found.sharedWith.length === 1 ? 'that one' : 'one of those'}, give its name with --network instead.`,
    );
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
