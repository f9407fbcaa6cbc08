import { expect, it } from 'vitest';
import { LaunchCodes, LAUNCH_CODE_TTL_MS } from './launch.js';

it('a code gives the token once; a second use, an unknown code and an expired code are refused in words for a browser user', () => {
  let t = 0;
  const codes = new LaunchCodes('the-token', { now: () => t });
  const code = codes.issue();
  expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect(codes.issue()).not.toBe(code);
  expect(codes.redeem(code)).toBe('the-token');
  expect(() => codes.redeem(code)).toThrow(
    expect.objectContaining({
      name: 'LaunchLinkUsedError',
      fullMessage: 'This link was already used. Open the address keepsake printed in the terminal, or start keepsake again.',
    }),
  );
  expect(() => codes.redeem('not-a-code')).toThrow(expect.objectContaining({ name: 'LaunchLinkUnknownError' }));
  expect(() => codes.redeem('')).toThrow(expect.objectContaining({ name: 'LaunchLinkUnknownError' }));

  const late = codes.issue();
  t += LAUNCH_CODE_TTL_MS + 1;
  expect(() => codes.redeem(late)).toThrow(
    expect.objectContaining({
      name: 'LaunchLinkExpiredError',
      fullMessage:
        'This link has expired: it works only in the first 2 minutes after keepsake opened it. Open the address keepsake printed in the terminal, or start keepsake again.',
    }),
  );
  // Refused for being late, it is not spent either way: still refused as late, not as used.
  expect(() => codes.redeem(late)).toThrow(expect.objectContaining({ name: 'LaunchLinkExpiredError' }));
});

it('works until the end of its lifetime', () => {
  let t = 1000;
  const codes = new LaunchCodes('tok', { ttlMs: 5000, now: () => t });
  const code = codes.issue();
  t += 5000;
  expect(codes.redeem(code)).toBe('tok');
});
