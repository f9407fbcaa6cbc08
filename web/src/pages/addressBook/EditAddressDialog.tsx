import { useState, type FormEvent } from 'react';
import { apiPost, type AddressEntry, type Network } from '../../api';
import { errorsFrom, type Errors } from '../../errors';
import { networkChoices } from '../../networks';
import { Busy, Dialog, DialogActions, SelectField, TextField, type Notice } from '../../ui';

/**
 * "Edit" an address-book entry: its name, note and (for an SS58 address) network. The address itself
 * is what the entry is: to change it, remove the entry and add the other address.
 */
export function EditAddressDialog({ entry, networks, onClose, onDone }: { entry: AddressEntry; networks: readonly Network[]; onClose: () => void; onDone: (notice: Notice) => void }) {
  const [name, setName] = useState(entry.name);
  const [note, setNote] = useState(entry.note ?? '');
  const [network, setNetwork] = useState(entry.network ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setErrors({ name: 'Give the address a name.' });
    setBusy(true);
    try {
      const r = await apiPost<AddressEntry>('/api/addresses/edit', {
        address: entry.address,
        name: name.trim(),
        note: note.trim(),
        ...(network && network !== entry.network ? { network } : {}),
      });
      onDone({ kind: 'success', title: `${r.name} saved.` });
    } catch (err) {
      setErrors(errorsFrom(err, { name: 'name', address: 'network' }));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Edit ${entry.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="hint mono-wrap">{entry.address}</p>
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <TextField label="Note (optional)" value={note} onChange={setNote} />
        {entry.kind === 'ss58' ? <SelectField label="Network" value={network} onChange={setNetwork} error={errors['network']} {...networkChoices(networks, { own: entry.network })} /> : null}
        {busy ? <Busy text="Saving…" /> : null}
        <DialogActions busy={busy} submit="Save" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
