import type { JsonObject } from './json.js';

/*
 * Talisman exports an account as `pair.toJson(exportPassword)` (github:TalismanSociety/talisman,
 * packages/extension-core/src/domains/accounts/handler.ts `accountExport`): a Polkadot{.js} account
 * file (an EVM account is an `ethereum` one), whose meta is what Talisman stored with the pair —
 * `origin`, one of its AccountType values (packages/extension-core/src/domains/accounts/types.ts:
 * "TALISMAN", "QR", "LEDGER", "DCENT", "WATCHED", "SIGNET"), beside `name`, and for an account from a
 * recovery phrase `derivedMnemonicId` and `derivationPath`, or `importSource` ("json", "pk").
 * No other wallet writes `origin` with these values, so it tells a Talisman file apart; a Talisman
 * file without it (none in that source) is not told apart from the extension's.
 */
const TALISMAN_ORIGINS: ReadonlySet<string> = new Set(['TALISMAN', 'QR', 'LEDGER', 'DCENT', 'WATCHED', 'SIGNET']);

/** Whether an account's meta says Talisman wrote it (its `origin`). */
export function talismanMeta(meta: JsonObject): boolean {
  return typeof meta['origin'] === 'string' && TALISMAN_ORIGINS.has(meta['origin']);
}
