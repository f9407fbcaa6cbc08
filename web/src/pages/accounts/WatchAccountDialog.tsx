import { useState } from 'react';
import { apiPost, type Account, type Network } from '../../api';
import { AddressScanField } from '../../components/QrScanner';
import { useSubmit } from '../../hooks';
import { networkChoices } from '../../networks';
import { Dialog, FormActions, SelectField, TextField, type DialogProps } from '../../ui';

/**
 * "Add watch-only" (issue 17): an account kept by its address only — pasted, or read from an address
 * QR code (a Polkadot Vault address QR holds substrate:<address>:0x<genesis hash>, whose genesis hash
 * gives the network). keepsake holds no key for it: it cannot sign, and needs no backup. A key QR code
 * (secret:…) is refused by the camera, and by the server if pasted.
 */
export function WatchAccountDialog({ networks, onClose, onDone }: DialogProps & { networks: readonly Network[] }) {
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [network, setNetwork] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => ({
      ...(address.trim() === '' ? { address: 'Paste the address, or scan its QR code.' } : {}),
      ...(name.trim() === '' ? { name: 'Give the account a name.' } : {}),
    }),
    send: async () => {
      const a = await apiPost<Account>('/api/accounts/watch', { address: address.trim(), name: name.trim(), ...(network ? { network } : {}) });
      onDone({
        kind: 'success',
        title: `${a.name} added as a watch-only account.`,
        lines: [`Only its address (${a.address}) is kept, not its key: it cannot sign, and it needs no backup.`],
      });
    },
    // An address already in the vault is refused on the address (the server names the key's field).
    fields: { address: 'address', phrase: 'address', name: 'name' },
  });
  return (
    <Dialog title="Add a watch-only account" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint">An account you only watch: its address is shown and no key is kept for it, so it cannot sign or be backed up with a key.</p>
        <AddressScanField
          value={address}
          onChange={setAddress}
          error={errors['address']}
          hint="A Polkadot/Substrate (SS58) or Ethereum (0x…) address, or the text of a Polkadot Vault address QR code (substrate:… or ethereum:…). It is checked before saving."
        />
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <SelectField label="Network (optional)" value={network} onChange={setNetwork} {...networkChoices(networks, { none: 'From the address' })} />
        <FormActions busy={busy} working="Adding…" submit="Add watch-only account" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
