import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { isKeyType, type KeyType } from '../../../keys/types.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { type Io, out, printJson, readNewSecret, readSecret, say } from '../../io.js';
import { outputsWithVault, phraseOutCheck } from '../../output.js';
import { line } from '../../printable.js';
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
        const { list, file } = await withVault(ctx, (vault) => ({ list: identityList(vault), file: vault.file }));
        if (ctx.io.json) printJson(ctx.io, list);
        else if (list.length === 0) out(ctx.io, line`The vault at ${file} has no identities yet. Create one with \`keepsake identity create --name NAME\`.`);
        else
          for (const i of list) {
            out(ctx.io, line`${i.id}  "${i.name}"  ${plural(i.accounts.length, 'account')}`);
            for (const a of i.accounts) {
              out(ctx.io, line`    ${a.address}  ${a.type}  path ${a.path === '' ? '(root)' : a.path}  ${a.network ?? ''}  "${a.name}"`);
              if (a.signerQr) out(ctx.io, line`        ${a.signerQr}`);
            }
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
    .summary('derive a network account from an identity')
    .description(
      'Derive an account from the identity and add it to the vault. With only --network the path is\n' +
        "//<network>, as Parity Signer does; --path '' gives the root key, as Polkadot{.js} does.\n" +
        'Using the account later needs the PIN, not a separate password.',
    )
    .action((query: string, opts: { network?: string; path?: string; type: string; name?: string; pinFile?: string }) =>
      run(async (ctx) => {
        const type = keyType(opts.type);
        const pin = await askPin(ctx, opts.pinFile, query);
        const { identityDerive } = await import('../../../wallet/identity.js');
        const account = await withVault(ctx, (vault) =>
          identityDerive(vault, query, {
            pin,
            type,
            ...(opts.network === undefined ? {} : { network: opts.network }),
            ...(opts.path === undefined ? {} : { path: opts.path }),
            ...(opts.name === undefined ? {} : { name: opts.name }),
          }),
        );
        if (ctx.io.json) printJson(ctx.io, account);
        else {
          out(ctx.io, line`Derived ${account.address} "${account.name}" (${account.type}, path ${account.path === '' ? '(root)' : account.path}).`);
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
        else
          out(ctx.io, line`${address} is the ${found.type} key at path ${found.path === '' ? "'' (the root key)" : found.path} (found after ${plural(found.tried, 'candidate')}). Add it with: keepsake identity derive ${JSON.stringify(query)} --type ${found.type} --path '${found.path}'`);
        return 0;
      }),
    );
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
