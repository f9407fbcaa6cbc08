import type { KeyScheme } from './schemes/scheme.js';
import type { KeyType } from './types.js';

export type { KeyScheme } from './schemes/scheme.js';

const cache = new Map<KeyType, Promise<KeyScheme>>();

/**
 * The implementation of a key type, loaded on first use: the curve libraries take tens of
 * milliseconds to load, and a command that opens a file can load them while scrypt runs.
 */
export function schemeLoad(type: KeyType): Promise<KeyScheme> {
  let p = cache.get(type);
  if (p === undefined) {
    p = load(type);
    cache.set(type, p);
  }
  return p;
}

async function load(type: KeyType): Promise<KeyScheme> {
  switch (type) {
    case 'sr25519':
      return (await import('./schemes/sr25519.js')).sr25519;
    case 'ed25519':
      return (await import('./schemes/ed25519.js')).ed25519;
    case 'ecdsa':
      return (await import('./schemes/secp256k1.js')).ecdsa;
    case 'ethereum':
      return (await import('./schemes/secp256k1.js')).ethereum;
  }
}
