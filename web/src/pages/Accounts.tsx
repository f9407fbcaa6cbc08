import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, apiGet, apiPost, KEY_TYPES, type Account, type Backup, type KeyType, type Network } from '../api';
import { AddressPreview, firstSentence } from '../components/AddressPreview';
import { AddPreview, addDuplicateProblem, addedNotice, addNeedsPassword, useAddChoice, useAddPreview } from './accounts/AddPreview';
import { errorsFrom, type Errors } from '../errors';
import { Identicon } from '../identicon';
import { useNetworks, networkChoices } from '../networks';
import { Busy, Checkbox, CopyButton, Dialog, DialogActions, downloadText, FormError, Menu, Notices, outcomeKind, pathText, plural, SelectField, TextField, type Notice } from '../ui';
import { RestoreDialog } from './accounts/RestoreDialog';
import { ExportAllDialog } from './accounts/ExportAllDialog';
import { VerifyAccountDialog } from './accounts/VerifyAccountDialog';
import { ConcordiumAccountsSection } from './concordium/Concordium';
import { RenameDialog } from '../components/RenameDialog';
import { errorText } from '../nextStep';
import { MIN_SECRET_LENGTH } from '../../../src/wallet/secrets.js';

type Open =
  | { kind: 'add' }
  | { kind: 'restore' }
  | { kind: 'export-all' }
  | { kind: 'backup'; account: Account }
  | { kind: 'rename'; account: Account }
  | { kind: 'forget'; account: Account }
  | { kind: 'verify'; account: Account }
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
        <button type="button" onClick={() => setOpen({ kind: 'export-all' })} disabled={accounts?.length === 0} title={accounts?.length === 0 ? 'There are no accounts to export yet.' : undefined}>
          Export all
        </button>
      </div>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      <div className="filter">
        <SelectField
          label="Show addresses for network"
          value={network}
          onChange={setNetwork}
          {...networkChoices(networks, { none: "Each account's own network" })}
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

      <ConcordiumAccountsSection onNotice={setNotice} />

      {open?.kind === 'add' ? <AddAccountDialog networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'restore' ? <RestoreDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'export-all' ? <ExportAllDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'backup' ? <BackupDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'rename' ? <AccountRenameDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'forget' ? <ForgetDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'verify' ? <VerifyAccountDialog account={open.account} onClose={close} onDone={done} /> : null}
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
      <Identicon publicKey={a.publicKey} address={a.address} />
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
          {a.hasKey && !a.verified ? (
            <button type="button" className="small" aria-label={`Verify ${a.name}`} onClick={() => onOpen({ kind: 'verify', account: a })}>
              Verify
            </button>
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
  const preview = useAddPreview({ suri: phrase, type, network });
  const [choice, setChoice] = useAddChoice(preview);
  const needsPassword = addNeedsPassword(preview.preview, choice);

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
    if (!needsPassword) {
      // Only the name and network of the account already in the vault change: no password.
    } else if (password === '') found['password'] = 'Choose a password for this account.';
    else if ([...password].length < MIN_SECRET_LENGTH) found['password'] = `An account password has at least ${MIN_SECRET_LENGTH} characters.`;
    else if (repeat !== password) found['repeat'] = 'The two passwords are not the same.';
    if (phrase.trim() === '') found['phrase'] = 'Enter the secret phrase of the account (or keep the generated one).';
    const duplicate = addDuplicateProblem(preview.preview, choice);
    if (duplicate) found['phrase'] = duplicate;
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('confirm');
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: name.trim(), suri: phrase.trim(), type, network, ...(needsPassword ? { password } : {}), ...(choice === 'refuse' ? {} : { onDuplicate: choice }) };
      const r = await apiPost<{ account: Account; backup: Backup | null; status: string }>('/api/accounts/add', body);
      if (r.backup) downloadText(r.backup.filename, r.backup.json);
      onDone(addedNotice(r));
    } catch (err) {
      // Back to the form, with the problem next to the field it concerns. Added meanwhile (another
      // tab): the preview says so again, with the way to update it.
      const duplicate = err instanceof ApiError && err.name === 'DuplicateAccountError';
      if (duplicate) preview.refresh();
      setErrors(duplicate ? { phrase: firstSentence(err.message) } : errorsFrom(err, { password: 'password', phrase: 'phrase', name: 'name' }));
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
          {preview.preview ? <AddressPreview preview={preview.preview} /> : null}
          {busy ? <Busy text="Adding the account…" /> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {choice === 'refuse' ? 'Create and backup account' : 'Update the existing account'}
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
        <AddPreview state={preview} choice={choice} onChoice={setChoice} />
        {needsPassword ? (
          <>
            <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors['password']} hint={`It locks this account in the vault and in its backup file. At least ${MIN_SECRET_LENGTH} characters.`} />
            <TextField label="Repeat password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors['repeat']} />
          </>
        ) : null}
        <div className="two">
          <SelectField label="Key type" value={type} onChange={(v) => setType(v as KeyType)} options={KEY_TYPES.map((t) => ({ value: t, label: t }))} hint="It must match the wallet the phrase comes from (Polkadot{.js}: sr25519)." />
          <SelectField label="Network" value={network} onChange={setNetwork} {...networkChoices(networks)} hint="The format its address is shown in." />
        </div>
        <DialogActions busy={busy} submit="Save" onClose={onClose} error={errors['form']} />
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

function AccountRenameDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const save = async (name: string): Promise<Notice> => {
    const r = await apiPost<Account>('/api/accounts/rename', { address: account.address, name });
    return { kind: 'success', title: `Renamed ${account.name} to ${r.name}.` };
  };
  return <RenameDialog title={`Rename ${account.name}`} current={account.name} save={save} onClose={onClose} onDone={onDone} />;
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
