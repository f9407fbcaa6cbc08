import type { Command } from 'commander';

/**
 * Commander's own usage error (`error: required option '--name <name>' not specified`, perhaps
 * followed by `(Did you mean account?)`) in keepsake's words: one sentence, capitalised, its
 * suggestion as the next, then where to look — the help of the command that refused, which shows
 * its options and an example.
 *
 * @example
 * usageErrorText("error: required option '--name <name>' not specified\n", create)
 * // → "Required option '--name <name>' not specified. Run `keepsake account create --help` to see its options and an example."
 */
export function usageErrorText(commanderMessage: string, command: Command): string {
  const [first = '', ...more] = commanderMessage
    .replace(/^error: /, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // "(Did you mean account?)" → "Did you mean account?"
  const suggestions = more.map((l) => sentence(l.replace(/^\((.*)\)$/, '$1')));
  return [sentence(first), ...suggestions, helpPointer(command)].join(' ');
}

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?!]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function helpPointer(command: Command): string {
  const path: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) path.unshift(c.name());
  if (command.parent === null) return `Run \`${path.join(' ')} --help\` to see the commands and an example.`;
  return `Run \`${path.join(' ')} --help\` to see its ${command.commands.length > 0 ? 'commands' : 'options'} and an example.`;
}
