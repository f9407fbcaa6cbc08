import { useState } from 'react';
import type { Account } from '../api';
import { useLoad } from '../hooks';
import { useNetworks, networkChoices } from '../networks';
import { Loaded, Notices, SelectField, type Notice } from '../ui';
import { AccountCard, type AccountAction } from './accounts/AccountCard';
import { AccountBackupDialog } from './accounts/AccountBackupDialog';
import { AccountNetworkDialog } from './accounts/AccountNetworkDialog';
import { AccountRenameDialog } from './accounts/AccountRenameDialog';
import { AddAccountDialog } from './accounts/AddAccountDialog';
import { AddFromVaultDialog } from './accounts/AddFromVaultDialog';
import { ExportAllDialog } from './accounts/ExportAllDialog';
import { ForgetAccountDialog } from './accounts/ForgetAccountDialog';
import { RestoreDialog } from './accounts/RestoreDialog';
import { VerifyAccountDialog } from './accounts/VerifyAccountDialog';
import { WatchAccountDialog } from './accounts/WatchAccountDialog';
import { ConcordiumSection } from './concordium/Concordium';
import { NoBackupNotice, useBackups } from '../components/BackupBadge';

/** The dialog open over the page, if any: one of the toolbar's, or one of an account's actions. */
type Open =
  { kind: 'add' } | { kind: 'add-vault' } | { kind: 'watch' } | { kind: 'restore' } | { kind: 'export-all' } | { kind: AccountAction; account: Account } | null;

export function AccountsPage() {
  const networks = useNetworks();
  const [network, setNetwork] = useState('');
  const accounts = useLoad<Account[]>(`/api/accounts${network ? `?network=${encodeURIComponent(network)}` : ''}`);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const backups = useBackups();
  // After an add or a restore, how many accounts still have no backup (issue 16).
  const [added, setAdded] = useState(false);

  const done = (n: Notice) => {
    setAdded(open?.kind === 'add' || open?.kind === 'restore');
    setOpen(null);
    setNotice(n);
    accounts.reload();
    backups.load.reload();
  };
  const close = () => setOpen(null);
  const none = accounts.data?.length === 0;

  return (
    <>
      <h1 tabIndex={-1}>Accounts</h1>
      <div className="toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'add' })}>
          Add account
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'add-vault' })}>
          Add from Polkadot Vault
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'watch' })}>
          Add watch-only
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'restore' })}>
          Restore JSON
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'export-all' })} disabled={none} title={none ? 'There are no accounts to export yet.' : undefined}>
          Export all
        </button>
      </div>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      {added ? <NoBackupNotice count={backups.missing('account')} what="account" /> : null}
      <div className="filter">
        <SelectField
          label="Show addresses for network"
          value={network}
          onChange={setNetwork}
          {...networkChoices(networks, { none: "Each account's own network" })}
        />
      </div>
      <Loaded state={accounts} loading="Loading accounts…" empty="No accounts yet. Add one, or restore a backup file with “Restore JSON”.">
        {(list) => (
          <ul className="cards" aria-label="Accounts">
            {list.map((a) => (
              <AccountCard
                key={a.publicKey + a.type}
                account={a}
                backup={backups.account(a.publicKey)}
                networkLabel={networks.find((n) => n.name === a.network)?.displayName}
                onAction={(kind) => setOpen({ kind, account: a })}
              />
            ))}
          </ul>
        )}
      </Loaded>

      <ConcordiumSection of="accounts" onNotice={setNotice} />

      {open?.kind === 'add' ? <AddAccountDialog networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'add-vault' ? <AddFromVaultDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'watch' ? <WatchAccountDialog networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'restore' ? <RestoreDialog networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'export-all' ? <ExportAllDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'backup' ? <AccountBackupDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'rename' ? <AccountRenameDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'network' ? <AccountNetworkDialog account={open.account} networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'forget' ? <ForgetAccountDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'verify' ? <VerifyAccountDialog account={open.account} onClose={close} onDone={done} /> : null}
    </>
  );
}
