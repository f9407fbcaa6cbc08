import { useId, useState } from 'react';
import { apiPost, type AddressEntry } from '../api';
import type { Errors } from '../errors';
import { useLoad, useSubmit } from '../hooks';
import { FormActions, Loaded, Notices, SelectField, TextField, type Notice } from '../ui';
import { networkChoices, useNetworks } from '../networks';
import { AddressScanField } from '../components/QrScanner';
import { AddressItem } from './addressBook/AddressItem';
import { EditAddressDialog } from './addressBook/EditAddressDialog';
import { RemoveAddressDialog } from './addressBook/RemoveAddressDialog';

export function AddressBookPage() {
  const networks = useNetworks();
  const entries = useLoad<AddressEntry[]>('/api/addresses');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [removing, setRemoving] = useState<AddressEntry | null>(null);
  const [editing, setEditing] = useState<AddressEntry | null>(null);

  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [network, setNetwork] = useState('');
  const formHeading = useId();
  const listHeading = useId();

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      const found: Errors = {};
      if (address.trim() === '') found['address'] = 'Paste the address.';
      if (name.trim() === '') found['name'] = 'Give the address a name.';
      return found;
    },
    send: async () => {
      const r = await apiPost<AddressEntry>('/api/addresses/add', {
        address: address.trim(),
        name: name.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(network ? { network } : {}),
      });
      setAddress('');
      setName('');
      setNote('');
      setNotice({ kind: 'success', title: `${r.name} added to the address book.` });
      entries.reload();
    },
    fields: { address: 'address', name: 'name' },
  });
  const done = (n: Notice) => {
    setEditing(null);
    setRemoving(null);
    setNotice(n);
    entries.reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>Address book</h1>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      <section className="card" aria-labelledby={formHeading}>
        <h2 id={formHeading}>Add an address</h2>
        <form onSubmit={onSubmit} noValidate>
          <AddressScanField
            value={address}
            onChange={setAddress}
            error={errors['address']}
            hint="A Polkadot/Substrate (SS58), Ethereum (0x…) or Concordium address, or the text of a Polkadot Vault address QR code (substrate:… or ethereum:…). It is checked before saving."
          />
          <div className="two">
            <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
            <SelectField label="Network (optional)" value={network} onChange={setNetwork} {...networkChoices(networks, { none: 'Any / from the address' })} />
          </div>
          <TextField label="Note (optional)" value={note} onChange={setNote} />
          <FormActions busy={busy} working="Adding…" submit="Add address" error={errors['form']} />
        </form>
      </section>

      <section aria-labelledby={listHeading}>
        <h2 id={listHeading}>Saved addresses</h2>
        <Loaded state={entries} loading="Loading…" empty="The address book is empty.">
          {(list) => (
            <ul className="cards" aria-label="Saved addresses">
              {list.map((a) => (
                <AddressItem key={a.address} entry={a} onRemove={() => setRemoving(a)} onEdit={() => setEditing(a)} />
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      {editing ? <EditAddressDialog entry={editing} networks={networks} onClose={() => setEditing(null)} onDone={done} /> : null}
      {removing ? <RemoveAddressDialog entry={removing} onClose={() => setRemoving(null)} onDone={done} /> : null}
    </>
  );
}
