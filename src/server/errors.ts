import type { FastifyReply } from 'fastify';
import { BaseError, type ErrorField, type ErrorKind } from '../errors/base.js';
import { PinLockedError } from '../errors/identity.js';
import type { ErrorReport } from '../errors/next.js';

/** The HTTP status of each kind of error (src/errors/base.ts; the CLI maps the same kinds to exit codes). */
const STATUS: Record<ErrorKind, number> = {
  usage: 400,
  'wrong-secret': 422,
  'other-secret': 400,
  locked: 429,
  closed: 423,
  'not-found': 404,
  conflict: 409,
  busy: 503,
  gone: 410,
  forbidden: 403,
  damaged: 400,
  failed: 400,
};

/**
 * Whether an error of this kind means "the password or PIN given did not open it": each one is a
 * failed guess for the limiter — an item with its own password too, or a batch would be a way to
 * guess without ever counting.
 */
export function failedGuess(kind: ErrorKind | undefined): boolean {
  return kind === 'wrong-secret' || kind === 'other-secret';
}

/**
 * An error as the API sends it: `{ name, message, next?, kind, field? }`. `kind` and `field` are
 * the error's own ({@link BaseError}); the browser places the message next to `field`.
 */
export type ApiErrorBody = ErrorReport & { kind: ErrorKind; field?: ErrorField };

/** An error the server raises itself, not a keepsake error class: the same JSON shape. */
function plain(name: string, message: string, kind: ErrorKind, field?: ErrorField): { error: ApiErrorBody } {
  return { error: { name, message, kind, ...(field === undefined ? {} : { field }) } };
}

/**
 * Sends an error as `{"error":{"name","message","next"?,"kind","field"?}}` — one sentence, never a
 * stack or a secret. The message names no flag and no command (those are the CLI's words for
 * `next`); the browser words `next` with its own pages and buttons.
 */
export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof PinLockedError) reply.header('retry-after', String(Math.max(1, err.waitSeconds)));
  if (err instanceof BaseError) {
    const body: ApiErrorBody = { ...err.report, kind: err.kind, ...(err.field === undefined ? {} : { field: err.field }) };
    return reply.code(STATUS[err.kind]).send({ error: body });
  }
  const e = err as { statusCode?: number; code?: string };
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return reply.code(415).send(plain('UnsupportedMediaType', 'Only JSON bodies are accepted (Content-Type: application/json).', 'usage'));
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return reply.code(413).send(plain('TooLarge', 'The upload is larger than any wallet file; it was refused.', 'failed', 'file'));
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.code(e.statusCode).send(plain('BadRequest', 'The request was not understood.', 'usage'));
  }
  return reply.code(500).send(plain('InternalError', 'Unexpected error: this is a bug in keepsake; nothing was changed.', 'failed'));
}

/**
 * The limiter's refusal (429): too many wrong secrets in a row, or too many tries at once. It
 * concerns whichever secret the form asks for.
 */
export function tooManyAttempts(message: string): { error: ApiErrorBody } {
  return plain('TooManyAttempts', message, 'locked', 'secret');
}

/** The rate cap's refusal (429) of work that checks no secret (address previews). */
export function tooManyRequests(message: string): { error: ApiErrorBody } {
  return plain('TooManyRequests', message, 'locked');
}
