import type { BackupCounts } from '../../../wallet/backup/export.js';
import type { ImportItem } from '../../../wallet/backup/plan.js';
import { plural } from '../../../text/plural.js';

/** "2 identities, 1 account, 4 addresses, 1 Concordium identity" — the Concordium ones only when there are any. */
export function countsText(c: BackupCounts, format: 'keepsake' | 'concordium-desktop' | 'nova'): string {
  const n = plural;
  if (format === 'concordium-desktop') {
    return [
      n(c.identities, 'Concordium identity', 'Concordium identities'),
      n(c.accounts, 'Concordium account', 'Concordium accounts'),
      n(c.addresses, 'address', 'addresses'),
    ].join(', ');
  }
  return [
    n(c.identities, 'identity', 'identities'),
    n(c.accounts, 'account', 'accounts'),
    n(c.addresses, 'address', 'addresses'),
    ...(c.concordiumIdentities ? [n(c.concordiumIdentities, 'Concordium identity', 'Concordium identities')] : []),
    ...(c.concordiumAccounts ? [n(c.concordiumAccounts, 'Concordium account', 'Concordium accounts')] : []),
  ].join(', ');
}

/** What `backup import` and `verify` call each kind of item they list. */
export const ITEM_KIND_LABEL: Record<ImportItem['kind'], string> = {
  identity: 'identity',
  account: 'account',
  address: 'address',
  'concordium-identity': 'Concordium identity',
  'concordium-account': 'Concordium account',
};
