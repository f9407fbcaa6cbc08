#!/usr/bin/env node
// keepsake CLI entry. `--version` is answered before anything else loads, so it stays instant.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
// `keepsake … | head` closes the pipe early: stop quietly instead of printing a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  let main;
  try {
    // The bundled CLI (rolldown.config.js): a handful of modules to load, not a hundred.
    ({ main } = await import('../dist/bundle/cli/main.js'));
  } catch {
    process.stderr.write('keepsake: the program is not built; run `npm install` (or `npm run build`) in its folder first.\n');
    process.exit(1);
  }
  process.exitCode = await main(args, version);
}
