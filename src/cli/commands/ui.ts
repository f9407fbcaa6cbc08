import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import { UsageError } from '../../errors/usage.js';
import type { Context, Runner } from '../context.js';
import { helpExamples } from '../help.js';
import { out, say } from '../io.js';

export type UiOptions = { port: string; open: boolean; lockAfter: string };

/** Registers `keepsake ui`: its options and help; the action calls {@link uiRun}. */
export function uiCommand(program: Command, run: Runner): void {
  program
    .command('ui')
    // 0 asks the system for a free port; the help says that rather than "0".
    .addOption(new Option('--port <n>', 'port on 127.0.0.1').default('0', 'a free one'))
    .option('--no-open', 'do not open a browser; just print the address')
    .addOption(new Option('--lock-after <minutes>', 'a locked vault locks again after this long unused').default('15'))
    .summary('the browser wallet, served from this machine only')
    .description(
      [
        'Serve the browser wallet for the vault (made on first use) on 127.0.0.1, so only this machine can reach it, and open it in the browser.',
        'The address printed carries a token made for this launch; without it the server answers nothing. The browser is opened with a link that works once, for 2 minutes, so no lasting secret is in its command line. With --json the address is printed as {"url","port","vault"}.',
        'A vault with a vault password (`keepsake vault lock`) starts locked: the page asks for the password, which is kept in memory only, until "Lock now" or --lock-after minutes without use. A new vault is offered one.',
        'It runs until you stop it with Ctrl+C.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake ui', 'keepsake ui --port 8420 --no-open']))
    .action((opts: UiOptions) => run((ctx) => uiRun(opts, ctx)));
}

/** Runs `keepsake ui` with its parsed options; resolves to the exit code. */
export async function uiRun(options: UiOptions, ctx: Context): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError({ reason: `--port is a number from 0 to 65535, not "${options.port}".` });
  const lockAfter = Number(options.lockAfter);
  if (!(lockAfter > 0 && lockAfter <= 24 * 60))
    throw new UsageError({ reason: `--lock-after is a number of minutes from more than 0 to 1440, not "${options.lockAfter}".` });
  const { vaultOpen, vaultPath } = await import('../../vault/open.js');
  const { vaultEncrypted } = await import('../../vault/cipher.js');
  const { serverCreate } = await import('../../server/app.js');
  const { LaunchCodes } = await import('../../server/launch.js');
  const { VaultSession } = await import('../../server/vaultSession.js');
  const file = vaultPath(ctx.vaultFile);
  // A locked vault waits for its password in the browser; a plain one (made on first use) opens now.
  const session = new VaultSession(file, { vault: vaultEncrypted(file) ? undefined : vaultOpen(file), idleMs: lockAfter * 60_000 });
  const token = randomBytes(24).toString('base64url');
  const launch = new LaunchCodes(token);
  const app = serverCreate({ session, token, launch, webRoot: fileURLToPath(new URL('../../web/', import.meta.url)) });
  try {
    await app.listen({ host: '127.0.0.1', port });
  } catch (err) {
    session.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError({
      reason: code === 'EADDRINUSE' ? `Port ${port} is in use.` : `The server could not start (${code ?? 'unknown error'}).`,
      hint: 'Pick another --port, or leave it out to use a free one.',
    });
  }
  const address = app.server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  const url = `http://127.0.0.1:${actual}/#token=${token}`;
  if (ctx.io.json) out(ctx.io, JSON.stringify({ url, port: actual, vault: file }));
  else {
    out(ctx.io, `keepsake is serving the wallet for ${file} at:\n\n    ${url}\n`);
    say(ctx.io, 'Only this machine can reach it, and only with that address. Press Ctrl+C to stop.');
  }
  // Not `url`: the opener's argv (and the browser's, and its history) can be read by every local
  // user, so it gets a code that works once and soon expires, which the page trades for the token.
  if (options.open) openBrowser(`http://127.0.0.1:${actual}/#code=${launch.issue()}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  session.close();
  return 0;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the address is printed.
  }
}
