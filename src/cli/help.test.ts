import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { main, programCreate } from './main.js';

/**
 * `--help` of every command (issue 12 item 16): a one-line summary, a description written as
 * paragraphs (commander wraps them; a hard line break inside one makes ragged lines), an example
 * that names the command with options it has, and lines that fit the help width.
 */

type Captured = { io: Io; stdout: () => string; stderr: () => string; reset: () => void };

function captureIo(json = false): Captured {
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) => ({ write: (s: string | Uint8Array) => (write(String(s)), true), isTTY: false }) as unknown as Io['stdout'];
  const io: Io = {
    stdout: stream((s) => (stdout += s)),
    stderr: stream((s) => (stderr += s)),
    stdin: { isTTY: false } as unknown as Io['stdin'],
    json,
  };
  return { io, stdout: () => stdout, stderr: () => stderr, reset: () => ((stdout = ''), (stderr = '')) };
}

function walk(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(walk)];
}

function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function helpAt(captured: Captured, cmd: Command, helpWidth: number): string {
  cmd.configureHelp({ ...cmd.configureHelp(), helpWidth });
  captured.reset();
  cmd.outputHelp();
  return captured.stdout();
}

/** The example command lines of a help text, each joined again where it was broken with ` \`. */
function examplesOf(help: string): string[] {
  const block = help.split(/\nExamples?:\n/)[1] ?? '';
  const examples: string[] = [];
  let pending: string | undefined;
  for (const raw of block.split('\n')) {
    if (pending === undefined && !raw.startsWith('  keepsake')) continue;
    const text = raw.trim();
    const continued = text.endsWith(' \\');
    pending = pending === undefined ? text.replace(/ \\$/, '') : `${pending} ${text.replace(/ \\$/, '')}`;
    if (!continued) {
      examples.push(pending);
      pending = undefined;
    }
  }
  return examples;
}

/**
 * What an example runs, as commander would parse it: the command its words name, its options
 * (each known to that command or an ancestor, as `--vault` and `--json` are) and its arguments.
 * Problems are returned as sentences, so one failure names every bad example.
 */
function exampleProblems(program: Command, example: string): string[] {
  const words = example.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  if (words.shift() !== 'keepsake') return [`${example}: does not start with keepsake`];
  let cmd = program;
  const given = new Set<string>();
  const positional: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      const flag = word.split('=')[0]!;
      const owner = [cmd, ...ancestors(cmd)].find((c) => c.options.some((o) => o.long === flag || o.short === flag));
      const option = owner?.options.find((o) => o.long === flag || o.short === flag);
      if (option === undefined) problems.push(`${example}: ${pathOf(cmd)} has no option ${flag}`);
      else {
        given.add(option.attributeName());
        if ((option.required || option.optional) && !word.includes('=')) i++;
      }
    } else if (positional.length === 0 && cmd.commands.some((c) => c.name() === word)) cmd = cmd.commands.find((c) => c.name() === word)!;
    else positional.push(word);
  }
  if (cmd.commands.length > 0) problems.push(`${example}: names the group ${pathOf(cmd)}, not one of its commands`);
  for (const option of cmd.options)
    if (option.mandatory && !given.has(option.attributeName())) problems.push(`${example}: lacks ${option.long}, which ${pathOf(cmd)} requires`);
  const required = cmd.registeredArguments.filter((a) => a.required).length;
  const variadic = cmd.registeredArguments.some((a) => a.variadic);
  if (positional.length < required || (!variadic && positional.length > cmd.registeredArguments.length)) {
    problems.push(`${example}: ${pathOf(cmd)} takes ${cmd.registeredArguments.length} argument(s), the example gives ${positional.length}`);
  }
  return problems;
}

function ancestors(cmd: Command): Command[] {
  return cmd.parent === null ? [] : [cmd.parent, ...ancestors(cmd.parent)];
}

describe('--help of every command', async () => {
  const captured = captureIo();
  const program = await programCreate(captured.io, async () => {}, '0.0.0');
  const commands = walk(program);

  it('walks the whole program (every command is registered)', () => {
    const paths = commands.map(pathOf);
    for (const expected of [
      'keepsake inspect',
      'keepsake account export-all',
      'keepsake account network',
      'keepsake account watch',
      'keepsake identity show-phrase',
      'keepsake identity export-key',
      'keepsake address edit',
      'keepsake backup import',
      'keepsake concordium remove',
      'keepsake ui',
      'keepsake vault lock',
      'keepsake vault change-password',
      'keepsake concordium seal',
      'keepsake rescue scan',
      'keepsake rescue restore',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(program.commands.map((c) => c.name()).sort()).toEqual([
      'account',
      'address',
      'backup',
      'concordium',
      'convert',
      'identity',
      'inspect',
      'rescue',
      'restore',
      'status',
      'ui',
      'vault',
      'verify',
    ]);
    // The program, 5 groups and 30 commands when this test was written.
    expect(commands.length).toBeGreaterThanOrEqual(36);
  });

  for (const cmd of commands) {
    const path = pathOf(cmd);
    describe(path, () => {
      it('has a one-line summary and a description in paragraphs', () => {
        if (cmd.parent !== null) {
          expect(cmd.summary(), 'summary').toMatch(/^[a-z][^\n]+$/);
        }
        const description = cmd.description();
        expect(description.length, 'description').toBeGreaterThan(40);
        // Paragraphs are one string each, joined by a blank line: commander wraps each; a single \n would break a line in the middle.
        for (const paragraph of description.split('\n\n')) {
          expect(paragraph, `a paragraph of ${path}'s description holds a line break or is empty`).toMatch(/^\S[^\n]*\S$/);
        }
      });

      it('shows an example that runs this command with options it has', () => {
        const help = helpAt(captured, cmd, 80);
        expect(help).toMatch(/\nExamples?:\n/);
        expect(help).toMatch(new RegExp(`^  ${path}( |$)`, 'm'));
        const examples = examplesOf(help);
        expect(examples.length).toBeGreaterThan(0);
        expect(examples.flatMap((e) => exampleProblems(program, e))).toEqual([]);
      });

      for (const width of [60, 80, 120]) {
        it(`fits a help width of ${width}`, () => {
          const help = helpAt(captured, cmd, width);
          // Only a single word longer than a line (a URL) could not be wrapped; there is none.
          const tooLong = help.split('\n').filter((l) => [...l].length > width);
          expect(tooLong).toEqual([]);
          // An option's default is shown once (ui's --port showed "(default: a free one) (default: \"0\")").
          expect(help).not.toMatch(/\(default: [^)]*\)\s+\(default: /);
          expect(examplesOf(help)).toEqual(examplesOf(helpAt(captured, cmd, 120)));
        });
      }
    });
  }
});

describe("commander's usage errors, in keepsake's words", () => {
  async function runMain(argv: string[]) {
    const captured = captureIo(argv.includes('--json'));
    const code = await main(argv, '0.0.0', () => captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  it('a missing required option: exit 2, one sentence that names the command to ask --help of', async () => {
    const run = await runMain(['account', 'create']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "keepsake: Required option '--name <name>' not specified. Run `keepsake account create --help` to see its options and an example.\n",
    );
  });

  it('with --json: the JSON error with the same sentence, exit 2', async () => {
    const run = await runMain(['account', 'create', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        name: 'UsageError',
        message: "Required option '--name <name>' not specified. Run `keepsake account create --help` to see its options and an example.",
      },
    });
  });

  it('a mistyped command keeps its suggestion, as a sentence of its own', async () => {
    const run = await runMain(['account', 'creat']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("keepsake: Unknown command 'creat'. Did you mean create? Run `keepsake account --help` to see its commands and an example.\n");
    const top = await runMain(['acount']);
    expect(top.stderr).toBe("keepsake: Unknown command 'acount'. Did you mean account? Run `keepsake --help` to see the commands and an example.\n");
  });

  it('an option quoted back is escaped (it cannot act on the terminal)', async () => {
    const run = await runMain(['inspect', 'f.json', '--x\u001b]52;c;aGk=\u0007']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).toMatch(/^keepsake: Unknown option '--x\\u001b]52;c;aGk=\\u0007'\. Run `keepsake inspect --help`/);
  });

  it('keepsake alone prints the help and exits 0', async () => {
    const run = await runMain([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Usage: keepsake /);
  });
});
