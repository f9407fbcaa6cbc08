import { useId, useState } from 'react';
import type { ConcordiumAccount, ConcordiumIdentity, ConcordiumList } from '../../api';
import { useLoad } from '../../hooks';
import { AddressLine, type Notice } from '../../ui';
import { ConcordiumRemoveDialog, type ConcordiumTarget as Target } from './ConcordiumRemoveDialog';
import { ConcordiumSealNotice } from './ConcordiumSeal';

// What a Concordium Desktop Wallet export brought into the vault (src/wallet/concordium.ts) — issue 12 #6.

/** The heading and note of each page's Concordium section, by the part of the list it shows. */
const SECTIONS = {
  accounts: {
    title: 'Concordium accounts',
    note: 'From a Concordium Desktop Wallet export. Their keys are held on a Ledger: keepsake keeps their addresses and details, not their keys.',
  },
  identities: {
    title: 'Concordium identities',
    note: 'From a Concordium Desktop Wallet export, issued by an identity provider. Their accounts’ keys are held on a Ledger. Their attributes are kept sealed under the password of that export.',
  },
} as const;

/**
 * A page's Concordium section, shown only when there are any: on the Accounts page each account's
 * name, address and identity, held on a Ledger (keepsake has its address, not its key); on the
 * Identities page each identity's name, identity provider, status and accounts. Each card has a
 * Remove action, which asks first.
 */
export function ConcordiumSection({ of, onNotice }: { of: keyof typeof SECTIONS; onNotice: (n: Notice) => void }) {
  const heading = useId();
  const { data: list, reload, error } = useLoad<ConcordiumList>('/api/concordium');
  const [remove, setRemove] = useState<Target | null>(null);
  const section = SECTIONS[of];
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!list || list[of].length === 0) return null;
  return (
    <section className="concordium" aria-labelledby={heading}>
      <h2 id={heading}>{section.title}</h2>
      <p className="hint">{section.note}</p>
      {of === 'identities' && list.readable > 0 ? <ConcordiumSealNotice readable={list.readable} onDone={(n) => (reload(), onNotice(n))} /> : null}
      {of === 'accounts' ? (
        <ul className="cards" aria-label="Concordium accounts">
          {list.accounts.map((a) => (
            <ConcordiumAccountCard
              key={a.id}
              account={a}
              onRemove={() => setRemove({ id: a.id, kind: 'account', name: a.name, accounts: 1, address: a.address })}
            />
          ))}
        </ul>
      ) : (
        list.identities.map((i) => (
          <ConcordiumIdentityCard key={i.id} identity={i} onRemove={() => setRemove({ id: i.id, kind: 'identity', name: i.name, accounts: i.accounts })} />
        ))
      )}
      {remove ? <ConcordiumRemoveDialog target={remove} onClose={() => setRemove(null)} onDone={(n) => (setRemove(null), reload(), onNotice(n))} /> : null}
    </section>
  );
}

function ConcordiumAccountCard({ account: a, onRemove }: { account: ConcordiumAccount; onRemove: () => void }) {
  const nameId = useId();
  return (
    <li className="card account" aria-labelledby={nameId}>
      <div className="account-main">
        <div className="name-line">
          <h3 className="account-name" id={nameId}>
            {a.name}
          </h3>
          <span className="badge" title="The Concordium Desktop Wallet keeps the keys of its accounts on a Ledger">
            held on a Ledger
          </span>
        </div>
        <AddressLine address={a.address} name={a.name} />
        <p className="meta">
          <span>Concordium</span>
          <span>{a.identity === null ? 'identity not in the vault' : `identity ${a.identity}`}</span>
          {a.status ? <span>{a.status}</span> : null}
        </p>
      </div>
      <button type="button" className="small" onClick={onRemove}>
        Remove<span className="sr-only"> {a.name}</span>
      </button>
    </li>
  );
}

function ConcordiumIdentityCard({ identity: i, onRemove }: { identity: ConcordiumIdentity; onRemove: () => void }) {
  const headingId = useId();
  return (
    <section className="card identity" aria-labelledby={headingId}>
      <div className="identity-head">
        <h3 id={headingId}>{i.name}</h3>
        <span className="badge">Concordium</span>
      </div>
      <dl className="facts">
        <dt>Identity provider</dt>
        <dd>{i.provider ?? 'not recorded'}</dd>
        <dt>Status</dt>
        <dd>{i.status ?? 'not recorded'}</dd>
        <dt>Accounts</dt>
        <dd>{i.accounts}</dd>
      </dl>
      <div className="toolbar">
        <button type="button" className="small" onClick={onRemove}>
          Remove<span className="sr-only"> {i.name}</span>
        </button>
      </div>
    </section>
  );
}
