import { describe, expect, it } from 'vitest';
import { mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { LEGAL_WINNER, LETTER_ADVICE, testSecrets } from './secrets.js';

describe('test secrets', () => {
  it('the BIP-39 phrases are the published vectors (entropy 7f…7f and 80…80)', () => {
    expect(Buffer.from(mnemonicToEntropy(LEGAL_WINNER, wordlist)).toString('hex')).toBe('7f'.repeat(16));
    expect(Buffer.from(mnemonicToEntropy(LETTER_ADVICE, wordlist)).toString('hex')).toBe('80'.repeat(16));
  });

  it('names every secret of a file once, distinct, long enough for any minimum', () => {
    const S = testSecrets('scope', ['pin', 'backup', 'wrong']);
    expect(S.pin).toBe('scope-pin-secret');
    expect(S.all).toEqual([S.pin, S.backup, S.wrong]);
    expect(new Set([...S.all, ...testSecrets('other', ['pin']).all]).size).toBe(4);
    for (const s of S.all) expect(s.length).toBeGreaterThanOrEqual(6);
  });
});
