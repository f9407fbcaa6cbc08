import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { apiGet, apiPost } from '../../api';
import { CopyButton, Dialog, FormError, plural, type Notice } from '../../ui';

// What a Concordium Desktop Wallet export brought into the vault (src/wallet/concordium.ts) — issue 12 #6.
export type ConcordiumIdentity = { id: number; name: string; provider: string | null; status: string | null; accounts: number };
export type ConcordiumAccount = { id: number; name: string; address: string; identity: string | null; status: string | null; ledger: true };
type ConcordiumList = { identities: ConcordiumIdentity[]; accounts: ConcordiumAccount[] };
type Removed = { identity: { name: string } | null; accounts: { name: string; address: string }[]; credentials: number; addresses: number };
type Target = { id: number; kind: 'identity' | 'account'; name: string; accounts: number; address?: string };

/** The vault's Concordium identities and accounts (loaded again after a removal). */
function useConcordium(): { list: ConcordiumList | null; reload: () => void; error: string } {
  const [list, setList] = useState<ConcordiumList | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setList(await apiGet<ConcordiumList>('/api/concordium'));
      setError('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { list, reload: () => void load(), error };
}

/**
 * A page's Concordium section: its heading and note, the cards `render` makes from the list (each
 * given its Remove action), and the confirmation; nothing when `count` finds none.
 */
function ConcordiumSection(p: {
  title: string;
  note: string;
  count: (list: ConcordiumList) => number;
  render: (list: ConcordiumList, remove: (target: Target) => void) => ReactNode;
  onNotice: (n: Notice) => void;
}) {
  const heading = useId();
  const { list, reload, error } = useConcordium();
  const [remove, setRemove] = useState<Target | null>(null);
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!list || p.count(list) === 0) return null;
  return (
    <section className="concordium" aria-labelledby={heading}>
      <h2 id={heading}>{p.title}</h2>
      <p className="hint">{p.note}</p>
      {p.render(list, setRemove)}
      {remove ? <RemoveDialog target={remove} onClose={() => setRemove(null)} onDone={(n) => (setRemove(null), reload(), p.onNotice(n))} /> : null}
    </section>
  );
}

/**
 * The Accounts page's Concordium section: each account's name, address and identity, held on a
 * Ledger (keepsake has its address, not its key), with a Remove action. Shown only when there are any.
 */
export function ConcordiumAccountsSection({ onNotice }: { onNotice: (n: Notice) => void }) {
  return (
    <ConcordiumSection
      title="Concordium accounts"
      note="From a Concordium Desktop Wallet export. Their keys are held on a Ledger: keepsake keeps their addresses and details, not their keys."
      count={(l) => l.accounts.length}
      onNotice={onNotice}
      render={(list, remove) => (
        <ul className="cards" aria-label="Concordium accounts">
          {list.accounts.map((a) => (
            <ConcordiumAccountCard key={a.id} account={a} onRemove={() => remove({ id: a.id, kind: 'account', name: a.name, accounts: 1, address: a.address })} />
          ))}
        </ul>
      )}
    />
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
        <p className="address">
          <code className="mono">{a.address}</code>
          <CopyButton text={a.address} what={`address of ${a.name}`} />
        </p>
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

/** The Identities page's Concordium section: name, identity provider, status and accounts of each, with a Remove action. */
export function ConcordiumIdentitiesSection({ onNotice }: { onNotice: (n: Notice) => void }) {
  return (
    <ConcordiumSection
      title="Concordium identities"
      note="From a Concordium Desktop Wallet export, issued by an identity provider. Their accounts’ keys are held on a Ledger."
      count={(l) => l.identities.length}
      onNotice={onNotice}
      render={(list, remove) =>
        list.identities.map((i) => <ConcordiumIdentityCard key={i.id} identity={i} onRemove={() => remove({ id: i.id, kind: 'identity', name: i.name, accounts: i.accounts })} />)
      }
    />
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

function RemoveDialog({ target, onClose, onDone }: { target: Target; onClose: () => void; onDone: (n: Notice) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const what = target.kind === 'identity' ? `the Concordium identity ${target.name}${target.accounts > 0 ? ` and its ${plural(target.accounts, 'account')}` : ''}` : `the Concordium account ${target.name}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await apiPost<Removed>('/api/concordium/remove', { id: target.id });
      const gone = r.identity ? `The Concordium identity ${r.identity.name} and its ${plural(r.accounts.length, 'account')} were removed.` : `The Concordium account ${r.accounts[0]?.name ?? target.name} was removed.`;
      onDone({ kind: 'success', title: gone, lines: ['Their keys stay on the Ledger.'] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Remove ${target.name}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          This removes {what} from the vault, with the credentials and address-book entries the desktop wallet ties to {target.kind === 'identity' ? 'its accounts' : 'it'}. The keys stay on the Ledger;
          a Concordium Desktop Wallet file exported from here afterwards no longer holds {target.kind === 'identity' ? 'them' : 'it'}.
        </p>
        {target.address ? <p className="mono-wrap">{target.address}</p> : null}
        <FormError message={error || undefined} />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
            Remove
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
