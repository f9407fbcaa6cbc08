/**
 * An identity split into Banana Split shards and recovered from them (issue 16), at library level:
 * a cheap PIN KDF (the shards' own scrypt is Banana Split's, N=2^15), the vectors' rust set A (whose
 * secret is a phrase) recovered as an identity, and every refusal leaving the vault as it was.
 */
import { describe, expect, it } from 'vitest';
import { ShardPassphraseWrongError, ShardSecretNotPhraseError, ShardsTooFewError, ShardCountError } from '../../errors/bananaSplit.js';
import { DuplicateIdentityError, IdentityNotFoundError, WrongPinError } from '../../errors/identity.js';
import { InvalidNameError } from '../../errors/name.js';
import { bananaSplitCombine } from '../../formats/banana-split/combine.js';
import type { Vault } from '../../vault/open.js';
import { identityCombine } from './combine.js';
import { identityCreate, identityRecover } from './create.js';
import { identityList } from './list.js';
import { identityShowPhrase } from './showPhrase.js';
import { identitySplit } from './split.js';
import { keepsakeRejection } from '../../../test/support/rejection.js';
import { FAST_PIN, vaultsForFile } from '../../../test/support/vaults.js';
import { loadVectors } from '../../../test/support/vectors.js';

const PIN = '314159';
const NEW_PIN = '271828';
const tuning = { pinKdf: FAST_PIN };
const freshVault = vaultsForFile('banana-split');
const VECTORS = loadVectors('banana-split');

async function withIdentity(): Promise<{ vault: Vault; phrase: string }> {
  const vault = freshVault();
  let phrase = '';
  await identityCreate(vault, { name: 'Phone', pin: PIN, words: 12, onMnemonic: (m) => (phrase = m), ...tuning });
  return { vault, phrase };
}

describe('identitySplit / identityCombine', () => {
  it('splits an identity (title = its name, threshold floor(n/2)+1) and recovers it from any required shards under a new PIN', async () => {
    const { vault, phrase } = await withIdentity();
    const split = await identitySplit(vault, 'Phone', PIN, { shares: 5 });
    expect(split.required).toBe(3);
    expect(split.shards).toHaveLength(5);
    expect(split.title).toBe('Phone');
    expect(split.passphrase).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+$/);
    for (const s of split.shards) expect(s).not.toContain(phrase.split(' ')[0]!);
    expect(await bananaSplitCombine(split.shards.slice(2), split.passphrase)).toBe(phrase);

    const other = freshVault();
    const typed = split.passphrase.replaceAll('-', ' ');
    const made = await identityCombine(other, [split.shards[4]!, split.shards[0]!, split.shards[2]!], typed, { pin: NEW_PIN, ...tuning });
    expect(made.name).toBe('Phone');
    expect((await identityShowPhrase(other, 'Phone', NEW_PIN)).mnemonic).toBe(phrase);
  });

  it('takes a title, and a name for the recovered identity', async () => {
    const { vault, phrase } = await withIdentity();
    const split = await identitySplit(vault, 'Phone', PIN, { shares: 3, title: 'Cold storage 2026' });
    expect(JSON.parse(split.shards[0]!)).toMatchObject({ t: 'Cold storage 2026', r: 2 });
    const made = await identityCombine(vault, split.shards.slice(1), split.passphrase, { pin: NEW_PIN, name: 'Phone again', ...tuning });
    expect(made.name).toBe('Phone again');
    expect((await identityShowPhrase(vault, 'Phone again', NEW_PIN)).mnemonic).toBe(phrase);
  });

  it("recovers the vectors' set whose secret is a phrase (banana-recovery-rust A) as an identity named by its title", async () => {
    const set = VECTORS.sets[2]!;
    const vault = freshVault();
    const made = await identityCombine(vault, set.shards, set.passphrase, { pin: NEW_PIN, ...tuning });
    expect(made.name).toBe('Alice tries BananaSplit again');
    expect((await identityShowPhrase(vault, made.name, NEW_PIN)).mnemonic).toBe(set.secret);
  });

  it('refusals leave the vault as it was', async () => {
    const { vault } = await withIdentity();
    const before = identityList(vault);
    expect(await keepsakeRejection(identitySplit(vault, 'Phone', '000000', { shares: 3 }))).toBeInstanceOf(WrongPinError);
    expect(await keepsakeRejection(identitySplit(vault, 'Nobody', PIN, { shares: 3 }))).toBeInstanceOf(IdentityNotFoundError);
    expect(await keepsakeRejection(identitySplit(vault, 'Phone', PIN, { shares: 2 }))).toBeInstanceOf(ShardCountError);
    const split = await identitySplit(vault, 'Phone', PIN, { shares: 3 });
    const combine = (shards: string[], passphrase: string, name?: string) => identityCombine(vault, shards, passphrase, { pin: NEW_PIN, name, ...tuning });
    expect(await keepsakeRejection(combine(split.shards.slice(0, 1), split.passphrase, 'X'))).toBeInstanceOf(ShardsTooFewError);
    expect(await keepsakeRejection(combine(split.shards, 'wrong-wrong-wrong-wrong', 'X'))).toBeInstanceOf(ShardPassphraseWrongError);
    // the title names an identity that is there
    expect(await keepsakeRejection(combine(split.shards, split.passphrase))).toBeInstanceOf(DuplicateIdentityError);
    expect(await keepsakeRejection(combine(split.shards, split.passphrase, ' '))).toBeInstanceOf(InvalidNameError);
    // a set whose secret is not a phrase (banana_split v1 vector)
    const v1 = VECTORS.sets[1]!;
    const err = await keepsakeRejection(identityCombine(vault, v1.shards, v1.passphrase, { pin: NEW_PIN, ...tuning }));
    expect(err).toBeInstanceOf(ShardSecretNotPhraseError);
    expect(err.message).not.toContain(v1.secret);
    expect(identityList(vault)).toEqual(before);
  });

  it('a recovered phrase is the same identity as recovering the phrase typed', async () => {
    const set = VECTORS.sets[2]!;
    const a = freshVault();
    const b = freshVault();
    await identityCombine(a, set.shards, set.passphrase, { pin: NEW_PIN, name: 'A', ...tuning });
    await identityRecover(b, { name: 'A', mnemonic: set.secret, pin: NEW_PIN, ...tuning });
    expect((await identityShowPhrase(a, 'A', NEW_PIN)).mnemonic).toBe((await identityShowPhrase(b, 'A', NEW_PIN)).mnemonic);
  });
});
