import { useId } from 'react';
import type { Account } from '../../api';
import { BackupBadge, type BackupProp } from '../../components/BackupBadge';
import { Identicon } from '../../identicon';
import { AddressLine, Menu, pathText } from '../../ui';

/** What an account's card can open: its Actions menu's items, and Verify on an unchecked one. */
export type AccountAction = 'backup' | 'rename' | 'network' | 'forget' | 'verify';

/**
 * One account: identicon, name with its badges, address (with Copy), key type, network (`networkLabel`,
 * its name as the network lists show it, when known) and identity, and its Actions menu.
 */
export function AccountCard({
  account: a,
  onAction,
  backup,
  networkLabel,
}: { account: Account; onAction: (action: AccountAction) => void; networkLabel?: string | undefined } & BackupProp) {
  const nameId = useId();
  const items = [
    ...(a.hasKey ? [{ label: 'Create a backup file for this account', onSelect: () => onAction('backup') }] : []),
    { label: 'Rename', onSelect: () => onAction('rename') },
    { label: 'Network…', onSelect: () => onAction('network') },
    { label: 'Forget account', onSelect: () => onAction('forget') },
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
          <BackupBadge item={backup} />
          {a.hasKey && !a.verified ? (
            <button type="button" className="small" aria-label={`Verify ${a.name}`} onClick={() => onAction('verify')}>
              Verify
            </button>
          ) : null}
        </div>
        <AddressLine address={a.address} name={a.name} />
        <p className="meta">
          <span>{a.type}</span>
          {a.network ? <span className="account-network">{networkLabel ?? a.network}</span> : null}
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
