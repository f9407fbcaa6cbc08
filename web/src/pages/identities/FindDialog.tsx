import { useState } from 'react';
import { apiPost, type Found, type Identity } from '../../api';
import type { Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { AddressField, Busy, Dialog, FormActions, type DialogProps } from '../../ui';
import { PinField } from '../../components/SecretFields';
import { FoundAccount, FoundSummary } from './FoundAccount';

/** "Find my address": which common path and key type of the identity give an address, and a way to add that account. */
export function FindDialog({ identity, onClose, onDone }: DialogProps & { identity: Identity }) {
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState('');
  const [found, setFound] = useState<(Found & { address: string }) | null>(null);

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      const problems: Errors = {};
      if (address.trim() === '') problems['address'] = 'Paste the address you are looking for.';
      if (pin === '') problems['pin'] = 'Enter the PIN of this identity.';
      setFound(null);
      return problems;
    },
    send: async () =>
      setFound({ ...(await apiPost<Found>('/api/identities/find', { identity: identity.name, address: address.trim(), pin })), address: address.trim() }),
    fields: { pin: 'pin', address: 'address' },
  });

  return (
    <Dialog title={`Find my address in ${identity.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint">keepsake tries the paths wallets commonly use (root key, //network, numbered accounts) with each key type.</p>
        <AddressField value={address} onChange={setAddress} error={errors['address']} />
        <PinField value={pin} onChange={setPin} error={errors['pin']} />
        {busy ? <Busy text="Searching the common paths…" /> : null}
        <div role="status" className="result">
          {found ? <FoundSummary found={found} /> : null}
        </div>
        {found ? <FoundAccount identity={identity.name} address={found.address} found={found} pin={pin} onDone={onDone} /> : null}
        <FormActions busy={busy} submit="Find path" onClose={onClose} error={errors['form']} cancel="Close" />
      </form>
    </Dialog>
  );
}
