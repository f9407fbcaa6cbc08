import type { BackupCounts, ImportItem } from '../../api';
import { plural } from '../../ui';

/** "2 identities, 8 accounts, 2 addresses, 1 Concordium identity, 2 Concordium accounts" (issue 12 #6: every summary counts them). */
export function countsText(c: BackupCounts, format: string): string {
  if (format === 'concordium-desktop') {
    return [
      plural(c.identities, 'Concordium identity', 'Concordium identities'),
      plural(c.accounts, 'Concordium account'),
      plural(c.addresses, 'address', 'addresses'),
    ].join(', ');
  }
  return [
    plural(c.identities, 'identity', 'identities'),
    plural(c.accounts, 'account'),
    plural(c.addresses, 'address', 'addresses'),
    ...(c.concordiumIdentities ? [plural(c.concordiumIdentities, 'Concordium identity', 'Concordium identities')] : []),
    ...(c.concordiumAccounts ? [plural(c.concordiumAccounts, 'Concordium account')] : []),
  ].join(', ');
}

const KIND_LABEL: Record<string, string> = {
  identity: 'identity',
  account: 'account',
  address: 'address',
  'concordium-identity': 'Concordium identity',
  'concordium-account': 'Concordium account',
};

const STATUS_TEXT = { imported: 'imported', replaced: 'replaced', present: 'already present' } as const;

/**
 * One line of the import summary: the kind in words, the name and address, and what happened —
 * for an identity a re-keyed backup brought, that its PIN is now the backup password (issue 12 #5);
 * for a Concordium item already there, the desktop wallet's words ("Already exists as: X", "Replaces name: X").
 */
export function ImportItemLine({ item }: { item: ImportItem }) {
  const note = item.note !== undefined && item.note !== 'Already exists' ? item.note : undefined;
  return (
    <>
      <span className="kind">{KIND_LABEL[item.kind] ?? item.kind}</span> <strong>{item.name}</strong>
      {item.address ? <code className="mono"> {item.address}</code> : null}
      <span className="status">
        {' — '}
        {note ?? (
          <>
            {STATUS_TEXT[item.status]}
            {item.status === 'present' && item.presentAs ? ` (as ${item.presentAs})` : ''}
          </>
        )}
        {item.rekeyed && item.status === 'imported' ? '; its PIN is now the backup password' : ''}
      </span>
    </>
  );
}

/** "Imported: 1 identity, 2 accounts, …, 1 Concordium identity": what was new, by kind (nothing when nothing was). */
export function ImportedCounts({ items }: { items: readonly ImportItem[] }) {
  const imported = items.filter((i) => i.status === 'imported');
  if (imported.length === 0) return null;
  const of = (kind: string) => imported.filter((i) => i.kind === kind).length;
  const counts = {
    identities: of('identity'),
    accounts: of('account'),
    addresses: of('address'),
    concordiumIdentities: of('concordium-identity'),
    concordiumAccounts: of('concordium-account'),
  };
  return <p>Imported: {countsText(counts, 'keepsake')}.</p>;
}
