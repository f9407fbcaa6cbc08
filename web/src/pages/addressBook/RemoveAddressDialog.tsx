import type { AddressEntry } from '../../api';
import { ConfirmDialog, postThen } from '../../components/ConfirmDialog';
import type { DialogProps } from '../../ui';

/** "Remove" an address-book entry. */
export function RemoveAddressDialog({ entry, onClose, onDone }: DialogProps & { entry: AddressEntry }) {
  const send = postThen('/api/addresses/remove', { address: entry.address }, `${entry.name} removed from the address book.`);
  return (
    <ConfirmDialog title={`Remove ${entry.name}?`} confirm="Remove address" send={send} onClose={onClose} onDone={onDone}>
      <p className="mono-wrap">{entry.address}</p>
    </ConfirmDialog>
  );
}
