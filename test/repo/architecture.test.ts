import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/exit.js';
import { BaseError, type ErrorKind } from '../../src/errors/base.js';
import { failedGuess, sendError } from '../../src/server/errors.js';

// ARCHITECTURE.md tells a newcomer how an error's kind becomes an exit code, an HTTP status and a
// failed guess; this keeps that table true to the code.
const doc = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');

function rows(): { kinds: ErrorKind[]; exit: number; statuses: number[]; guess: boolean }[] {
  const start = doc.indexOf('| kind | exit code');
  const table = doc.slice(start).split('\n\n')[0]!.split('\n').slice(2);
  return table.map((row) => {
    const [kind, exit, status, guess] = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    return {
      kinds: kind!.split('/').map((k) => k.trim() as ErrorKind),
      exit: Number(exit),
      statuses: status!.split('/').map((s) => Number(s.trim())),
      guess: guess === 'yes',
    };
  });
}

function errorOf(kind: ErrorKind): BaseError {
  return new (class extends BaseError {
    override readonly name = 'ArchitectureTableError';
    override readonly kind = kind;
  })('A test error.');
}

function statusOf(err: BaseError): number {
  let status = 0;
  const reply = { code: (c: number) => ((status = c), reply), send: () => reply, header: () => reply };
  sendError(reply as never, err);
  return status;
}

describe('ARCHITECTURE.md', () => {
  const table = rows();

  it('lists every kind of error once', () => {
    const kinds = table.flatMap((r) => r.kinds).sort();
    expect(kinds).toEqual([
      'busy',
      'closed',
      'conflict',
      'damaged',
      'failed',
      'forbidden',
      'gone',
      'locked',
      'not-found',
      'other-secret',
      'usage',
      'wrong-secret',
    ]);
  });

  it('gives each kind the exit code, HTTP status and limiter verdict the code gives it', () => {
    for (const row of table) {
      row.kinds.forEach((kind, i) => {
        const err = errorOf(kind);
        expect({ kind, exit: exitCodeOf(err), status: statusOf(err), guess: failedGuess(kind) }).toEqual({
          kind,
          exit: row.exit,
          status: row.statuses[i] ?? row.statuses[0],
          guess: row.guess,
        });
      });
    }
  });
});
