import { describe, expect, it } from 'vitest';
import { RateCap } from './rateCap.js';

describe('RateCap', () => {
  it('lets a burst through, then one call per 1/perSecond, refilling with the clock (a fake one)', () => {
    let t = 0;
    const cap = new RateCap({ burst: 3, perSecond: 10, now: () => t });
    expect([cap.take(), cap.take(), cap.take()]).toEqual([0, 0, 0]);
    expect(cap.take()).toBe(100);
    t += 50;
    expect(cap.take()).toBe(50);
    t += 50;
    expect(cap.take()).toBe(0);
    expect(cap.take()).toBe(100);
    t += 10_000;
    expect([cap.take(), cap.take(), cap.take(), cap.take()]).toEqual([0, 0, 0, 100]);
  });

  it('a refused call takes nothing: waiting the time it names is enough', () => {
    let t = 0;
    const cap = new RateCap({ burst: 1, perSecond: 4, now: () => t });
    expect(cap.take()).toBe(0);
    const wait = cap.take();
    expect(wait).toBe(250);
    expect(cap.take()).toBe(250);
    t += wait;
    expect(cap.take()).toBe(0);
  });
});
