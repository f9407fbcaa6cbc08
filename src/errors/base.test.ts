import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BaseError } from './base.js';

/** Any fact a constructor asks for: a short string (numbers print fine as strings in messages). */
const facts = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `<fact ${key}>` : undefined) });

type ErrorClass = new (...args: unknown[]) => BaseError;

const modules = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'base.ts');
const classes: [string, ErrorClass][] = [];
for (const file of modules) {
  const mod = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
  for (const [exported, value] of Object.entries(mod)) {
    if (typeof value === 'function' && value.prototype instanceof BaseError) classes.push([exported, value as ErrorClass]);
  }
}

describe('error classes', () => {
  it('are found', () => {
    expect(classes.map(([n]) => n)).toEqual(
      expect.arrayContaining(['InvalidAddressError', 'NotJsonError', 'UnknownFormatError', 'CorruptFileError', 'KdfParamsTooLargeError', 'WrongPasswordError', 'MnemonicWordError', 'UsageError']),
    );
  });

  for (const [exported, Cls] of classes) {
    it(`${exported}: its name is its class name (the CLI maps names to exit codes), and it reads as a sentence`, () => {
      const err = new Cls(facts);
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(BaseError);
      expect(err.name).toBe(exported);
      expect(err.shortMessage.length).toBeGreaterThan(10);
      expect(err.message).toBe(err.shortMessage);
      expect(err.fullMessage.startsWith(err.shortMessage)).toBe(true);
      expect(err.fullMessage).not.toMatch(/undefined|\[object Object\]/);
    });
  }
});

describe('BaseError', () => {
  class Sample extends BaseError {
    override readonly name = 'Sample';
  }

  it('joins the message and its hints, and keeps the lower error as cause', () => {
    const cause = new Error('lower');
    const err = new Sample('Something failed.', { hints: ['Try this.', 'Or that.'], details: 'd', cause });
    expect(err.fullMessage).toBe('Something failed. Try this. Or that.');
    expect(err.cause).toBe(cause);
    expect(err.details).toBe('d');
  });

  it('has no cause and no hints unless given', () => {
    const err = new Sample('Plain.');
    expect('cause' in err).toBe(false);
    expect(err.hints).toEqual([]);
    expect(err.fullMessage).toBe('Plain.');
  });
});
