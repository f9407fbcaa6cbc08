import { apiPost, type AddressEntry } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { DialogProps } from '../../ui';

/** "Remove" an address-book entry. */
export function RemoveAddressDialog({ entry, onClose, onDone }: DialogProps & { entry: AddressEntry }) {
  const send = async () => {
    await apiPost('/api/addresses/remove', { address: entry.address });
    return { kind: 'success', title: `${entry.name} removed from the address book.` } as const;
  };
  return (
    <ConfirmDialog title={`Remove ${entry.name}?`} confirm="Remove address" send={send} onClose={onClose} onDone={onDone}>
      <p className="mono-wrap">{entry.address}</p>
    </ConfirmDialog>
  );
}
