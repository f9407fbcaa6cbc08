/**
 * Shards keepsake writes decode in Polkadot Vault's decoder (issue 16): test/support/vaultDecoder.ts
 * follows paritytech/banana-recovery-rust src/shares.rs step by step. Every N from 3 to 10, a random
 * phrase, a random choice and order of the needed shards; the published vectors Vault reads (v1);
 * and the decoder itself is checked to refuse what shares.rs refuses, so a pass is not a decoder that
 * accepts anything.
 */
import { randomInt } from 'node:crypto';
import { generateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { VaultDecodeError, VaultShareSet, vaultRecover, vaultShareNew } from '../../../test/support/vaultDecoder.js';
import { loadVectors } from '../../../test/support/vectors.js';
import { bananaSplitPassphrase } from './passphrase.js';
import { bananaSplitShards, bananaSplitThreshold } from './split.js';

const VECTORS = loadVectors('banana-split');

/** `k` of `items`, chosen and ordered at random. */
function pick<T>(items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k) out.push(pool.splice(randomInt(pool.length), 1)[0]!);
  return out;
}

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof VaultDecodeError) return err.variant;
    throw err;
  }
  return 'accepted';
};

describe("Polkadot Vault's decoder (banana-recovery-rust shares.rs) reads keepsake's shards", () => {
  it('every N from 3 to 10: any floor(N/2)+1 shards, in any order, recover a random phrase; one fewer asks for more', { timeout: 120_000 }, async () => {
    for (let n = 3; n <= 10; n++) {
      const phrase = generateMnemonic(wordlist, n % 2 === 0 ? 256 : 128);
      const passphrase = bananaSplitPassphrase();
      const title = `Vault N=${n} — ${'é'.repeat(n)}`;
      const shards = await bananaSplitShards(phrase, { title, shares: n, passphrase });
      const need = bananaSplitThreshold(n);
      const chosen = pick(shards, need);
      expect(vaultRecover(chosen, passphrase), `N=${n}`).toBe(phrase);

      const set = new VaultShareSet(vaultShareNew(new TextEncoder().encode(chosen[0]!)));
      for (const s of chosen.slice(1, -1)) set.tryAddShare(vaultShareNew(new TextEncoder().encode(s)));
      expect(set.nextAction()).toEqual({ moreShares: { have: need - 1, need } });
      expect(set.title).toBe(title);
    }
  });

  it('the published v1 vectors recover their secrets; the v0 set does not (shares.rs reads every nonce as base64)', () => {
    for (const set of VECTORS.sets) {
      if (set.shards[0]!.includes('"v":1')) expect(vaultRecover(set.shards, set.passphrase), set.name).toBe(set.secret);
      else
        expect(
          refusal(() => vaultRecover(set.shards, set.passphrase)),
          set.name,
        ).toBe('NoncePanics');
    }
  });

  it('refuses what shares.rs refuses: a wrong passphrase, a shard twice, another set, a bad version, bits out of range, not JSON', async () => {
    const passphrase = bananaSplitPassphrase();
    const shards = await bananaSplitShards('bottom drive obey lake curtain smoke basket hold race lonely fit walk', { title: 'T', shares: 5, passphrase });
    const other = await bananaSplitShards('bottom drive obey lake curtain smoke basket hold race lonely fit walk', { title: 'T', shares: 5, passphrase });
    expect(refusal(() => vaultRecover(shards.slice(0, 3), 'wrong-wrong-wrong-wrong'))).toBe('DecodingFailed');
    expect(refusal(() => vaultRecover([shards[0]!, shards[0]!, shards[1]!], passphrase))).toBe('ShareAlreadyInSet');
    expect(refusal(() => vaultRecover([shards[0]!, other[1]!, shards[2]!], passphrase))).toBe('ShareNonceDifferent');
    expect(refusal(() => vaultRecover([shards[0]!.replace('"v":1', '"v":2')], passphrase))).toBe('VersionNotSupported');
    expect(refusal(() => vaultRecover([shards[0]!.replace('"d":"8', '"d":"2')], passphrase))).toBe('BitsOutOfRange');
    expect(refusal(() => vaultRecover(['not json'], passphrase))).toBe('JsonParsing');
    // a share altered in one byte combines to another ciphertext, which the passphrase does not open
    const d = (JSON.parse(shards[1]!) as { d: string }).d;
    const altered = shards[1]!.replace(d, d.slice(0, 5) + (d[5] === 'A' ? 'B' : 'A') + d.slice(6));
    expect(refusal(() => vaultRecover([shards[0]!, altered, shards[2]!], passphrase))).toBe('DecodingFailed');
  });
});
