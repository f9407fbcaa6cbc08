import type { Account } from '../../api';
import { ConfirmDialog, postThen } from '../../components/ConfirmDialog';
import type { DialogProps } from '../../ui';

/** "Forget account": the vault no longer holds the account or its key (a backup file or its phrase brings it back). */
export function ForgetAccountDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const send = postThen('/api/accounts/remove', { address: account.address }, `${account.name} was removed from the vault.`);
  return (
    <ConfirmDialog title={`Forget ${account.name}?`} confirm="Forget account" send={send} onClose={onClose} onDone={onDone}>
      <p>The vault will no longer hold this account or its key. Only a backup file (or its secret phrase) can bring it back.</p>
      <p className="mono-wrap">{account.address}</p>
    </ConfirmDialog>
  );
}
