import type { ErrorField } from '../../src/errors/base.js';
import { ApiError } from './api';

/** Error messages keyed by the field they concern; `form` for those that concern no single field. */
export type Errors = Partial<Record<string, string>>;

/** The key of each of a form's fields, by the input an error concerns (src/errors/base.ts's ErrorField). */
export type FieldMap = Partial<Record<Exclude<ErrorField, 'secret'>, string>>;

/**
 * Where a form shows an error about each input: the form's field for it, else the nearest one it
 * has (a form that asks for a PIN in place of a password shows a password error by its PIN).
 */
const PLACE: Record<ErrorField, (fields: FieldMap) => string | undefined> = {
  pin: (f) => f.pin ?? f.password,
  secret: (f) => f.pin ?? f.password,
  password: (f) => f.password ?? f.pin,
  newPassword: (f) => f.newPassword ?? f.password,
  file: (f) => f.file,
  address: (f) => f.address,
  phrase: (f) => f.phrase,
  name: (f) => f.name,
  path: (f) => f.path,
  concordiumPassword: (f) => f.concordiumPassword ?? f.password,
};

/**
 * Places an API error (its message ends with the next step in the browser's words, see ApiError)
 * next to the field it concerns, as the server says (`field`): a wrong password by the password
 * field, a wrong PIN by the PIN field, a file problem by the file picker, a bad address by the
 * address field. Anything else goes to `form` (shown beside the submit button).
 */
export function errorsFrom(err: unknown, fields: FieldMap): Errors {
  const message = err instanceof Error ? err.message : String(err);
  const field = err instanceof ApiError ? err.field : undefined;
  // A field this page does not know (a newer server) is placed as no field.
  const key = field === undefined ? undefined : PLACE[field]?.(fields);
  return { [key ?? 'form']: message };
}
