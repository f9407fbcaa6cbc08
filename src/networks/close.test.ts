import { describe, expect, it } from 'vitest';
import { networkNamesClose } from './close.js';

const names = (typed: string) => networkNamesClose(typed).map((n) => n.name);

describe('networkNamesClose: the names a person meant', () => {
  it('a typo of a letter or two finds the name', () => {
    expect(names('polkdot')[0]).toBe('polkadot');
    expect(names('kusma')[0]).toBe('kusama');
    expect(names('axialuna')[0]).toBe('axialunar');
    expect(names('axia-lunar')[0]).toBe('axialunar');
  });

  it('a part of a name or display name finds it: "alpha" is AXIA AlphaNet, "axia" lists the AXIA family', () => {
    expect(names('alpha')).toContain('alphanet');
    expect(names('axi')).toEqual(expect.arrayContaining(['axia', 'axialunar']));
  });

  it('nothing close: none; at most `limit`; an empty or huge name costs nothing', () => {
    expect(names('zzzzqqqqxxxx')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(networkNamesClose('a', 3).length).toBeLessThanOrEqual(3);
    expect(names('x'.repeat(100_000))).toEqual([]);
  });
});
