import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { apiGet, apiPost, filesRead, KEY_TYPES, type Account, type Backup, type KeyType, type Network, type RestoreReport } from '../api';
import { errorsFrom, type Errors } from '../errors';
import { Identicon } from '../identicon';
import { errorText } from '../nextStep';
import { MIN_SECRET_LENGTH } from '../../../src/wallet/secrets.js';
import { useNetworks, networkOptions } from '../networks';
import { Busy, Checkbox, CopyButton, Dialog, DialogActions, downloadText, FilePicker, FormError, Menu, Notices, pathText, plural, RadioGroup, SelectField, TextField, type Notice } from '../ui';

type Open =
  | { kind: 'add' }
  | { kind: 'restore' }
  | { kind: 'export-all' }
  | { kind: 'backup'; account: Account }
  | { kind: 'rename'; account: Account }
  | { kind: 'forget'; account: Account }
  | null;

export function AccountsPage() {
  const networks = useNetworks();
  const [network, setNetwork] = useState('');
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<Open>(null);

  const load = useCallback(async () => {
    try {
      setAccounts(await apiGet<Account[]>(`/api/accounts${network ? `?network=${encodeURIComponent(network)}` : ''}`));
      setLoadError('');
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  }, [network]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (n: Notice) => {
    setOpen(null);
    setNotice(n);
    void load();
  };
  const close = () => setOpen(null);

  return (
    <>
      <h1 tabIndex={-1}>Accounts</h1>
      <div className="toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'add' })}>
          Add account
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'restore' })}>
          Restore JSON
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'export-all' })}>
          Export all
        </button>
      </div>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      <div className="filter">
        <SelectField
          label="Show addresses for network"
          value={network}
          onChange={setNetwork}
          options={networkOptions(networks, "Each account's own network")}
        />
      </div>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {accounts === null ? (
        loadError ? null : <p>Loading accounts…</p>
      ) : accounts.length === 0 ? (
        <p className="empty">No accounts yet. Add one, or restore a backup file with “Restore JSON”.</p>
      ) : (
        <ul className="cards" aria-label="Accounts">
          {accounts.map((a) => (
            <AccountCard key={a.publicKey + a.type} account={a} onOpen={setOpen} />
          ))}
        </ul>
      )}

      {open?.kind === 'add' ? <AddAccountDialog networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'restore' ? <RestoreDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'export-all' ? <ExportAllDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'backup' ? <BackupDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'rename' ? <RenameDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'forget' ? <ForgetDialog account={open.account} onClose={close} onDone={done} /> : null}
    </>
  );
}

function AccountCard({ account: a, onOpen }: { account: Account; onOpen: (open: Open) => void }) {
  const nameId = useId();
  const items = [
    ...(a.hasKey ? [{ label: 'Create a backup file for this account', onSelect: () => onOpen({ kind: 'backup', account: a }) }] : []),
    { label: 'Rename', onSelect: () => onOpen({ kind: 'rename', account: a }) },
    { label: 'Forget account', onSelect: () => onOpen({ kind: 'forget', account: a }) },
  ];
  return (
    <li className="card account" aria-labelledby={nameId}>
      <Identicon publicKey={a.publicKey} />
      <div className="account-main">
        <div className="name-line">
          <h2 className="account-name" id={nameId}>
            {a.name}
          </h2>
          {!a.hasKey ? (
            <span className="badge" title="keepsake holds only the address of this account, not its key">
              watch-only
            </span>
          ) : null}
          {a.hasKey && !a.verified ? (
            <span className="badge badge-warn" title="Its key could not be checked against its address when it was restored">
              unchecked
            </span>
          ) : null}
        </div>
        <p className="address">
          <code className="mono">{a.address}</code>
          <CopyButton text={a.address} what={`address of ${a.name}`} />
        </p>
        <p className="meta">
          <span>{a.type}</span>
          {a.network ? <span>{a.network}</span> : null}
          {a.identity !== null ? (
            <span>
              identity {a.identity}, path {pathText(a.path)}
            </span>
          ) : null}
        </p>
      </div>
      <Menu label="Actions" forName={a.name} items={items} />
    </li>
  );
}

type DialogProps = { onClose: () => void; onDone: (notice: Notice) => void };


/**
 * "Add account", as the Polkadot-JS Apps guide walks it: name, password, the generated phrase (or the
 * user's own) → "Save" → a confirmation → "Create and backup account" adds it and downloads its file.
 */
function AddAccountDialog({ networks, onClose, onDone }: DialogProps & { networks: Network[] }) {
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [phrase, setPhrase] = useState('');
  const [type, setType] = useState<KeyType>('sr25519');
  const [network, setNetwork] = useState('substrate');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const generate = useCallback(async () => {
    try {
      setPhrase((await apiPost<{ mnemonic: string }>('/api/identities/generate', { words: 12 })).mnemonic);
    } catch (err) {
      setErrors(errorsFrom(err, { phrase: 'phrase' }));
    }
  }, []);
  useEffect(() => {
    void generate();
  }, [generate]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (name.trim() === '') found['name'] = 'Give the account a name.';
    if (password === '') found['password'] = 'Choose a password for this account.';
    else if ([...password].length < MIN_SECRET_LENGTH) found['password'] = `An account password has at least ${MIN_SECRET_LENGTH} characters.`;
    else if (repeat !== password) found['repeat'] = 'The two passwords are not the same.';
    if (phrase.trim() === '') found['phrase'] = 'Enter the secret phrase of the account (or keep the generated one).';
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('confirm');
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await apiPost<{ account: Account; backup: Backup }>('/api/accounts/add', { name: name.trim(), suri: phrase.trim(), password, type, network });
      downloadText(r.backup.filename, r.backup.json);
      onDone({
        kind: 'success',
        title: `Account ${r.account.name} added.`,
        lines: [`Address: ${r.account.address}`, `Its backup file ${r.backup.filename} was downloaded: keep it, with its password, somewhere safe.`],
      });
    } catch (err) {
      // Back to the form, with the problem next to the field it concerns.
      setErrors(errorsFrom(err, { password: 'password', phrase: 'phrase', name: 'name' }));
      setStep('form');
      setBusy(false);
    }
  };

  if (step === 'confirm') {
    return (
      <Dialog title="Add account" onClose={onClose} step={step}>
        <form onSubmit={create} noValidate>
          <h3>Important</h3>
          <div className="warning" role="note">
            <p>
              Keep the secret phrase written down, and keep the backup file this creates together with its password. Without them the account cannot be
              restored if this vault is lost.
            </p>
          </div>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{name.trim()}</dd>
            <dt>Key type</dt>
            <dd>{type}</dd>
            <dt>Network</dt>
            <dd>{network}</dd>
          </dl>
          {busy ? <Busy text="Adding the account…" /> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Create and backup account
            </button>
            <button type="button" onClick={() => setStep('form')} disabled={busy}>
              Back
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title="Add account" onClose={onClose} step={step}>
      <form onSubmit={save} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <TextField
          label="Secret phrase"
          value={phrase}
          onChange={setPhrase}
          error={errors['phrase']}
          multiline
          rows={3}
          mono
          hint="A new 12-word phrase was made for you: write it down, in order, on paper. To add an account you already have, replace it with your own phrase (or seed, with a derivation path if it had one)."
        />
        <div className="inline-actions">
          <button type="button" className="small" onClick={() => void generate()}>
            Generate a new phrase
          </button>
        </div>
        <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors['password']} hint={`It locks this account in the vault and in its backup file. At least ${MIN_SECRET_LENGTH} characters.`} />
        <TextField label="Repeat password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors['repeat']} />
        <div className="two">
          <SelectField label="Key type" value={type} onChange={(v) => setType(v as KeyType)} options={KEY_TYPES.map((t) => ({ value: t, label: t }))} hint="It must match the wallet the phrase comes from (Polkadot{.js}: sr25519)." />
          <SelectField label="Network" value={network} onChange={setNetwork} options={networkOptions(networks)} hint="The format its address is shown in." />
        </div>
        <DialogActions busy={busy} submit="Save" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function RestoreDialog({ onClose, onDone }: DialogProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [password, setPassword] = useState('');
  const [onDuplicate, setOnDuplicate] = useState('skip');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (files.length === 0) found['file'] = 'Pick or drop at least one backup file.';
    if (password === '') found['password'] = 'Enter the password of the backup file.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const uploads = await filesRead(files);
      const r = await apiPost<RestoreReport>('/api/restore', { files: uploads, password, onDuplicate });
      if (r.restored.length === 0 && r.skipped.length === 0 && r.failed.length > 0) {
        setErrors({ file: r.failed.map((f) => (r.failed.length > 1 ? `${f.file}: ${errorText(f.error)}` : errorText(f.error))).join('\n') });
        setBusy(false);
        return;
      }
      onDone({
        kind: 'success',
        title: `Restored ${plural(r.restored.length, 'account')}${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}${r.failed.length ? `, ${r.failed.length} failed` : ''}.`,
        lines: [
          ...r.restored.map((x) => `Restored: ${x.name} (${x.address})${x.replaced ? ', replacing the one in the vault' : ''}${x.verified ? '' : ' — unchecked: its key could not be checked'}${relockedNote(x.relocked)}`),
          ...r.skipped.map((x) => `Skipped: ${x.address} — ${x.reason}`),
          ...r.failed.map((x) => `Failed: ${x.file} — ${errorText(x.error)}`),
        ],
      });
    } catch (err) {
      setErrors(errorsFrom(err, { password: 'password', file: 'file' }));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Restore JSON" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="hint">Polkadot{'{.js}'} account files and “Export all” files, Polkadot-JS Apps lists and Ethereum keystores.</p>
        <FilePicker label="Backup files" multiple files={files} onFiles={setFiles} error={errors['file']} />
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors['password']} hint="The password the files were saved with." />
        <RadioGroup
          legend="If an account is already in the vault"
          name="on-duplicate"
          value={onDuplicate}
          onChange={setOnDuplicate}
          options={[
            { value: 'skip', label: 'Keep the one in the vault' },
            { value: 'replace', label: 'Replace it with the one from the file' },
          ]}
        />
        {busy ? <Busy text={`Restoring ${plural(files.length, 'file')}…`} /> : null}
        <DialogActions busy={busy} submit="Restore" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function ExportAllDialog({ onClose, onDone }: DialogProps) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (password === '') found['password'] = 'Choose a password for the file.';
    else if ([...password].length < MIN_SECRET_LENGTH) found['password'] = `A batch password has at least ${MIN_SECRET_LENGTH} characters.`;
    else if (repeat !== password) found['repeat'] = 'The two passwords are not the same.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const r = await apiPost<Backup & { count: number }>('/api/accounts/export-all', { password });
      downloadText(r.filename, r.json);
      onDone({ kind: 'success', title: `${plural(r.count, 'account')} exported to ${r.filename}.`, lines: ['Each account inside keeps its own password.'] });
    } catch (err) {
      setErrors(errorsFrom(err, { password: 'password' }));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export all accounts" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="note">This password only locks the file as a whole; each account inside keeps its own password.</p>
        <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors['password']} hint={`At least ${MIN_SECRET_LENGTH} characters.`} />
        <TextField label="Repeat password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors['repeat']} />
        {busy ? <Busy text="Exporting…" /> : null}
        <DialogActions busy={busy} submit="Download file" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function BackupDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const identity = account.identity !== null;
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [compat, setCompat] = useState(false);
  const [format, setFormat] = useState('polkadot-js');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (identity) {
      if (pin === '') found['pin'] = `Enter the PIN of identity ${account.identity}.`;
      if (password === '') found['password'] = 'Choose a password for the file.';
      else if ([...password].length < MIN_SECRET_LENGTH) found['password'] = `A file password has at least ${MIN_SECRET_LENGTH} characters.`;
      else if (repeat !== password) found['repeat'] = 'The two passwords are not the same.';
    } else if (password === '') found['password'] = `Enter the password of ${account.name}.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const unlock = identity ? { pin, newPassword: password } : { password };
      const r = await apiPost<Backup>('/api/accounts/export', { address: account.address, ...unlock, kdf: compat ? 'compat' : 'default', format });
      downloadText(r.filename, r.json);
      onDone({ kind: 'success', title: `Backup file ${r.filename} downloaded.`, lines: [identity ? 'It opens with the new password you chose.' : `It opens with the password of ${account.name}.`] });
    } catch (err) {
      setErrors(errorsFrom(err, identity ? { pin: 'pin', newPassword: 'password' } : { password: 'password' }));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Create a backup file for ${account.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="hint mono-wrap">{account.address}</p>
        {identity ? (
          <>
            <TextField label="PIN" type="password" autoComplete="off" value={pin} onChange={setPin} error={errors['pin']} hint={`The PIN of identity ${account.identity}.`} />
            <TextField label="New file password" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors['password']} hint={`The file will open with this password. At least ${MIN_SECRET_LENGTH} characters.`} />
            <TextField label="Repeat new file password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors['repeat']} />
          </>
        ) : (
          <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors['password']} hint="The password of this account; the file opens with it." />
        )}
        {account.type === 'ethereum' ? (
          <SelectField
            label="File format"
            value={format}
            onChange={setFormat}
            options={[
              { value: 'polkadot-js', label: 'Polkadot{.js} account file' },
              { value: 'ethereum-keystore', label: 'Ethereum keystore (MetaMask, geth)' },
            ]}
          />
        ) : null}
        <Checkbox label="Readable by wallets from before mid-2025" checked={compat} onChange={setCompat} hint="Uses the older, lighter key-derivation settings (scrypt N=2^15) that older Polkadot{.js} versions require." />
        {busy ? <Busy text="Creating the backup file…" /> : null}
        <DialogActions busy={busy} submit="Download backup file" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function RenameDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const [name, setName] = useState(account.name);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setErrors({ name: 'A name cannot be empty.' });
    setBusy(true);
    try {
      const r = await apiPost<Account>('/api/accounts/rename', { address: account.address, name: name.trim() });
      onDone({ kind: 'success', title: `Renamed ${account.name} to ${r.name}.` });
    } catch (err) {
      setErrors(errorsFrom(err, { name: 'name' }));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Rename ${account.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="New name" value={name} onChange={setName} error={errors['name']} />
        <DialogActions busy={busy} submit="Save name" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function ForgetDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await apiPost('/api/accounts/remove', { address: account.address });
      onDone({ kind: 'success', title: `${account.name} was removed from the vault.` });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Forget ${account.name}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          The vault will no longer hold this account or its key. Only a backup file (or its secret phrase) can bring it back.
        </p>
        <p className="mono-wrap">{account.address}</p>
        <FormError message={error || undefined} />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
            Forget account
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** What the vault did with a backup file that had no real lock of its own. */
function relockedNote(relocked: 'unencrypted' | 'legacy' | undefined): string {
  if (relocked === undefined) return '';
  const was = relocked === 'unencrypted' ? 'the file was not encrypted' : 'the file used an old lock without key derivation';
  return ` — ${was}, so keepsake locked the key with the password you entered`;
}
