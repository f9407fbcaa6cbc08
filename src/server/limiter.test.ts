import { expect, it } from 'vitest';
import { FailureLimiter, type LimiterVerdict, type Ticket } from './limiter.js';

function ticket(v: LimiterVerdict): Ticket {
  if (!v.ok) throw new Error(`expected a ticket, got a wait of ${v.waitMs} ms (${v.reason})`);
  return v.ticket;
}

function waitOf(v: LimiterVerdict): number {
  return v.ok ? 0 : v.waitMs;
}

/** A limiter whose clock stands still: waits are asked for, never waited out. */
function stillLimiter(free: number, globalFree: number): FailureLimiter {
  return new FailureLimiter({ free, globalFree, now: () => 0 });
}

it('lets the first failures of a target through, then makes each try wait longer, and forgets that target after its own success', () => {
  let t = 0;
  const limiter = new FailureLimiter({ free: 3, globalFree: 100, windowMs: 60_000, now: () => t });
  for (let i = 0; i < 3; i++) ticket(limiter.take(['a'])).failed();
  expect(waitOf(limiter.take(['a']))).toBe(1000);
  t += 1000;
  ticket(limiter.take(['a'])).failed();
  expect(waitOf(limiter.take(['a']))).toBe(2000);
  t += 2000;
  ticket(limiter.take(['a'])).succeeded();
  expect(waitOf(limiter.take(['a']))).toBe(0);
});

it('a success on one target does not clear the failures of another (the reset attack of the security review)', () => {
  const limiter = stillLimiter(3, 100);
  for (let i = 0; i < 3; i++) {
    ticket(limiter.take(['guessed'])).failed();
    ticket(limiter.take(['known'])).succeeded();
  }
  const v = limiter.take(['guessed']);
  expect(v).toMatchObject({ ok: false, reason: 'failures' });
  expect(waitOf(limiter.take(['known']))).toBe(0);
});

it('keeps a global budget over all targets that successes never reset', () => {
  const limiter = stillLimiter(3, 4);
  for (let i = 0; i < 4; i++) {
    ticket(limiter.take(['known'])).succeeded();
    ticket(limiter.take([`file-${i}`])).failed();
  }
  // A fresh target, and the one that always succeeds: both wait now.
  expect(limiter.take(['file-new'])).toMatchObject({ ok: false, reason: 'failures' });
  expect(limiter.take(['known'])).toMatchObject({ ok: false, reason: 'failures' });
});

it('counts tries still running: a burst gets no more than the free tries', () => {
  const limiter = stillLimiter(3, 100);
  const burst = Array.from({ length: 8 }, () => limiter.take(['pin']));
  expect(burst.filter((v) => v.ok)).toHaveLength(3);
  expect(burst.filter((v) => !v.ok).every((v) => !v.ok && v.reason === 'busy' && v.waitMs > 0)).toBe(true);
  // A try released without checking a secret gives its place back.
  ticket(burst[0]!).released();
  ticket(limiter.take(['pin'])).failed();
});

it('a ticket over several targets counts its failure on each of them, once on the global budget', () => {
  const limiter = stillLimiter(2, 3);
  ticket(limiter.take(['a', 'b'])).failed();
  ticket(limiter.take(['a', 'b'])).failed();
  expect(limiter.take(['a'])).toMatchObject({ ok: false });
  expect(limiter.take(['b'])).toMatchObject({ ok: false });
  ticket(limiter.take(['c'])).failed(); // the global budget had 2 of 3
  expect(limiter.take(['d'])).toMatchObject({ ok: false });
});

it('settles a ticket once: a second call changes nothing', () => {
  const limiter = stillLimiter(2, 100);
  const first = ticket(limiter.take(['a']));
  first.failed();
  first.failed();
  first.succeeded();
  ticket(limiter.take(['a'])).failed();
  expect(limiter.take(['a'])).toMatchObject({ ok: false, reason: 'failures' });
});

it('forgets failures older than the window', () => {
  let t = 0;
  const limiter = new FailureLimiter({ free: 2, globalFree: 2, windowMs: 10_000, now: () => t });
  ticket(limiter.take(['a'])).failed();
  ticket(limiter.take(['a'])).failed();
  expect(waitOf(limiter.take(['a']))).toBeGreaterThan(0);
  t = 20_000;
  expect(waitOf(limiter.take(['a']))).toBe(0);
});
