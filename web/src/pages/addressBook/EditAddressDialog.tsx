import { useState } from 'react';
import { apiPost, type AddressEntry, type Network } from '../../api';
import { useSubmit } from '../../hooks';
import { networkChoices } from '../../networks';
import { Dialog, FormActions, SelectField, TextField, type DialogProps } from '../../ui';

/**
 * "Edit" an address-book entry: its name, note and (for an SS58 address) network. The address itself
 * is what the entry is: to change it, remove the entry and add the other address.
 */
export function EditAddressDialog({ entry, networks, onClose, onDone }: DialogProps & { entry: AddressEntry; networks: readonly Network[] }) {
  const [name, setName] = useState(entry.name);
  const [note, setNote] = useState(entry.note ?? '');
  const [network, setNetwork] = useState(entry.network ?? '');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (name.trim() === '' ? { name: 'Give the address a name.' } : {}),
    send: async () => {
      const r = await apiPost<AddressEntry>('/api/addresses/edit', {
        address: entry.address,
        name: name.trim(),
        note: note.trim(),
        ...(network && network !== entry.network ? { network } : {}),
      });
      onDone({ kind: 'success', title: `${r.name} saved.` });
    },
    fields: { name: 'name', address: 'network' },
  });
  return (
    <Dialog title={`Edit ${entry.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint mono-wrap">{entry.address}</p>
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <TextField label="Note (optional)" value={note} onChange={setNote} />
        {entry.kind === 'ss58' ? (
          <SelectField label="Network" value={network} onChange={setNetwork} error={errors['network']} {...networkChoices(networks, { own: entry.network })} />
        ) : null}
        <FormActions busy={busy} working="Saving…" submit="Save" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
