/**
 * Where a form shows an API error (web/src/errors.ts): next to the input the error names as its
 * `field`, or the nearest one the form has; beside the submit button otherwise. The cases are the
 * placements the browser made before errors carried a field (issue 13), by class name and, for usage
 * errors, by the words of the message.
 */
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { BaseError, ErrorField } from '../../src/errors/base.js';
import { WrongPinError } from '../../src/errors/identity.js';
import { NotJsonError } from '../../src/errors/file.js';
import { WrongPasswordError } from '../../src/errors/password.js';
import { InvalidPathError } from '../../src/errors/suri.js';
import { sendError, tooManyAttempts } from '../../src/server/errors.js';
import { newSecretCheck } from '../../src/wallet/secrets.js';

// web/src is typed by web/tsconfig.json (DOM, bundler resolution), not by this program: loaded at run time.
type FieldMap = Partial<Record<Exclude<ErrorField, 'secret'>, string>>;
type ApiErrorClass = new (name: string, message: string, status: number, next?: undefined, about?: { kind?: string; field?: string }) => Error;
const web = (file: string) => import(`../../web/src/${file}.ts`);
const { ApiError } = (await web('api')) as { ApiError: ApiErrorClass };
const { errorsFrom } = (await web('errors')) as { errorsFrom: (err: unknown, fields: FieldMap) => Record<string, string> };

/** The error as the page receives it: through sendError's JSON. */
function received(err: BaseError): Error {
  let body: { error: { name: string; message: string; kind?: string; field?: string } } | undefined;
  let status = 0;
  const reply = { code: (c: number) => ((status = c), reply), header: () => reply, send: (b: never) => ((body = JSON.parse(JSON.stringify(b))), reply) };
  sendError(reply as unknown as FastifyReply, err);
  const e = body!.error;
  return new ApiError(e.name, e.message, status, undefined, {
    ...(e.kind === undefined ? {} : { kind: e.kind }),
    ...(e.field === undefined ? {} : { field: e.field }),
  });
}

function thrown(fn: () => void): BaseError {
  try {
    fn();
  } catch (err) {
    return err as BaseError;
  }
  throw new Error('expected a throw');
}

const limiter = (() => {
  const e = tooManyAttempts('Too many wrong passwords or PINs in a row: wait 3 seconds and try again.').error;
  return new ApiError(e.name, e.message, 429, undefined, { kind: e.kind, ...(e.field === undefined ? {} : { field: e.field }) });
})();

const cases: { what: string; err: unknown; fields: FieldMap; key: string }[] = [
  { what: 'a wrong password, by the password', err: received(new WrongPasswordError()), fields: { password: 'password', file: 'file' }, key: 'password' },
  { what: 'a wrong password where a PIN is asked, by the PIN', err: received(new WrongPasswordError()), fields: { pin: 'pin' }, key: 'pin' },
  {
    what: 'a wrong PIN where both are asked, by the PIN',
    err: received(new WrongPinError({ identity: 'P', attempts: 1, waitSeconds: 0 })),
    fields: { password: 'password', pin: 'pin' },
    key: 'pin',
  },
  {
    what: 'a wrong PIN where a password is asked, by the password',
    err: received(new WrongPinError({ identity: 'P', attempts: 1, waitSeconds: 0 })),
    fields: { password: 'password' },
    key: 'password',
  },
  { what: "the limiter's refusal, by the PIN", err: limiter, fields: { password: 'password', pin: 'pin' }, key: 'pin' },
  { what: "the limiter's refusal, by the password", err: limiter, fields: { password: 'password', file: 'file' }, key: 'password' },
  { what: 'a file problem, by the picker', err: received(new NotJsonError({ file: 'a.json' })), fields: { password: 'password', file: 'file' }, key: 'file' },
  { what: 'a file problem in a form without a picker', err: received(new NotJsonError({ file: 'a.json' })), fields: { password: 'password' }, key: 'form' },
  {
    what: 'a path, by the path',
    err: received(new InvalidPathError({ reason: 'r' })),
    fields: { pin: 'pin', path: 'path', name: 'name', phrase: 'path' },
    key: 'path',
  },
  { what: 'a short PIN, by the PIN', err: received(thrown(() => newSecretCheck('123', 'PIN'))), fields: { pin: 'pin', name: 'name' }, key: 'pin' },
  {
    what: "a short password for a file made from an identity's account, by that password",
    err: received(thrown(() => newSecretCheck('123', 'file password'))),
    fields: { pin: 'pin', newPassword: 'password' },
    key: 'password',
  },
  {
    what: 'a short batch password, by the password',
    err: received(thrown(() => newSecretCheck('123', 'batch password'))),
    fields: { password: 'password', pin: 'pin' },
    key: 'password',
  },
  { what: 'a network failure', err: new ApiError('NetworkError', 'keepsake does not answer.', 0), fields: { password: 'password' }, key: 'form' },
  { what: 'anything else', err: new Error('x'), fields: { password: 'password' }, key: 'form' },
];

describe('errorsFrom places an error by its field', () => {
  for (const c of cases) {
    it(c.what, () => {
      const message = c.err instanceof Error ? c.err.message : '';
      expect(errorsFrom(c.err, c.fields)).toEqual({ [c.key]: message });
    });
  }
});
