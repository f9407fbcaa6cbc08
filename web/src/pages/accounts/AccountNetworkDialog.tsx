import { useState } from 'react';
import { apiPost, type Account, type Network } from '../../api';
import { useSubmit } from '../../hooks';
import { networkChoices } from '../../networks';
import { Dialog, FormActions, SelectField, type DialogProps, type Notice } from '../../ui';

/**
 * "Network…" in an account's Actions menu: show the account under another network (its address
 * format and genesis hash). For accounts a file could not place — AXIA files look like Polkadot
 * ones — so no password is asked: the key is untouched.
 */
export function AccountNetworkDialog({ account, networks, onClose, onDone }: DialogProps & { account: Account; networks: readonly Network[] }) {
  const [network, setNetwork] = useState(account.network ?? '');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (network === '' ? { form: 'Choose a network.' } : {}),
    send: async () => {
      const r = await apiPost<{ account: Account; previous: { network: string | null; address: string } }>('/api/accounts/network', {
        address: account.address,
        network,
      });
      const label = networks.find((n) => n.name === r.account.network)?.displayName ?? r.account.network;
      const notice: Notice = {
        kind: 'success',
        title: `${r.account.name} is now shown under ${label}.`,
        lines: r.account.address === r.previous.address ? [] : [`Its address in that network’s format is ${r.account.address} (the same key).`],
      };
      onDone(notice);
    },
  });
  return (
    <Dialog title={`Network of ${account.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint">
          The network this account is shown under. Its key and password stay as they are; a network with another address format shows another address for the
          same key.
        </p>
        <SelectField label="Network" value={network} onChange={setNetwork} {...networkChoices(networks, { none: 'Choose…', own: account.network })} />
        <FormActions busy={busy} submit="Save network" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
