/**
 * What a person can do about an error, as a fact rather than a sentence: the CLI says it with flags
 * and commands (src/cli/nextStep.ts), the browser with its pages and buttons (web/src/nextStep.ts).
 * An error's `shortMessage` and `hints` are read in both places, so they never name a flag or a
 * command; anything that must, is a step here. A step a front end has no words for (a flag the
 * browser has no counterpart of) is simply not shown there.
 *
 * Each front end's renderer switches over every `do`, so a step added here does not compile until
 * both have words for it.
 *
 * @example
 * throw new InvalidAddressError({ address, reason: '…', next: { do: 'choose-network', network: 'polkadot', label: 'Polkadot Relay Chain' } })
 */
export type NextStep =
  /** The address belongs to another network: pick that one (`network` is its key, `label` what a person calls it). */
  | { do: 'choose-network'; network: string; label: string }
  /**
   * Accounts were put under a network that shares its address format with these others (0 is Polkadot
   * and AXIA), since nothing in their files tells them apart: restore them under one, or change an account's network.
   */
  | { do: 'pick-network'; networks: { name: string; label: string }[] }
  /** The address is not an SS58 one (Ethereum, Concordium): give no network and let the address say which it is. */
  | { do: 'network-from-address' }
  /** Account files given to the whole-wallet import: restore them instead. */
  | { do: 'use-restore' }
  /** A whole-wallet backup given where account files go: import it as a whole instead. */
  | { do: 'use-backup-import' }
  /** Wallets from before mid-2025 refuse the file: export it again with their scrypt parameters. */
  | { do: 'kdf-compat' }
  /** The account is already in the vault: find it, or restore its file replacing the one there. */
  | { do: 'replace-duplicate' }
  /** The key being added or derived is already in the vault: give it this name and network instead (an added file may also be re-locked). */
  | { do: 'update-duplicate'; relock: boolean }
  /** Where the vault's accounts, identities or address-book entries are listed. */
  | { do: 'list'; what: 'accounts' | 'identities' | 'addresses' | 'concordium' }
  /** `identity find` did not find the path: derive the account with the path, if it is known. */
  | { do: 'derive-path' }
  /** The vault cannot be used (too new, unreadable, another network's data): use another vault file. */
  | { do: 'other-vault' }
  /** No vault at the path given: check the path; a vault is made by the first command that adds something. */
  | { do: 'check-vault-path' }
  /** An output file exists: pick another name, or say it may be replaced. */
  | { do: 'overwrite' }
  /** A secret is needed and there is no terminal to ask on: give it from a file (`option` names the CLI flag). */
  | { do: 'secret-from-file'; option: string }
  /** The vault has a password already: change it rather than set one. */
  | { do: 'vault-change-password' }
  /** The vault has no password: set one. */
  | { do: 'vault-lock' }
  /** Concordium data is sealed under the password of the file it came from: give that password. */
  | { do: 'concordium-password' }
  /** Nothing to rescue was found or named: see what the scan finds. */
  | { do: 'rescue-scan' }
  /** A Banana Split shard given where a backup file goes: recover the phrase from `required` shards of its set and the passphrase. */
  | { do: 'combine-shards'; required: number }
  /** The command line was not understood: read the command's help. */
  | { do: 'see-help' };

/** An error as the reports and the API carry it: its class name, its sentence, and the next step if any. */
export type ErrorReport = { name: string; message: string; next?: NextStep };
