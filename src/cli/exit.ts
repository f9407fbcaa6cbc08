import { BaseError, type ErrorKind } from '../errors/base.js';

/** Documented exit codes (DESIGN.md): 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

/** The exit code of each kind of error (src/errors/base.ts): a new kind does not compile until it has one. */
const BY_KIND: Record<ErrorKind, number> = {
  usage: EXIT.usage,
  'wrong-secret': EXIT.wrongPassword,
  'other-secret': EXIT.failed,
  locked: EXIT.failed,
  closed: EXIT.usage,
  'not-found': EXIT.failed,
  conflict: EXIT.failed,
  busy: EXIT.failed,
  gone: EXIT.failed,
  forbidden: EXIT.failed,
  damaged: EXIT.failed,
  failed: EXIT.failed,
};

/** The exit code for an error: by its kind, or 1 for anything keepsake did not raise on purpose. */
export function exitCodeOf(err: unknown): number {
  return err instanceof BaseError ? BY_KIND[err.kind] : EXIT.failed;
}
