/**
 * The part of `@axia-js/keyring` and `@axia-js/util-crypto` 0.1.x (published without type
 * declarations) that the AXIA interop tests use: the same API as `@polkadot/keyring` of 2021, renamed.
 */
declare module '@axia-js/keyring' {
  export type KeyringPair = {
    address: string;
    publicKey: Uint8Array;
    type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
    meta: Record<string, unknown>;
    toJson(password?: string): { address: string; encoded: string; encoding: Record<string, unknown>; meta: Record<string, unknown> };
    decodePkcs8(password?: string): void;
  };
  export class Keyring {
    constructor(options?: { type?: KeyringPair['type']; ss58Format?: number });
    addFromUri(suri: string, meta?: Record<string, unknown>, type?: KeyringPair['type']): KeyringPair;
    addFromJson(json: unknown): KeyringPair;
    encodeAddress(key: Uint8Array | string, ss58Format?: number): string;
  }
}

declare module '@axia-js/util-crypto' {
  export function cryptoWaitReady(): Promise<boolean>;
  export function mnemonicGenerate(words?: 12 | 15 | 18 | 21 | 24): string;
}
