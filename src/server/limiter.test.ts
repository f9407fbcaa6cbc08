import { expect, it } from 'vitest';
import { FailureLimiter } from './limiter.js';

it('lets the first failures through, then makes each try wait longer, and forgets after a success', () => {
  let t = 0;
  const limiter = new FailureLimiter(3, 60_000, () => t);
  for (let i = 0; i < 3; i++) {
    expect(limiter.waitMs()).toBe(0);
    limiter.failed();
  }
  expect(limiter.waitMs()).toBe(1000);
  t += 1000;
  expect(limiter.waitMs()).toBe(0);
  limiter.failed();
  expect(limiter.waitMs()).toBe(2000);
  limiter.succeeded();
  expect(limiter.waitMs()).toBe(0);
});

it('forgets failures older than the window', () => {
  let t = 0;
  const limiter = new FailureLimiter(2, 10_000, () => t);
  limiter.failed();
  limiter.failed();
  expect(limiter.waitMs()).toBeGreaterThan(0);
  t = 20_000;
  expect(limiter.waitMs()).toBe(0);
});
