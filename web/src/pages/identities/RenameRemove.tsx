import { useState, type FormEvent } from 'react';
import { apiPost, type Identity } from '../../api';
import { RenameDialog } from '../../components/RenameDialog';
import type { Errors } from '../../errors';
import { Busy, Dialog, DialogActions, pathText, plural, TextField, type Notice } from '../../ui';

type Props = { identity: Identity; onClose: () => void; onDone: (notice: Notice) => void };

/** "Rename": a new name for the identity; its phrase, PIN and accounts stay as they are. */
export function RenameIdentityDialog({ identity, onClose, onDone }: Props) {
  const save = async (name: string): Promise<Notice> => {
    const r = await apiPost<Identity>('/api/identities/rename', { identity: identity.name, name });
    return { kind: 'success', title: `Identity ${identity.name} renamed to ${r.name}.` };
  };
  return <RenameDialog title={`Rename ${identity.name}`} current={identity.name} save={save} onClose={onClose} onDone={onDone} />;
}

/**
 * "Remove identity": says what goes (the sealed phrase and every account derived from it, listed),
 * that keepsake cannot know whether the phrase was kept elsewhere, and asks for the identity's name
 * typed out before it removes anything.
 */
export function RemoveIdentityDialog({ identity, onClose, onDone }: Props) {
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (typed !== identity.name) return setErrors({ confirm: `Type the name exactly as it is shown: ${identity.name}` });
    setErrors({});
    setBusy(true);
    try {
      const r = await apiPost<Identity>('/api/identities/remove', { identity: identity.name });
      onDone({
        kind: 'success',
        title: `Identity ${r.name} was removed${r.accounts.length ? `, with ${plural(r.accounts.length, 'account')} derived from it` : ''}.`,
        lines: r.accounts.map((a) => `Removed: ${a.name} (${a.address})`),
      });
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : String(err) });
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Remove ${identity.name}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="warning" role="note">
          <p>
            <strong>Without a written copy of its recovery phrase or a backup file holding it, this identity is lost.</strong>
          </p>
          <p>keepsake cannot tell whether you kept one: check before you remove it. The vault will no longer hold its phrase.</p>
        </div>
        {identity.accounts.length === 0 ? (
          <p>No account is derived from it.</p>
        ) : (
          <>
            <p>These accounts are derived from its phrase and are removed with it:</p>
            <ul className="remove-list" aria-label="Accounts removed with it">
              {identity.accounts.map((a) => (
                <li key={`${a.path}|${a.type}|${a.address}`}>
                  <strong>{a.name}</strong> <code className="mono">{a.address}</code> <span className="meta">path {pathText(a.path)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <TextField label={`Type ${identity.name} to confirm`} value={typed} onChange={setTyped} error={errors['confirm']} />
        {busy ? <Busy text="Removing…" /> : null}
        <DialogActions busy={busy} submit="Remove identity" danger onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
