import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { apiGet, apiPost, type AddressEntry } from '../api';
import { errorsFrom, type Errors } from '../errors';
import { Busy, CopyButton, Dialog, FormError, Notices, SelectField, TextField, type Notice } from '../ui';
import { networkChoices, useNetworks } from '../networks';
import { Identicon } from '../identicon';
import { EditAddressDialog } from './addressBook/EditAddressDialog';

export function AddressBookPage() {
  const networks = useNetworks();
  const [entries, setEntries] = useState<AddressEntry[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [removing, setRemoving] = useState<AddressEntry | null>(null);
  const [editing, setEditing] = useState<AddressEntry | null>(null);

  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [network, setNetwork] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const formHeading = useId();
  const listHeading = useId();

  const load = useCallback(async () => {
    try {
      setEntries(await apiGet<AddressEntry[]>('/api/addresses'));
      setLoadError('');
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (address.trim() === '') found['address'] = 'Paste the address.';
    if (name.trim() === '') found['name'] = 'Give the address a name.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
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
      void load();
    } catch (err) {
      setErrors(errorsFrom(err, { address: 'address', name: 'name' }));
    }
    setBusy(false);
  };

  return (
    <>
      <h1 tabIndex={-1}>Address book</h1>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      <section className="card" aria-labelledby={formHeading}>
        <h2 id={formHeading}>Add an address</h2>
        <form onSubmit={add} noValidate>
          <TextField label="Address" value={address} onChange={setAddress} error={errors['address']} mono hint="A Polkadot/Substrate (SS58), Ethereum (0x…) or Concordium address. keepsake checks it before saving." />
          <div className="two">
            <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
            <SelectField label="Network (optional)" value={network} onChange={setNetwork} {...networkChoices(networks, { none: 'Any / from the address' })} />
          </div>
          <TextField label="Note (optional)" value={note} onChange={setNote} />
          {busy ? <Busy text="Adding…" /> : null}
          <FormError message={errors['form']} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Add address
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby={listHeading}>
        <h2 id={listHeading}>Saved addresses</h2>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {entries === null ? (
          loadError ? null : <p>Loading…</p>
        ) : entries.length === 0 ? (
          <p className="empty">The address book is empty.</p>
        ) : (
          <ul className="cards" aria-label="Saved addresses">
            {entries.map((a) => (
              <AddressItem key={a.address} entry={a} onRemove={() => setRemoving(a)} onEdit={() => setEditing(a)} />
            ))}
          </ul>
        )}
      </section>
      {editing ? (
        <EditAddressDialog
          entry={editing}
          networks={networks}
          onClose={() => setEditing(null)}
          onDone={(n) => {
            setEditing(null);
            setNotice(n);
            void load();
          }}
        />
      ) : null}
      {removing ? (
        <RemoveDialog
          entry={removing}
          onClose={() => setRemoving(null)}
          onDone={(n) => {
            setRemoving(null);
            setNotice(n);
            void load();
          }}
        />
      ) : null}
    </>
  );
}

function AddressItem({ entry: a, onRemove, onEdit }: { entry: AddressEntry; onRemove: () => void; onEdit: () => void }) {
  const nameId = useId();
  return (
    <li className="card entry" aria-labelledby={nameId}>
      {a.kind === 'concordium' ? null : <Identicon publicKey={a.address} address={a.address} />}
      <div className="entry-main">
        <h3 id={nameId}>{a.name}</h3>
        <p className="address">
          <code className="mono">{a.address}</code>
          <CopyButton text={a.address} what={`address of ${a.name}`} />
        </p>
        <p className="meta">
          <span>{a.kind}</span>
          {a.network ? <span>{a.network}</span> : null}
          {a.note ? <span>{a.note}</span> : null}
        </p>
      </div>
      <div className="entry-actions">
        <button type="button" className="small" onClick={onEdit}>
          Edit<span className="sr-only"> {a.name}</span>
        </button>
        <button type="button" className="small" onClick={onRemove}>
          Remove<span className="sr-only"> {a.name}</span>
        </button>
      </div>
    </li>
  );
}

function RemoveDialog({ entry, onClose, onDone }: { entry: AddressEntry; onClose: () => void; onDone: (n: Notice) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await apiPost('/api/addresses/remove', { address: entry.address });
      onDone({ kind: 'success', title: `${entry.name} removed from the address book.` });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Remove ${entry.name}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="mono-wrap">{entry.address}</p>
        <FormError message={error || undefined} />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
            Remove address
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
