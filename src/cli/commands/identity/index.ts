import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { identityCombineCommand } from './combine.js';
import { identityCreateCommand } from './create.js';
import { identityDeriveCommand } from './derive.js';
import { identityExportKeyCommand } from './exportKey.js';
import { identityFindCommand } from './find.js';
import { identityListCommand } from './list.js';
import { identityRecoverCommand } from './recover.js';
import { identityRemoveCommand } from './remove.js';
import { identityRenameCommand } from './rename.js';
import { identityScanCommand } from './scan.js';
import { identityShowPhraseCommand } from './showPhrase.js';
import { identitySplitCommand } from './split.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

/** `keepsake identity` and its commands, one file each (their logic is loaded when one runs). */
export function identityCommand(program: Command, run: Runner): void {
  const identity = program
    .command('identity')
    .summary('seed phrases under a PIN, and the network accounts derived from them (Parity Signer model)')
    .description(
      [
        `An identity is a recovery phrase with a name, sealed under a PIN (at least ${MIN_SECRET_LENGTH} characters; a passphrase is stronger than ${MIN_SECRET_LENGTH} digits). Accounts for each network are derived from it by path: Parity Signer uses //<network> (//polkadot, //kusama), Polkadot{.js} uses the root key (empty path). Those accounts have no password of their own: using one needs the PIN.`,
        'A wrong PIN is counted (exit 3): from the fourth in a row on, the next try must wait 30 seconds, doubling each time up to an hour; the right PIN clears the count. If a restored address is "different", `identity find` names the path and key type that give it; `identity scan` lists the usual ones to recognise.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity recover --name Phone', 'keepsake identity derive Phone --network polkadot']));
  for (const register of [
    identityCreateCommand,
    identityRecoverCommand,
    identityListCommand,
    identityShowPhraseCommand,
    identityExportKeyCommand,
    identitySplitCommand,
    identityCombineCommand,
    identityDeriveCommand,
    identityScanCommand,
    identityFindCommand,
    identityRenameCommand,
    identityRemoveCommand,
  ]) {
    register(identity, run);
  }
}
