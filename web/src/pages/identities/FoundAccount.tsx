import { useState } from 'react';
import { ApiError, apiPost, type Derived, type Found } from '../../api';
import { DuplicateNotice, existingText, firstSentence } from '../../components/AddressPreview';
import { errorsFrom } from '../../errors';
import { useSubmit } from '../../hooks';
import { Busy, FormError, pathText, plural, TextField, type Notice } from '../../ui';

// Issue 12 item 7 in "Find my address": what was found, in the network the address was typed in,
// and "Add this account", which derives exactly that address (the PIN typed for the search is used
// again while the dialog still holds it; otherwise it is asked for here).

function networkLine(found: Found): string | null {
  if (found.network === null)
    return found.prefix === null
      ? null
      : `No known network uses this address format (prefix ${found.prefix}); the account will be shown in the generic Substrate format.`;
  if (found.networkReason === 'registry') {
    const others = found.sharedWith.join(', ');
    return `Network: ${found.network}, the usual one for this address format (${others} ${found.sharedWith.length === 1 ? 'uses' : 'use'} it too).`;
  }
  return `Network: ${found.network}, from the address format${found.networkReason === 'path' ? ' and the path' : ''}.`;
}

/** What was found, for the dialog's status line: the path and key type, and the network of the address typed. */
export function FoundSummary({ found }: { found: Found }) {
  const line = networkLine(found);
  return (
    <>
      <p className="success-text">
        Found: path <code className="mono">{pathText(found.path)}</code>, key type {found.type} (after trying {plural(found.tried, 'path')}).
      </p>
      {line ? <p className="hint">{line}</p> : null}
    </>
  );
}

/** Below it: "Add this account", or "Update the existing account" when the key is in the vault under another network. */
export function FoundAccount(p: { identity: string; address: string; found: Found; pin: string; onDone: (notice: Notice) => void }) {
  const { found } = p;
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const existing = found.existing;
  // The vault already shows the address typed, for the network it was typed for (an Ethereum address is the same on every network).
  const sameAddress =
    existing !== null && (p.address.startsWith('0x') ? existing.address.toLowerCase() === p.address.toLowerCase() : existing.address === p.address);
  const sameNetwork = sameAddress && (found.network === null || existing.network === found.network);
  const pinToUse = p.pin !== '' ? p.pin : pin;

  const {
    errors,
    busy,
    run: add,
  } = useSubmit<[onDuplicate?: 'update']>({
    validate: () => {
      if (pinToUse === '') return { pin: 'Enter the PIN of this identity.' };
      setDuplicate('');
      return {};
    },
    send: async (onDuplicate) => {
      const r = await apiPost<Derived>('/api/identities/derive', {
        identity: p.identity,
        pin: pinToUse,
        type: found.type,
        path: found.path,
        ...(found.network === null ? {} : { network: found.network }),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(onDuplicate ? { onDuplicate } : {}),
      });
      const title = r.status === 'added' ? `Account ${r.name} added from ${p.identity}.` : `Account ${r.name} updated: it now shows the address you typed.`;
      p.onDone({ kind: 'success', title, lines: [`Address: ${r.address}`, `Path: ${pathText(r.path)} · ${r.type}${r.network ? ` · ${r.network}` : ''}`] });
    },
    fields: (err) => {
      if (!(err instanceof ApiError && err.name === 'DuplicateAccountError')) return errorsFrom(err, { pin: 'pin', name: 'name' });
      setDuplicate(firstSentence(err.message));
      return {};
    },
  });

  return (
    <div className="field">
      {sameNetwork ? (
        <p>This account is already in the vault as “{existing!.name}”.</p>
      ) : (
        <>
          {existing ? (
            <DuplicateNotice text={`${existingText(existing)} Update it to show the address you typed.`} onUpdate={() => void add('update')} busy={busy} />
          ) : null}
          {!existing ? <TextField label="Account name (optional)" value={name} onChange={setName} error={errors['name']} /> : null}
          {p.pin === '' ? (
            <TextField label="PIN to add it" type="password" value={pin} onChange={setPin} error={errors['pin']} />
          ) : (
            <FormError message={errors['pin']} />
          )}
          {duplicate ? <DuplicateNotice text={duplicate} onUpdate={() => void add('update')} busy={busy} /> : null}
          {!existing ? (
            <div className="inline-actions">
              <button type="button" className="primary" onClick={() => void add()} disabled={busy}>
                Add this account
              </button>
            </div>
          ) : null}
          {busy ? <Busy text="Adding the account…" /> : null}
          <FormError message={errors['form']} />
        </>
      )}
    </div>
  );
}
