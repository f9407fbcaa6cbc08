import { UsageError } from '../errors/usage.js';
import type { ConvertTarget } from './convert.js';

/*
 * The values of every enumerated input, in one place: the CLI hands them to commander
 * (`Option.choices`), the server's routes refuse anything else with {@link choiceOf}. So the two
 * front ends accept the same words, and an unknown one is a usage error in both (exit 2, HTTP 400)
 * rather than being replaced by the default. Constants only: a command's registration imports this
 * file, so it must stay as light as it is.
 */

/** Scrypt for a written Polkadot{.js} file: N=2^17, or N=2^15 for wallets from before mid-2025. */
export const KDF_CHOICES = ['default', 'compat'] as const;
/** Words of a new recovery phrase (BIP-39 lengths keepsake writes), as they are typed. */
export const WORDS_CHOICES = ['12', '24'] as const;
/** `account export`: one account's file. */
export const ACCOUNT_FORMAT_CHOICES = ['polkadot-js', 'ethereum-keystore'] as const;
/** `account export-all`: the extension's batch, or the Apps "Export all" list. */
export const EXPORT_ALL_FORMAT_CHOICES = ['polkadot-js-batch', 'apps'] as const;
/** `backup export`: everything, or the Concordium data as the desktop wallet imports it. */
export const BACKUP_FORMAT_CHOICES = ['keepsake', 'concordium-desktop', 'nova'] as const;
/** `convert --to`: the same list as `CONVERT_TARGETS` (checked by the type below), without loading the converter. */
export const CONVERT_TARGET_CHOICES = ['polkadot-js', 'polkadot-js-batch', 'apps', 'ethereum-keystore'] as const satisfies readonly ConvertTarget[];
// …and every target the converter knows is offered: a new one fails to compile here until it is added above.
const convertTargetsAll: ConvertTarget extends (typeof CONVERT_TARGET_CHOICES)[number] ? true : never = true;
void convertTargetsAll;
/** An account added that is already in the vault: refuse, update its name and network, or also relock its file. */
export const ADD_DUPLICATE_CHOICES = ['refuse', 'update', 'relock'] as const;
/** An account derived that is already in the vault: refuse, or update its name and network. */
export const DERIVE_DUPLICATE_CHOICES = ['refuse', 'update'] as const;
/** An account restored that is already in the vault: skip it, or replace it. */
export const RESTORE_DUPLICATE_CHOICES = ['skip', 'replace'] as const;

/**
 * "--kdf is default or compat, not "fast"." — the sentence both front ends give for a value that is
 * not one of `allowed` (`label` names the input in their words: a flag, or a form field).
 */
export function choiceSentence(label: string, allowed: readonly string[], value: string): string {
  const list = allowed.length < 2 ? allowed.join('') : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]!}`;
  return `${label} is ${list}, not "${value.slice(0, 40)}".`;
}

/**
 * The `field` of a request, if it is one of `allowed`; absent (undefined, null or ''), `fallback`.
 * Anything else is refused (UsageError: the same outcome as the CLI's exit 2), never defaulted.
 *
 * @example
 * choiceOf(body, 'kdf', KDF_CHOICES, 'default') // 'default' | 'compat'
 */
export function choiceOf<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[], fallback: T): T {
  const value = body[field];
  if (value === undefined || value === null || value === '') return fallback;
  // Numbers are accepted as the text they are written as (the page sends `words: 12`).
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && (allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError({ reason: choiceSentence(`The field "${field}"`, allowed, typeof text === 'string' ? text : (JSON.stringify(text) ?? typeof text)) });
}
