import type { ConcordiumAccountView, ConcordiumIdentityView } from '../../../wallet/concordium.js';
import { type Io, out } from '../../io.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';

/**
 * The Concordium sections of `concordium list`, `account list` (accounts) and `identity list`
 * (identities): each Concordium account is held on a Ledger, keepsake has its address only.
 */
export function concordiumPrint(
  io: Io,
  list: { identities?: readonly ConcordiumIdentityView[]; accounts?: readonly ConcordiumAccountView[] },
  options: { numbers?: boolean } = {},
): void {
  const number = (id: number) => (options.numbers ? `${id}  ` : '');
  if (list.identities && list.identities.length > 0) {
    out(io, 'Concordium identities (from a Concordium Desktop Wallet export):');
    for (const i of list.identities) {
      const facts = [...(i.provider ? [`provider ${i.provider}`] : []), ...(i.status ? [i.status] : []), plural(i.accounts, 'account')];
      out(io, line`  ${number(i.id)}"${i.name}"  ${facts.join(', ')}`);
    }
  }
  if (list.accounts && list.accounts.length > 0) {
    out(io, 'Concordium accounts (held on a Ledger; keepsake has their addresses, not their keys):');
    for (const a of list.accounts) {
      out(
        io,
        line`  ${number(a.id)}${a.address}  "${a.name}"  ${a.identity === null ? '(identity not in the vault)' : line`identity "${a.identity}"`}${a.status ? `, ${a.status}` : ''}`,
      );
    }
  }
}
