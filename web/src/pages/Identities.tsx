import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { toDataURL } from 'qrcode';
import { ApiError, apiGet, apiPost, KEY_TYPES, type Identity, type IdentityAccount, type KeyType, type Network } from '../api';
import { DuplicateNotice, firstSentence, type AccountPreview } from '../components/AddressPreview';
import { DerivePreview, type DeriveRequest } from './identities/DerivePreview';
import { FoundAccount, FoundSummary, type Found } from './identities/FoundAccount';
import { errorsFrom, type Errors } from '../errors';
import { Busy, CopyButton, Dialog, DialogActions, Notices, pathText, Phrase, RadioGroup, SelectField, TextField, type Notice } from '../ui';
import { networkChoices, useNetworks } from '../networks';
import { RemoveIdentityDialog, RenameIdentityDialog } from './identities/RenameRemove';
import { ConcordiumIdentitiesSection } from './concordium/Concordium';
import { MIN_SECRET_LENGTH as MIN_PIN } from '../../../src/wallet/secrets.js';

type Open =
  | { kind: 'create' }
  | { kind: 'recover' }
  | { kind: 'phrase'; identity: Identity }
  | { kind: 'derive'; identity: Identity }
  | { kind: 'find'; identity: Identity }
  | { kind: 'rename'; identity: Identity }
  | { kind: 'remove'; identity: Identity }
  | null;

/** The words asked back after a new phrase is shown (1-based positions). */
const CHECK_POSITIONS = [3, 7, 11] as const;

export function IdentitiesPage() {
  const networks = useNetworks();
  const [identities, setIdentities] = useState<Identity[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<Open>(null);

  const load = useCallback(async () => {
    try {
      setIdentities(await apiGet<Identity[]>('/api/identities'));
      setLoadError('');
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const close = () => setOpen(null);
  const done = (n: Notice) => {
    setOpen(null);
    setNotice(n);
    void load();
  };

  return (
    <>
      <h1 tabIndex={-1}>Identities</h1>
      <p className="intro">
        An identity is a secret phrase kept under a PIN, as in Parity Signer (Polkadot Vault). Its accounts are derivation paths on that phrase:
        picking a network derives <code>//network</code>; the root key (no path) is what Polkadot{'{.js}'} uses.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          Create identity
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'recover' })}>
          Recover identity
        </button>
      </div>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {identities === null ? (
        loadError ? null : <p>Loading identities…</p>
      ) : identities.length === 0 ? (
        <p className="empty">No identities yet. Create one, or recover one from a phrase you kept.</p>
      ) : (
        identities.map((identity) => <IdentityCard key={identity.id} identity={identity} onOpen={setOpen} />)
      )}

      <ConcordiumIdentitiesSection onNotice={setNotice} />

      {open?.kind === 'create' ? <CreateDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'recover' ? <RecoverDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'phrase' ? <ShowPhraseDialog identity={open.identity} onClose={close} /> : null}
      {open?.kind === 'derive' ? <DeriveDialog identity={open.identity} networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'find' ? <FindDialog identity={open.identity} onClose={close} onDone={done} /> : null}
      {open?.kind === 'rename' ? <RenameIdentityDialog identity={open.identity} onClose={close} onDone={done} /> : null}
      {open?.kind === 'remove' ? <RemoveIdentityDialog identity={open.identity} onClose={close} onDone={done} /> : null}
    </>
  );
}

function IdentityCard({ identity, onOpen }: { identity: Identity; onOpen: (open: Open) => void }) {
  const headingId = `identity-${identity.id}`;
  return (
    <section className="card identity" aria-labelledby={headingId}>
      <div className="identity-head">
        <h2 id={headingId}>{identity.name}</h2>
        <p className="meta">created {new Date(identity.createdAt).toLocaleDateString()}</p>
      </div>
      <div className="toolbar">
        <button type="button" className="small" onClick={() => onOpen({ kind: 'phrase', identity })}>
          Show Recovery Phrase<span className="sr-only"> of {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onOpen({ kind: 'derive', identity })}>
          Derive account<span className="sr-only"> for {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onOpen({ kind: 'find', identity })}>
          Find my address<span className="sr-only"> in {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onOpen({ kind: 'rename', identity })}>
          Rename<span className="sr-only"> {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onOpen({ kind: 'remove', identity })}>
          Remove<span className="sr-only"> {identity.name}</span>
        </button>
      </div>
      {identity.accounts.length === 0 ? (
        <p className="empty">No accounts yet: use “Derive account” to add one for a network.</p>
      ) : (
        <ul className="sub-list" aria-label={`Accounts of ${identity.name}`}>
          {identity.accounts.map((a) => (
            <IdentityAccountItem key={`${a.path}|${a.type}|${a.address}`} account={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IdentityAccountItem({ account: a }: { account: IdentityAccount }) {
  const nameId = useId();
  return (
    <li className="sub-item" aria-labelledby={nameId}>
      <div className="sub-main">
        <h3 id={nameId}>{a.name}</h3>
        <p className="address">
          <code className="mono">{a.address}</code>
          <CopyButton text={a.address} what={`address of ${a.name}`} />
        </p>
        <dl className="facts">
          <dt>Path</dt>
          <dd className="mono">{pathText(a.path)}</dd>
          <dt>Network</dt>
          <dd>{a.network ?? 'none (generic Substrate)'}</dd>
          <dt>Key type</dt>
          <dd>{a.type}</dd>
        </dl>
      </div>
      <SignerQr text={a.signerQr} name={a.name} />
    </li>
  );
}

/** Signer's address QR code (a data: URL image, allowed by the CSP) with its text. */
function SignerQr({ text, name }: { text: string | null; name: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let live = true;
    if (text !== null) {
      toDataURL(text, { margin: 1, width: 176, errorCorrectionLevel: 'M' }).then(
        (url) => live && setSrc(url),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [text]);
  if (text === null) return <p className="hint qr-none">No Signer QR code: keepsake does not know this network’s genesis hash.</p>;
  return (
    <figure className="qr">
      {src ? <img src={src} width={176} height={176} alt={`Signer QR code for ${name}`} /> : null}
      <figcaption>
        <span className="sr-only">Signer text: </span>
        <code className="mono" data-testid="signer-qr-text">
          {text}
        </code>
      </figcaption>
    </figure>
  );
}

type DoneProps = { onClose: () => void; onDone: (n: Notice) => void };

function pinErrors(pin: string, repeat: string): Errors {
  if ([...pin].length < MIN_PIN) return { pin: `A PIN has at least ${MIN_PIN} characters (digits or a passphrase).` };
  if (repeat !== pin) return { repeat: 'The two PINs are not the same.' };
  return {};
}

/** Name + PIN twice, then POST /api/identities/recover (used by both create and recover). */
function NameAndPin(p: {
  name: string;
  setName: (v: string) => void;
  pin: string;
  setPin: (v: string) => void;
  repeat: string;
  setRepeat: (v: string) => void;
  errors: Errors;
}) {
  return (
    <>
      <TextField label="Name" value={p.name} onChange={p.setName} error={p.errors['name']} />
      <TextField label="PIN" type="password" autoComplete="new-password" value={p.pin} onChange={p.setPin} error={p.errors['pin']} hint={`At least ${MIN_PIN} characters (digits or a passphrase). It unlocks the phrase.`} />
      <TextField label="Repeat PIN" type="password" autoComplete="new-password" value={p.repeat} onChange={p.setRepeat} error={p.errors['repeat']} />
    </>
  );
}

async function saveIdentity(name: string, mnemonic: string, pin: string): Promise<Identity> {
  return apiPost<Identity>('/api/identities/recover', { name: name.trim(), mnemonic, pin });
}

function CreateDialog({ onClose, onDone }: DoneProps) {
  const [step, setStep] = useState<'show' | 'check' | 'save'>('show');
  const [phrase, setPhrase] = useState('');
  const [answers, setAnswers] = useState<string[]>(CHECK_POSITIONS.map(() => ''));
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiPost<{ mnemonic: string }>('/api/identities/generate', { words: 24 }).then(
      (r) => setPhrase(r.mnemonic),
      (err: unknown) => setErrors({ form: err instanceof Error ? err.message : String(err) }),
    );
  }, []);

  const words = phrase.split(/\s+/);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    CHECK_POSITIONS.forEach((pos, i) => {
      if ((answers[i] ?? '').trim().toLowerCase() !== words[pos - 1]) {
        found[`word${pos}`] = `This is not word #${pos}. Look at what you wrote down; if it is wrong there, cancel and start again with a new phrase.`;
      }
    });
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('save');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = { ...(name.trim() === '' ? { name: 'Give the identity a name.' } : {}), ...pinErrors(pin, repeat) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const r = await saveIdentity(name, phrase, pin);
      setPhrase('');
      onDone({ kind: 'success', title: `Identity ${r.name} saved.`, lines: ['Use “Derive account” to add an account for a network.'] });
    } catch (err) {
      setErrors(errorsFrom(err, { pin: 'pin', name: 'name', phrase: 'form' }));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Create identity" onClose={onClose} step={step}>
      {step === 'show' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setStep('check');
          }}
        >
          <div className="warning" role="note">
            <p>
              <strong>Write these 24 words down on paper, in order, and keep them safe.</strong>
            </p>
            <p>
              Anyone who has them controls every account of this identity. keepsake shows them again only after the PIN (“Show Recovery Phrase”); if this
              vault is lost or the PIN forgotten, your written copy is the only way to recover the identity.
            </p>
          </div>
          {phrase ? <Phrase phrase={phrase} /> : errors['form'] ? null : <Busy text="Making a new phrase…" />}
          {errors['form'] ? (
            <p className="field-error" role="alert">
              {errors['form']}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={!phrase}>
              I have written it down
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : step === 'check' ? (
        <form onSubmit={check} noValidate>
          <h3>Re-enter words</h3>
          <p className="hint">To be sure the phrase was written down correctly, type these words from it.</p>
          <div className="three">
            {CHECK_POSITIONS.map((pos, i) => (
              <TextField
                key={pos}
                label={`Word #${pos}`}
                value={answers[i] ?? ''}
                onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
                error={errors[`word${pos}`]}
              />
            ))}
          </div>
          <DialogActions busy={false} submit="Check words" onClose={onClose} />
        </form>
      ) : (
        <form onSubmit={save} noValidate>
          <p className="success-text">The words match.</p>
          <NameAndPin name={name} setName={setName} pin={pin} setPin={setPin} repeat={repeat} setRepeat={setRepeat} errors={errors} />
          {busy ? <Busy text="Saving the identity…" /> : null}
          <DialogActions busy={busy} submit="Save identity" onClose={onClose} error={errors['form']} />
        </form>
      )}
    </Dialog>
  );
}

function RecoverDialog({ onClose, onDone }: DoneProps) {
  const [name, setName] = useState('');
  const [phrase, setPhrase] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {
      ...(name.trim() === '' ? { name: 'Give the identity a name.' } : {}),
      ...(phrase.trim() === '' ? { phrase: 'Enter the recovery phrase you kept.' } : {}),
      ...pinErrors(pin, repeat),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const r = await saveIdentity(name, phrase.trim(), pin);
      onDone({ kind: 'success', title: `Identity ${r.name} recovered.`, lines: ['Use “Derive account” to add its accounts again, or “Find my address” to learn an address’s path.'] });
    } catch (err) {
      setErrors(errorsFrom(err, { pin: 'pin', name: 'name', phrase: 'phrase' }));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Recover identity" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="Recovery phrase" value={phrase} onChange={setPhrase} error={errors['phrase']} multiline rows={3} mono hint="The 12 or 24 words, in order, separated by spaces." />
        <NameAndPin name={name} setName={setName} pin={pin} setPin={setPin} repeat={repeat} setRepeat={setRepeat} errors={errors} />
        {busy ? <Busy text="Saving the identity…" /> : null}
        <DialogActions busy={busy} submit="Save identity" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function ShowPhraseDialog({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [phrase, setPhrase] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pin === '') return setErrors({ pin: 'Enter the PIN of this identity.' });
    setErrors({});
    setBusy(true);
    try {
      setPhrase((await apiPost<{ mnemonic: string }>('/api/identities/show-phrase', { identity: identity.name, pin })).mnemonic);
      setPin('');
    } catch (err) {
      setErrors(errorsFrom(err, { pin: 'pin' }));
    }
    setBusy(false);
  };

  return (
    <Dialog title={`Recovery phrase of ${identity.name}`} onClose={onClose} step={phrase ? 'shown' : 'pin'}>
      {phrase ? (
        <>
          <div className="warning" role="note">
            <p>Anyone who sees these words controls every account of this identity. Close this window when you are done.</p>
          </div>
          <Phrase phrase={phrase} />
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField label="PIN" type="password" value={pin} onChange={setPin} error={errors['pin']} />
          {busy ? <Busy text="Checking the PIN…" /> : null}
          <DialogActions busy={busy} submit="Show phrase" onClose={onClose} error={errors['form']} />
        </form>
      )}
    </Dialog>
  );
}

function DeriveDialog({ identity, networks, onClose, onDone }: DoneProps & { identity: Identity; networks: Network[] }) {
  const [network, setNetwork] = useState('polkadot');
  const [pathMode, setPathMode] = useState('default');
  const [path, setPath] = useState('');
  const [type, setType] = useState<KeyType>('sr25519');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const defaultPath = type === 'ethereum' ? "m/44'/60'/0'/0/0 (the Ethereum default)" : network ? `//${network}, as Parity Signer does` : 'the root key, as no network is chosen';

  const request: DeriveRequest = {
    identity: identity.name,
    type,
    ...(network ? { network } : {}),
    ...(pathMode === 'root' ? { path: '' } : pathMode === 'custom' ? { path: path.trim() } : {}),
    ...(name.trim() ? { name: name.trim() } : {}),
  };
  const [duplicate, setDuplicate] = useState('');
  const [previewed, setPreviewed] = useState<AccountPreview | null>(null);

  const derive = async (onDuplicate?: 'update') => {
    const found: Errors = {};
    if (pathMode === 'custom' && path.trim() === '') found['path'] = 'Type a path, e.g. //polkadot//0, or pick another option.';
    if (pin === '') found['pin'] = 'Enter the PIN of this identity.';
    setErrors(found);
    setDuplicate('');
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const r = await apiPost<{ address: string; path: string; network: string | null; type: KeyType; name: string; status: string }>('/api/identities/derive', { ...request, pin, ...(onDuplicate ? { onDuplicate } : {}) });
      const title = r.status === 'added' ? `Account ${r.name} derived from ${identity.name}.` : `Account ${r.name} updated: it was already in the vault, its key stays the same.`;
      onDone({ kind: 'success', title, lines: [`Address: ${r.address}`, `Path: ${pathText(r.path)} · ${r.type}${r.network ? ` · ${r.network}` : ''}`] });
    } catch (err) {
      if (err instanceof ApiError && err.name === 'DuplicateAccountError') setDuplicate(firstSentence(err.message));
      else setErrors(errorsFrom(err, { pin: 'pin', path: 'path', name: 'name', phrase: 'path' }));
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void derive();
  };

  return (
    <Dialog title={`Derive an account from ${identity.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <SelectField label="Network" value={network} onChange={setNetwork} {...networkChoices(networks, { none: 'No network (generic Substrate address)' })} />
        <RadioGroup
          legend="Derivation path"
          name="path-mode"
          value={pathMode}
          onChange={setPathMode}
          options={[
            { value: 'default', label: 'Default path', hint: `— ${defaultPath}` },
            { value: 'root', label: 'Root key, no path', hint: '— what Polkadot{.js} uses by default' },
            { value: 'custom', label: 'Custom path' },
          ]}
        />
        {pathMode === 'custom' ? (
          <TextField label="Path" value={path} onChange={setPath} error={errors['path']} mono hint="For example //polkadot//0 or //hard/soft; it must be the path the other wallet used." />
        ) : errors['path'] ? (
          <p className="field-error" role="alert">
            {errors['path']}
          </p>
        ) : null}
        <SelectField label="Key type" value={type} onChange={(v) => setType(v as KeyType)} options={KEY_TYPES.map((t) => ({ value: t, label: t }))} hint="Signer and Polkadot{.js} use sr25519 unless told otherwise." />
        <TextField label="Account name (optional)" value={name} onChange={setName} error={errors['name']} />
        <TextField label="PIN" type="password" value={pin} onChange={setPin} error={errors['pin']} />
        <DerivePreview request={request} pin={pin} busy={busy} onError={(err) => setErrors(errorsFrom(err, { pin: 'pin', path: 'path', name: 'name', phrase: 'path' }))} onUpdate={() => void derive('update')} onPreview={setPreviewed} />
        {duplicate && !previewed?.existing ? <DuplicateNotice text={duplicate} onUpdate={() => void derive('update')} busy={busy} /> : null}
        {busy ? <Busy text="Deriving…" /> : null}
        <DialogActions busy={busy} submit="Derive" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

function FindDialog({ identity, onClose, onDone }: DoneProps & { identity: Identity }) {
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState('');
  const [found, setFound] = useState<(Found & { address: string }) | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Errors = {};
    if (address.trim() === '') problems['address'] = 'Paste the address you are looking for.';
    if (pin === '') problems['pin'] = 'Enter the PIN of this identity.';
    setErrors(problems);
    setFound(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      setFound({ ...(await apiPost<Found>('/api/identities/find', { identity: identity.name, address: address.trim(), pin })), address: address.trim() });
    } catch (err) {
      setErrors(errorsFrom(err, { pin: 'pin', address: 'address' }));
    }
    setBusy(false);
  };

  return (
    <Dialog title={`Find my address in ${identity.name}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="hint">keepsake tries the paths wallets commonly use (root key, //network, numbered accounts) with each key type.</p>
        <TextField label="Address" value={address} onChange={setAddress} error={errors['address']} mono />
        <TextField label="PIN" type="password" value={pin} onChange={setPin} error={errors['pin']} />
        {busy ? <Busy text="Searching the common paths…" /> : null}
        <div role="status" className="result">
          {found ? <FoundSummary found={found} /> : null}
        </div>
        {found ? <FoundAccount identity={identity.name} address={found.address} found={found} pin={pin} onDone={onDone} /> : null}
        <DialogActions busy={busy} submit="Find path" onClose={onClose} error={errors['form']} cancel="Close" />
      </form>
    </Dialog>
  );
}
