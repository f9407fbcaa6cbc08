import { apiPost, type Account } from '../../api';
import { RenameDialog } from '../../components/RenameDialog';
import type { DialogProps, Notice } from '../../ui';

/** "Rename" in an account's Actions menu. */
export function AccountRenameDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const save = async (name: string): Promise<Notice> => {
    const r = await apiPost<Account>('/api/accounts/rename', { address: account.address, name });
    return { kind: 'success', title: `Renamed ${account.name} to ${r.name}.` };
  };
  return <RenameDialog title={`Rename ${account.name}`} current={account.name} save={save} onClose={onClose} onDone={onDone} />;
}
