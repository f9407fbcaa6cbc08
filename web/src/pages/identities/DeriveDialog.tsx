import { useState } from 'react';
import { ApiError, apiPost, type Derived, type Identity, type KeyType, type Network, type AccountPreview } from '../../api';
import { DuplicateNotice, firstSentence } from '../../components/AddressPreview';
import { errorsFrom, type Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { networkChoices } from '../../networks';
import { Dialog, FormActions, KeyTypeField, pathText, RadioGroup, SelectField, TextField, type DialogProps } from '../../ui';
import { PinField } from '../../components/SecretFields';
import { DerivePreview, type DeriveRequest } from './DerivePreview';

/** Where a derive's (or its preview's) error goes: a phrase problem is the path's (the phrase itself is sealed). */
const FIELDS = { pin: 'pin', path: 'path', name: 'name', phrase: 'path' } as const;

/** "Derive account": a network, a path (Signer's default, the root key, or one typed), a key type, an optional name, and the PIN. */
export function DeriveDialog({ identity, networks, onClose, onDone }: DialogProps & { identity: Identity; networks: Network[] }) {
  const [network, setNetwork] = useState('polkadot');
  const [pathMode, setPathMode] = useState('default');
  const [path, setPath] = useState('');
  const [type, setType] = useState<KeyType>('sr25519');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');

  const defaultPath =
    type === 'ethereum' ? "m/44'/60'/0'/0/0 (the Ethereum default)" : network ? `//${network}, as Parity Signer does` : 'the root key, as no network is chosen';

  const request: DeriveRequest = {
    identity: identity.name,
    type,
    ...(network ? { network } : {}),
    ...(pathMode === 'root' ? { path: '' } : pathMode === 'custom' ? { path: path.trim() } : {}),
    ...(name.trim() ? { name: name.trim() } : {}),
  };
  const [duplicate, setDuplicate] = useState('');
  const [previewed, setPreviewed] = useState<AccountPreview | null>(null);

  const derive = useSubmit<[onDuplicate?: 'update']>({
    validate: () => {
      const found: Errors = {};
      if (pathMode === 'custom' && path.trim() === '') found['path'] = 'Type a path, e.g. //polkadot//0, or pick another option.';
      if (pin === '') found['pin'] = 'Enter the PIN of this identity.';
      setDuplicate('');
      return found;
    },
    send: async (onDuplicate) => {
      const r = await apiPost<Derived>('/api/identities/derive', { ...request, pin, ...(onDuplicate ? { onDuplicate } : {}) });
      const title =
        r.status === 'added'
          ? `Account ${r.name} derived from ${identity.name}.`
          : `Account ${r.name} updated: it was already in the vault, its key stays the same.`;
      onDone({ kind: 'success', title, lines: [`Address: ${r.address}`, `Path: ${pathText(r.path)} · ${r.type}${r.network ? ` · ${r.network}` : ''}`] });
    },
    // Already in the vault: said once, with the way to update it (the errors stay as they were).
    fields: (err) => {
      if (!(err instanceof ApiError && err.name === 'DuplicateAccountError')) return errorsFrom(err, FIELDS);
      setDuplicate(firstSentence(err.message));
      return {};
    },
  });
  const { errors, setErrors, busy } = derive;

  return (
    <Dialog title={`Derive an account from ${identity.name}`} onClose={onClose}>
      <form onSubmit={derive.onSubmit} noValidate>
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
          <TextField
            label="Path"
            value={path}
            onChange={setPath}
            error={errors['path']}
            mono
            hint="For example //polkadot//0 or //hard/soft; it must be the path the other wallet used."
          />
        ) : errors['path'] ? (
          <p className="field-error" role="alert">
            {errors['path']}
          </p>
        ) : null}
        <KeyTypeField value={type} onChange={setType} hint="Signer and Polkadot{.js} use sr25519 unless told otherwise." />
        <TextField label="Account name (optional)" value={name} onChange={setName} error={errors['name']} />
        <PinField value={pin} onChange={setPin} error={errors['pin']} />
        <DerivePreview
          request={request}
          pin={pin}
          busy={busy}
          onError={(err) => setErrors(errorsFrom(err, FIELDS))}
          onUpdate={() => void derive.run('update')}
          onPreview={setPreviewed}
        />
        {duplicate && !previewed?.existing ? <DuplicateNotice text={duplicate} onUpdate={() => void derive.run('update')} busy={busy} /> : null}
        <FormActions busy={busy} working="Deriving…" submit="Derive" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
