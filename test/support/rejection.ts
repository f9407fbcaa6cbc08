import { expect } from 'vitest';
import { BaseError } from '../../src/errors/base.js';

/**
 * What a promise (or a function, sync or async) rejects or throws with, for tests that check more
 * than its class (its message, its fields); fails when it settles without an error. For a class
 * alone, prefer `await expect(p).rejects.toBeInstanceOf(X)`.
 */
export async function rejection(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** What a synchronous function throws, or undefined when it returns (so `expect(thrown(f)).toBeInstanceOf(X)` fails). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** The keepsake error (a `BaseError`) a promise rejects with; fails on a foreign error or none. */
export async function keepsakeRejection(p: Promise<unknown>): Promise<BaseError> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(BaseError);
  return err as BaseError;
}

/** The message of what a synchronous call throws, which must be a `kind`; fails when it returns. */
export function thrownMessage(f: () => unknown, kind: new (...args: never[]) => Error): string {
  const err = thrown(f);
  expect(err).toBeInstanceOf(kind);
  return (err as Error).message;
}
