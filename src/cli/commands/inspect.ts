import type { Command } from 'commander';
import type { Runner } from '../context.js';
import { type Io, out, printJson, readInputFile } from '../io.js';
import { nextStepCli } from '../nextStep.js';
import { helpExamples } from '../help.js';
import { line } from '../printable.js';
import type { InspectReport } from '../../wallet/inspect.js';

export type InspectOptions = { file: string };

/** Registers `keepsake inspect`: its options and help; the action calls {@link inspectRun}. */
export function inspectCommand(program: Command, run: Runner): void {
  program
    .command('inspect')
    .argument('<file>', 'a wallet file: Polkadot{.js} account or batch file, Apps export, Ethereum keystore, Concordium export')
    .summary('say what a wallet file is, without its password')
    .description(
      [
        'Say what a wallet file is, without asking for its password: its format and version, how it is encrypted (KDF parameters), whether wallets from before mid-2025 can open it, and the accounts it shows (address, name, key type, and the network `keepsake restore` would put it under, with those of the same address format that a file cannot tell apart: "Polkadot Relay Chain (also AXIA)").',
        'Nothing is decrypted or imported, and the vault is not opened. A whole-wallet file (a keepsake backup, a Concordium wallet export) shows nothing of what it holds without its password: `keepsake verify FILE` lists that, importing nothing.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake inspect 5GrwvaEF….json', 'keepsake inspect backup.json --json']))
    .action((file: string) => run(({ io }) => inspectRun({ file }, io)));
}

/** Runs `keepsake inspect` with its parsed options; resolves to the exit code. */
export async function inspectRun(options: InspectOptions, io: Io): Promise<number> {
  const { inspectFile } = await import('../../wallet/inspect.js');
  const report = await inspectFile(await readInputFile(options.file), { file: options.file });
  if (io.json) printJson(io, report);
  else printInspect(io, report, options.file);
  return 0;
}

function printInspect(io: Io, r: InspectReport, file: string): void {
  out(io, line`${r.label}${r.version === null ? '' : line`, version ${r.version}`}`);
  const cipher =
    r.format === 'ethereum-keystore'
      ? 'aes-128-ctr + keccak MAC'
      : r.format === 'concordium-desktop' || r.format === 'concordium-mobile'
        ? 'AES-256-CBC'
        : 'xsalsa20-poly1305';
  if (r.kdf?.name === 'scrypt') out(io, `  encryption: scrypt N=2^${Math.log2(r.kdf.N)} r=${r.kdf.r} p=${r.kdf.p}, ${cipher}`);
  else if (r.kdf?.name === 'legacy-password') out(io, '  encryption: xsalsa20-poly1305 keyed by the password itself (old format)');
  else if (r.kdf?.name === 'none') out(io, '  encryption: none');
  else if (r.kdf?.name === 'pbkdf2-sha256') out(io, `  encryption: PBKDF2-HMAC-SHA256 (${r.kdf.iterations} iterations), ${cipher}`);
  if (r.olderWallets !== null) out(io, `  older wallets (before mid-2025): ${r.olderWallets ? 'can open it' : 'refuse it'}`);
  // Not "accounts: 0": a whole-wallet file shows nothing of what it holds without its password.
  if (r.contentsEncrypted)
    out(io, line`  contents: encrypted (identities, accounts, addresses); \`keepsake verify ${file}\` lists them with the password, importing nothing`);
  else if (r.wallets === undefined) out(io, `  accounts: ${r.accounts.length}`);
  if (r.wallets !== undefined) {
    // A Nova backup: its wallets as Nova lists them (the public part), instead of a flat account list.
    out(io, `  wallets: ${r.wallets.length}${r.modifiedAt === undefined ? '' : `, last changed ${r.modifiedAt}`}`);
    for (const w of r.wallets) {
      out(io, line`    ${JSON.stringify(w.name)}  ${w.type}${w.cryptoType === null ? '' : line`  ${w.cryptoType}`}`);
      if (w.substrateAddress !== null) out(io, line`      substrate ${w.substrateAddress}`);
      if (w.ethereumAddress !== null) out(io, line`      ethereum  ${w.ethereumAddress}`);
      if (w.chainAccounts > 0) out(io, `      ${w.chainAccounts} chain account${w.chainAccounts === 1 ? '' : 's'} of its own`);
    }
  } else
    for (const a of r.accounts) {
      // The network it would be restored under, and those of the same address format a file cannot tell from it.
      const network =
        a.network === null ? '' : `  ${a.network.label}${a.network.also.length === 0 ? '' : ` (also ${a.network.also.map((n) => n.label).join(', ')})`}`;
      out(io, line`    ${a.address}  ${a.type ?? 'type not recorded'}${a.name === null ? '' : line`  ${JSON.stringify(a.name)}`}${network}`);
    }
  for (const note of r.notes) out(io, line`  note: ${note}`);
  if (r.next) out(io, line`  note: ${nextStepCli(r.next)}`);
}
