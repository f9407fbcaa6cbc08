import { BaseError } from '../errors/base.js';

/** Documented exit codes (DESIGN.md): 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

const BY_NAME: Record<string, number> = {
  UsageError: EXIT.usage,
  PasswordRequiredError: EXIT.usage,
  InvalidNameError: EXIT.usage,
  WrongPasswordError: EXIT.wrongPassword,
  WrongPinError: EXIT.wrongPassword,
  UnableToDecryptError: EXIT.wrongPassword,
};

export function exitCodeOf(err: unknown): number {
  return err instanceof BaseError ? (BY_NAME[err.name] ?? EXIT.failed) : EXIT.failed;
}
