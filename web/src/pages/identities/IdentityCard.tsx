import { useId } from 'react';
import type { Identity, IdentityAccount } from '../../api';
import { BackupBadge, type BackupProp } from '../../components/BackupBadge';
import { AddressLine, pathText } from '../../ui';
import { SignerQr } from './SignerQr';

/** What an identity's card can open, one button each. */
export type IdentityAction = 'phrase' | 'split' | 'derive' | 'find' | 'rename' | 'remove';

/** One identity: its name and date, its buttons, and each account derived from it. */
export function IdentityCard({ identity, onAction, backup }: { identity: Identity; onAction: (action: IdentityAction) => void } & BackupProp) {
  const headingId = `identity-${identity.id}`;
  return (
    <section className="card identity" aria-labelledby={headingId}>
      <div className="identity-head">
        <h2 id={headingId}>{identity.name}</h2>
        <BackupBadge item={backup} />
        <p className="meta">created {new Date(identity.createdAt).toLocaleDateString()}</p>
      </div>
      <div className="toolbar">
        <button type="button" className="small" onClick={() => onAction('phrase')}>
          Show Recovery Phrase<span className="sr-only"> of {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onAction('split')}>
          Split into shards<span className="sr-only"> {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onAction('derive')}>
          Derive account<span className="sr-only"> for {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onAction('find')}>
          Find my address<span className="sr-only"> in {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onAction('rename')}>
          Rename<span className="sr-only"> {identity.name}</span>
        </button>
        <button type="button" className="small" onClick={() => onAction('remove')}>
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
        <AddressLine address={a.address} name={a.name} />
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
