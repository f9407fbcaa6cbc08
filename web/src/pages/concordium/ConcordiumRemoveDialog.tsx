import { apiPost, type ConcordiumRemoved } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { plural, type DialogProps, type Notice } from '../../ui';

/** The Concordium identity or account a Remove button names (its number in the list, and what the dialog says of it). */
export type ConcordiumTarget = { id: number; kind: 'identity' | 'account'; name: string; accounts: number; address?: string };

/** "Remove" a Concordium identity (with its accounts) or account: the keys stay on the Ledger. */
export function ConcordiumRemoveDialog({ target, onClose, onDone }: DialogProps & { target: ConcordiumTarget }) {
  const what =
    target.kind === 'identity'
      ? `the Concordium identity ${target.name}${target.accounts > 0 ? ` and its ${plural(target.accounts, 'account')}` : ''}`
      : `the Concordium account ${target.name}`;
  const send = async (): Promise<Notice> => {
    const r = await apiPost<ConcordiumRemoved>('/api/concordium/remove', { id: target.id });
    const gone = r.identity
      ? `The Concordium identity ${r.identity.name} and its ${plural(r.accounts.length, 'account')} were removed.`
      : `The Concordium account ${r.accounts[0]?.name ?? target.name} was removed.`;
    return { kind: 'success', title: gone, lines: ['Their keys stay on the Ledger.'] };
  };
  return (
    <ConfirmDialog title={`Remove ${target.name}?`} confirm="Remove" send={send} onClose={onClose} onDone={onDone}>
      <p>
        This removes {what} from the vault, with the credentials and address-book entries the desktop wallet ties to{' '}
        {target.kind === 'identity' ? 'its accounts' : 'it'}. The keys stay on the Ledger; a Concordium Desktop Wallet file exported from here afterwards no
        longer holds {target.kind === 'identity' ? 'them' : 'it'}.
      </p>
      {target.address ? <p className="mono-wrap">{target.address}</p> : null}
    </ConfirmDialog>
  );
}
