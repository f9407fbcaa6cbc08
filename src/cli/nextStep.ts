import type { ErrorReport, NextStep } from '../errors/next.js';

/** What to run to see the items a `list` step names (a Record: a new kind of list needs its command here). */
const LIST_COMMAND: Record<Extract<NextStep, { do: 'list' }>['what'], string> = {
  accounts: 'Run `keepsake account list` to see the accounts and their addresses.',
  identities: 'Run `keepsake identity list` to see the identities.',
  concordium: 'Run `keepsake concordium list` to see them.',
  addresses: 'Run `keepsake address list` to see the entries.',
};

/**
 * A next step in the CLI's terms: the flag or command that does it. The browser words the same
 * steps with its pages and buttons (web/src/nextStep.ts).
 */
export function nextStepCli(step: NextStep): string {
  switch (step.do) {
    case 'choose-network':
      return `Check the network, or give --network ${step.network}.`;
    case 'pick-network': {
      const names = step.networks.map((n) => n.name);
      const one = names.length === 1 ? names[0]! : 'NAME';
      return `To show them under ${names.length === 1 ? step.networks[0]!.label : `another (${names.join(', ')})`}, restore with --network ${one}, or run \`keepsake account network ADDRESS ${one}\` for an account already restored.`;
    }
    case 'network-from-address':
      return 'Leave out --network: the address itself says which kind it is.';
    case 'use-restore':
      return 'Restore account files with `keepsake restore FILE`.';
    case 'use-backup-import':
      return 'Import it with `keepsake backup import FILE`.';
    case 'kdf-compat':
      return 'To make a copy they open, export the account with `--kdf compat`.';
    case 'replace-duplicate':
      return 'Use `keepsake account list` to find it, or `restore --on-duplicate replace` to replace it.';
    case 'update-duplicate':
      return step.relock
        ? 'To give it this name and network instead, run the command again with `--on-duplicate update` (or `--on-duplicate relock` to also lock its stored file with the new password).'
        : 'To give it this name and network instead, run the command again with `--on-duplicate update`.';
    case 'list':
      return LIST_COMMAND[step.what];
    case 'derive-path':
      return 'If you know the path, use `identity derive --path`.';
    case 'other-vault':
      return 'To use another vault, give --vault FILE.';
    case 'check-vault-path':
      return 'Check the path given with --vault or $KEEPSAKE_VAULT.';
    case 'overwrite':
      return 'Pick another file name, or add --force to replace it.';
    case 'secret-from-file':
      return `Pass ${step.option} FILE (or ${step.option} - to read it from standard input).`;
    case 'vault-change-password':
      return 'To choose another, run `keepsake vault change-password`.';
    case 'vault-lock':
      return 'To set one, run `keepsake vault lock`.';
    case 'concordium-password':
      return 'Pass --concordium-password-file FILE (one password per line), or run the command on a terminal to be asked.';
    case 'combine-shards':
      return `Recover the phrase with \`keepsake identity combine SHARD…\`: any ${step.required} shards of the set, and its passphrase.`;
    case 'rescue-scan':
      return 'Run `keepsake rescue scan` (with --profile DIR for a copied browser profile) to see what is found.';
    case 'see-help':
      return 'Run `keepsake help` to see how to use it.';
  }
}

/** An error's message followed by its next step in the CLI's words: what a terminal shows. */
export function errorTextCli(error: Pick<ErrorReport, 'message' | 'next'>): string {
  return error.next === undefined ? error.message : `${error.message} ${nextStepCli(error.next)}`;
}
