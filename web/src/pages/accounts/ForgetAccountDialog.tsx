import { apiPost, type Account } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { DialogProps } from '../../ui';

/** "Forget account": the vault no longer holds the account or its key (a backup file or its phrase brings it back). */
export function ForgetAccountDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const send = async () => {
    await apiPost('/api/accounts/remove', { address: account.address });
    return { kind: 'success', title: `${account.name} was removed from the vault.` } as const;
  };
  return (
    <ConfirmDialog title={`Forget ${account.name}?`} confirm="Forget account" send={send} onClose={onClose} onDone={onDone}>
      <p>The vault will no longer hold this account or its key. Only a backup file (or its secret phrase) can bring it back.</p>
      <p className="mono-wrap">{account.address}</p>
    </ConfirmDialog>
  );
}
