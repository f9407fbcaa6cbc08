import type { ImportItem, VerifyAccount, VerifyReport } from '../../api';
import { errorText } from '../../nextStep';

const KIND: Record<string, string> = {
  identity: 'Identity',
  account: 'Account',
  address: 'Address',
  'concordium-identity': 'Concordium identity',
  'concordium-account': 'Concordium account',
};

/** What an import would do with an item, in the words of this page (nothing has been imported). */
const WOULD: Record<ImportItem['status'], string> = {
  imported: 'would be imported',
  present: 'already in this wallet',
  replaced: 'would give the watch-only account its key',
};

/** How far an account's key was checked, in browser words. */
function checkText(a: VerifyAccount): string {
  switch (a.check) {
    case 'checked':
      return 'its key opens and matches its address';
    case 'address-only':
      return 'an address without its key (watch-only)';
    case 'locked':
      return 'locked with its own password, so its key was not checked';
    case 'identity':
      return 'its key comes from its identity’s recovery phrase, checked when the PIN is entered';
    case 'unsupported':
      return 'a kind of account this wallet does not keep: it would be left out';
    case 'failed':
      return 'its key file is damaged or belongs to another account';
  }
}

/** The result of verifying an account file, a batch or a list: each account, and whether it would restore. */
export function AccountsReport({ report }: { report: VerifyReport }) {
  return (
    <>
      <p className={report.ok ? 'notice notice-success' : report.restorable ? 'notice notice-info' : 'notice notice-error'}>
        {report.ok
          ? `Every account in this ${report.label} opens and matches its address: it would restore.`
          : report.restorable && report.accounts.some((a) => a.check === 'unsupported')
            ? `Every Polkadot and Ethereum account in this ${report.label} would restore; the accounts of other kinds below would be left out.`
            : report.restorable
              ? `Every account in this ${report.label} would restore, but not every key could be checked: an account locked with its own password is restored unchecked (use Verify on its card in Accounts afterwards).`
              : `Not every account in this ${report.label} would restore; see below.`}{' '}
        Nothing was imported.
      </p>
      <ul className="summary" aria-label="Verified accounts">
        {report.accounts.map((a, i) => (
          <li key={i} className={a.ok ? 'status-ok' : a.check === 'locked' || a.check === 'unsupported' ? 'status-present' : 'status-bad'}>
            <span className="verdict">
              {a.ok ? (a.watchOnly ? 'ok (address only)' : 'ok') : a.check === 'locked' ? 'locked' : a.check === 'unsupported' ? 'left out' : 'not ok'}
            </span>{' '}
            <strong>{a.name ?? '(no name)'}</strong> <code className="mono">{a.address}</code>
            {a.type ? <span className="kind"> {a.type}</span> : null}
            {a.check === 'locked' ? (
              <span className="kind"> — {checkText(a)}</span>
            ) : a.error ? (
              <span className="error-text"> — {errorText(a.error)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The result of verifying a whole-wallet backup (keepsake or Concordium Desktop Wallet): every
 * identity, account and address with what an import would do with it against this wallet, and how
 * far each account's key was checked. Nothing is imported.
 */
export function BackupReport({ report, items }: { report: VerifyReport; items: readonly ImportItem[] }) {
  const count = (status: ImportItem['status']) => items.filter((i) => i.status === status).length;
  // The accounts come in the same order as the account items.
  const accountAt = new Map<number, VerifyAccount>();
  items.forEach((item, i) => {
    if (item.kind === 'account') accountAt.set(i, report.accounts[accountAt.size]!);
  });
  return (
    <>
      <p className={report.restorable ? 'notice notice-success' : 'notice notice-error'}>
        {report.restorable
          ? `Everything in this ${report.label} would import: ${count('imported')} new, ${count('present')} already in this wallet, ${count('replaced')} replaced.`
          : items.length === 0
            ? `This ${report.label} holds nothing to import.`
            : `This ${report.label} would not import as it is; see below.`}{' '}
        Nothing was imported.
      </p>
      <ul className="summary" aria-label="What the backup holds">
        {items.map((item, i) => {
          const account = accountAt.get(i);
          const bad = account?.check === 'failed';
          return (
            <li key={i} className={bad ? 'status-bad' : `status-${item.status}`}>
              <span className="kind">{KIND[item.kind] ?? item.kind}</span> <strong>{item.name}</strong>
              {item.address ? <code className="mono"> {item.address}</code> : null}
              <span className={bad ? 'verdict' : 'status'}>
                {' — '}
                {bad ? 'not ok' : WOULD[item.status]}
                {item.status === 'present' && item.presentAs ? ` (as ${item.presentAs})` : ''}
              </span>
              {account ? <span className={bad ? 'error-text' : 'kind'}> · {checkText(account)}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
