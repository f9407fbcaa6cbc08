import type { ErrorReport, NextStep } from '../../src/errors/next.js';

/** The page that lists what a `list` step names (every kind has one: a new kind fails to compile here). */
const LISTED_ON: Record<Extract<NextStep, { do: 'list' }>['what'], string> = {
  accounts: 'The Accounts page lists the accounts and their addresses.',
  identities: 'The Identities page lists the identities.',
  concordium: 'The Accounts and Identities pages list them under Concordium.',
  addresses: 'The Address book page lists its entries.',
};

/**
 * A next step in the browser's terms: the page, button or choice that does it — never a flag or a
 * command (the CLI words the same steps its own way, src/cli/nextStep.ts). Undefined for a step the
 * browser has no counterpart of (a command-line option): then the message stands alone.
 */
export function nextStepText(step: NextStep): string | undefined {
  switch (step.do) {
    case 'choose-network':
      return `Check the network, or choose “${step.label}”.`;
    case 'pick-network': {
      const labels = step.networks.map((n) => `“${n.label}”`).join(', ');
      return `To show them under ${step.networks.length === 1 ? labels : `another (${labels})`}, choose it as the Network when you restore, or use Network… in an account’s Actions menu.`;
    }
    case 'network-from-address':
      return 'Choose “Any / from the address” as the network: the address itself says which kind it is.';
    case 'use-restore':
      return 'To add the accounts of account files, use Accounts → Restore JSON.';
    case 'use-backup-import':
      return 'Import it as a whole with Export/Import → Import a backup.';
    case 'kdf-compat':
      return 'To make a copy they open, create a backup file of the account with “Readable by wallets from before mid-2025” ticked.';
    case 'replace-duplicate':
      return 'To replace it, restore its backup file with Accounts → Restore JSON and choose “Replace it with the one from the file”.';
    case 'update-duplicate':
      return 'To give it this name and network instead, use “Update the existing account”.';
    case 'list':
      return LISTED_ON[step.what];
    case 'derive-path':
      return 'If you know the path, add the account with “Derive account” and that path.';
    case 'other-vault':
      return 'To use another vault, start keepsake again with that vault.';
    case 'vault-change-password':
      return 'To choose another, use the Vault page.';
    case 'vault-lock':
      return 'To set one, use the Vault page.';
    case 'combine-shards':
      return `On the Identities page, choose “Recover from shards” and add any ${step.required} shards of the set, with the passphrase.`;
    case 'rescue-scan':
      return 'Search again on the “Find wallets” page, or give it the folder of a copied browser profile.';
    case 'concordium-password':
      return 'Type it in “Password of the Concordium file”.';
    case 'check-vault-path':
    case 'overwrite':
    case 'secret-from-file':
    case 'see-help':
      return undefined;
  }
}

/** An error's message followed by its next step in the browser's words. */
export function errorText(error: Pick<ErrorReport, 'message' | 'next'>): string {
  const next = error.next === undefined ? undefined : nextStepText(error.next);
  return next === undefined ? error.message : `${error.message} ${next}`;
}
