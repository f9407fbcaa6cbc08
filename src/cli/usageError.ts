import type { Command } from 'commander';
import { choiceSentence } from '../wallet/choices.js';

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
  const choice = invalidChoice(commanderMessage, command);
  if (choice !== undefined) return `${choice} ${helpPointer(command)}`;
  const [first = '', ...more] = commanderMessage
    .replace(/^error: /, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // "(Did you mean account?)" → "Did you mean account?"
  const suggestions = more.map((l) => sentence(l.replace(/^\((.*)\)$/, '$1')));
  return [sentence(first), ...suggestions, helpPointer(command)].join(' ');
}

/**
 * Commander's refusal of a value outside an option's `.choices()` ("option '--kdf <kdf>' argument
 * 'fast' is invalid. Allowed choices are default, compat.") as keepsake words it everywhere:
 * "--kdf is default or compat, not "fast"." (the wording `choiceSentence` gives the server too).
 */
function invalidChoice(commanderMessage: string, command: Command): string | undefined {
  for (const option of command.options) {
    const allowed = option.argChoices;
    if (allowed === undefined) continue;
    const head = `error: option '${option.flags}' argument '`;
    const tail = `' is invalid. Allowed choices are ${allowed.join(', ')}.`;
    const message = commanderMessage.replace(/\n$/, '');
    if (message.startsWith(head) && message.endsWith(tail))
      return choiceSentence(option.long ?? option.flags, allowed, message.slice(head.length, -tail.length));
  }
  return undefined;
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
