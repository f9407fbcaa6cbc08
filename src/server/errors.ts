import type { FastifyReply } from 'fastify';
import { BaseError } from '../errors/base.js';
import { PinLockedError } from '../errors/identity.js';

/** HTTP status of each keepsake error (the CLI maps the same classes to exit codes). */
const STATUS: Record<string, number> = {
  UsageError: 400,
  PasswordRequiredError: 400,
  WrongPasswordError: 422,
  WrongPinError: 422,
  UnableToDecryptError: 422,
  PinLockedError: 429,
  AccountNotFoundError: 404,
  IdentityNotFoundError: 404,
  AddressNotFoundError: 404,
  ConcordiumItemNotFoundError: 404,
  AmbiguousConcordiumItemError: 409,
  DuplicateAccountError: 409,
  DuplicateIdentityError: 409,
  DuplicateAddressError: 409,
  VaultBusyError: 503,
  LaunchLinkUsedError: 410,
  LaunchLinkExpiredError: 410,
  LaunchLinkUnknownError: 403,
};

/** Errors that mean "the password or PIN given did not open it": each one is a failed guess for the limiter. */
export const SECRET_ERRORS: ReadonlySet<string> = new Set(['WrongPasswordError', 'WrongPinError', 'UnableToDecryptError', 'BatchEntryLockedError']);

/**
 * Sends an error as `{"error":{"name","message","next"?}}` — one sentence, never a stack or a secret.
 * The message names no flag and no command (those are the CLI's words for `next`); the browser words
 * `next` with its own pages and buttons.
 */
export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof PinLockedError) reply.header('retry-after', String(Math.max(1, err.waitSeconds)));
  if (err instanceof BaseError) return reply.code(STATUS[err.name] ?? 400).send({ error: err.report });
  const e = err as { statusCode?: number; code?: string };
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ error: { name: 'UnsupportedMediaType', message: 'Only JSON bodies are accepted (Content-Type: application/json).' } });
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: { name: 'TooLarge', message: 'The upload is larger than any wallet file; it was refused.' } });
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.code(e.statusCode).send({ error: { name: 'BadRequest', message: 'The request was not understood.' } });
  }
  return reply.code(500).send({ error: { name: 'InternalError', message: 'Unexpected error: this is a bug in keepsake; nothing was changed.' } });
}

