import { type AddHelpTextContext, type Command, Help, type Option } from 'commander';

/**
 * Text keepsake adds after commander's help. Commander wraps what it formats (the description, the
 * option and command lists) at the help width — the terminal's, else 80 — but prints text added with
 * `addHelpText` as it is; so that text is laid out here for the same width, and `--help` fits a
 * terminal of any width without hard line breaks fighting the wrapper (issue 12 item 16).
 */

/**
 * An "Examples:" block: each example is one command line a person can paste. One longer than the
 * help width is broken between words with ` \` (the shell joins the lines again), an option kept with
 * its value where the width allows.
 *
 * @example
 * cmd.addHelpText('after', helpExamples(['keepsake inspect backup.json', 'keepsake inspect backup.json --json']))
 */
export function helpExamples(examples: readonly string[]): (context: AddHelpTextContext) => string {
  return ({ command, error }) => {
    const width = helpWidth(command, error);
    return `\n${examples.length === 1 ? 'Example' : 'Examples'}:\n${examples.map((e) => exampleLines(e, width)).join('\n')}`;
  };
}

/** Paragraphs of prose after the help (the program's footer), wrapped at the help width like the description. */
export function helpParagraphs(paragraphs: readonly string[]): (context: AddHelpTextContext) => string {
  return ({ command, error }) => {
    const help = command.createHelp();
    const width = helpWidth(command, error);
    return `\n${paragraphs.map((p) => help.boxWrap(p, width)).join('\n\n')}`;
  };
}

/** The width commander wraps this help at: `configureHelp({ helpWidth })`, else the terminal's, else 80. */
function helpWidth(command: Command, error: boolean): number {
  const output = command.configureOutput();
  const terminal = error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.();
  const help = command.createHelp();
  help.prepareContext(terminal === undefined ? { error } : { error, helpWidth: terminal });
  return help.helpWidth ?? 80;
}

const INDENT = '  ';
const CONTINUED = '      ';

/** `example` as lines of at most `width` characters (a word longer than a line stays whole). */
function exampleLines(example: string, width: number): string {
  const words = exampleWords(example);
  let current = INDENT + words[0]!;
  const lines: string[] = [];
  words.slice(1).forEach((word, i, rest) => {
    // A line that another follows needs room for its " \".
    const room = i === rest.length - 1 ? width : width - 2;
    if (current.length + 1 + word.length <= room) current += ` ${word}`;
    else {
      lines.push(`${current} \\`);
      current = CONTINUED + word;
    }
  });
  return [...lines, current].join('\n');
}

/**
 * The words of a command line, a quoted argument as one word ("Old phone"), and an option with
 * its value as one (`--out backup.json`), so a break never falls between them.
 */
function exampleWords(example: string): string[] {
  const tokens = example.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.startsWith('--') && !token.includes('=') && next !== undefined && !next.startsWith('-')) {
      words.push(`${token} ${next}`);
      i++;
    } else words.push(token);
  }
  return words;
}

/**
 * An option's description as keepsake writes it, without the "(choices: …)" commander adds for an
 * option with `.choices()`: each description already says its values in words ("default (scrypt
 * N=2^17) or compat …"), so the list would say them twice. The default is still shown.
 *
 * @example
 * program.configureHelp({ optionDescription: optionDescriptionPlain })
 */
export function optionDescriptionPlain(this: Help, option: Option): string {
  if (option.argChoices === undefined) return Help.prototype.optionDescription.call(this, option);
  const choices = option.argChoices;
  delete option.argChoices;
  try {
    return Help.prototype.optionDescription.call(this, option);
  } finally {
    option.argChoices = choices;
  }
}
