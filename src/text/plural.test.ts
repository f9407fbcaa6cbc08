import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise (zero included)', () => {
    expect(plural(1, 'path')).toBe('1 path');
    expect(plural(2, 'path')).toBe('2 paths');
    expect(plural(0, 'account')).toBe('0 accounts');
    expect(plural(1, 'identity', 'identities')).toBe('1 identity');
    expect(plural(5, 'identity', 'identities')).toBe('5 identities');
  });
});
