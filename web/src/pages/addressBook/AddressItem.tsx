import { useId } from 'react';
import type { AddressEntry } from '../../api';
import { Identicon } from '../../identicon';
import { AddressLine } from '../../ui';

/** One saved address: identicon (not for Concordium), name, address (with Copy), kind, network and note, and Edit and Remove. */
export function AddressItem({ entry: a, onRemove, onEdit }: { entry: AddressEntry; onRemove: () => void; onEdit: () => void }) {
  const nameId = useId();
  return (
    <li className="card entry" aria-labelledby={nameId}>
      {a.kind === 'concordium' ? null : <Identicon publicKey={a.address} address={a.address} />}
      <div className="entry-main">
        <h3 id={nameId}>{a.name}</h3>
        <AddressLine address={a.address} name={a.name} />
        <p className="meta">
          <span>{a.kind}</span>
          {a.network ? <span>{a.network}</span> : null}
          {a.note ? <span>{a.note}</span> : null}
        </p>
      </div>
      <div className="entry-actions">
        <button type="button" className="small" onClick={onEdit}>
          Edit<span className="sr-only"> {a.name}</span>
        </button>
        <button type="button" className="small" onClick={onRemove}>
          Remove<span className="sr-only"> {a.name}</span>
        </button>
      </div>
    </li>
  );
}
