import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage.js';
import { pinLinesParse } from './pinFile.js';

const IDENTITIES = [
  { id: 1, name: 'Phone' },
  { id: 2, name: 'Old: Signer' },
  { id: 3, name: 'Old' },
];

function refusal(content: string): UsageError {
  try {
    pinLinesParse(content, 'pins.txt', IDENTITIES);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('not refused');
}

describe('pinLinesParse (--pin-file NAME:PIN)', () => {
  it('gives each identity the PIN of its own line: by name or number, everything after the colon, CRLF or LF, empty lines skipped', () => {
    const pins = pinLinesParse('Phone:246 810:x\r\n\n3:135799\n', 'pins.txt', IDENTITIES);
    expect([...pins]).toEqual([
      [1, '246 810:x'],
      [3, '135799'],
    ]);
  });

  it('a line that names no identity, fits two, or repeats one is refused, and the message never quotes the line (it holds a PIN)', () => {
    for (const [content, why] of [
      ['246810\n', /Line 1 of pins\.txt does not start with the name of an identity/],
      ['Phone:111111\nNobody:246810\n', /Line 2 of pins\.txt does not start/],
      ['Old: Signer:246810\n', /Line 1 of pins\.txt fits 2 identities/],
      ['Phone:246810\n1:246810\n', /Line 2 of pins\.txt gives the PIN of the identity "Phone" a second time/],
    ] as const) {
      const err = refusal(content);
      expect(err.message).toMatch(why);
      expect(err.fullMessage).not.toContain('246810');
      expect(err.fullMessage).not.toContain('111111');
    }
  });
});
