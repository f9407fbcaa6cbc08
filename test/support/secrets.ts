/**
 * What tests type as secrets: published BIP-39 phrases, and the passwords and PINs of one test file.
 *
 * A test file's secrets are made by {@link testSecrets} rather than written out one constant a line:
 * each is distinct from every other secret of the suite (so a leak check names the one that leaked),
 * long enough for every minimum keepsake sets (6 characters for a new password or PIN), and
 * `all` lists them for `expectNoSecrets`.
 */

/**
 * BIP-39 English vectors (Trezor's python-mnemonic `vectors.json`, the reference implementation's
 * own test set): 12 words of entropy 0x7f × 16 and 0x80 × 16. Any wallet derives the same keys from them.
 */
export const LEGAL_WINNER = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
export const LETTER_ADVICE = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';

/** A test file's named secrets, and every one of them in `all`. */
export type TestSecrets<K extends string> = { readonly [name in K]: string } & { readonly all: readonly string[] };

/**
 * One test file's passwords and PINs: `scope`-`name`-secret for each name, so two files (or two
 * names) never share one.
 *
 * @example
 * const S = testSecrets('export', ['account', 'batch', 'wrong']);
 * S.account; // 'export-account-secret'
 * expectNoSecrets(result, S.all);
 */
export function testSecrets<const K extends string>(scope: string, names: readonly K[]): TestSecrets<K> {
  const secrets = Object.fromEntries(names.map((name) => [name, `${scope}-${name}-secret`])) as { [name in K]: string };
  return { ...secrets, all: Object.values<string>(secrets) };
}
