import { useId, useState } from 'react';
import type { Account, BackupFileView, BackupOverview, BackupStatusItem } from '../api';
import { backupStateText, daysAgo } from '../components/BackupBadge';
import { useLoad } from '../hooks';
import { Notices, plural, type Notice } from '../ui';
import { AccountBackupDialog } from './accounts/AccountBackupDialog';
import { VerifyAgainDialog } from './backups/VerifyAgainDialog';

/** The dialog open over the page: a new backup file of an account, or "Verify again" of a known file. */
type Open = { kind: 'backup'; account: Account } | { kind: 'verify'; file: BackupFileView } | null;

/** Whether a known file is still where keepsake recorded it, in words. */
const FILE_STATE: Record<BackupFileView['file'], string> = {
  present: 'Still there, unchanged',
  missing: 'No longer there (moved or deleted)',
  changed: 'Changed since it was recorded',
  unknown: 'Downloaded by the browser: where it was saved is not known',
};

/**
 * Backup health (issue 16): which accounts and identities have a verified backup, what to do for the
 * others, and every backup file keepsake wrote or verified, with "Verify again".
 */
export function BackupsPage() {
  const overview = useLoad<BackupOverview>('/api/backups');
  const accounts = useLoad<Account[]>('/api/accounts');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const todoHeading = useId();
  const filesHeading = useId();

  const close = () => setOpen(null);
  const done = (n: Notice) => {
    setOpen(null);
    setNotice(n);
    overview.reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>Backups</h1>
      <p className="intro">
        Every backup file made or verified here is remembered — where it is and what it holds, never its content — so this page can say for each account and
        identity whether a backup of it opens with its password.
      </p>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      {overview.error ? (
        <p className="notice notice-error" role="alert">
          {overview.error}
        </p>
      ) : null}
      {overview.data === null ? (
        overview.error ? null : (
          <p>Checking backups…</p>
        )
      ) : (
        (({ status, files }: BackupOverview) => {
          const items = status.items.filter((i) => i.state !== 'watch-only');
          const verified = items.filter((i) => i.state === 'verified').length;
          const todo = items.filter((i) => i.state !== 'verified');
          const fileOf = (i: BackupStatusItem) => (i.backup === null ? undefined : files.find((f) => f.sha256 === i.backup!.sha256));
          return (
            <>
              <p className="summary-line" role="status">
                {items.length === 0
                  ? 'There are no accounts or identities to back up yet.'
                  : items.length === 1
                    ? `${verified} of 1 ${items[0]!.kind} has a verified backup.`
                    : `${verified} of ${items.length} accounts and identities have a verified backup.`}
              </p>
              {todo.length > 0 ? (
                <section className="card" aria-labelledby={todoHeading}>
                  <h2 id={todoHeading}>Without a verified backup</h2>
                  <ul className="summary" aria-label="Without a verified backup">
                    {todo.map((i) => (
                      <TodoItem
                        key={`${i.kind}:${i.name}`}
                        item={i}
                        account={i.kind === 'account' ? accounts.data?.find((a) => a.publicKey === i.publicKey) : undefined}
                        file={fileOf(i)}
                        onBackup={(account) => setOpen({ kind: 'backup', account })}
                        onVerify={(file) => setOpen({ kind: 'verify', file })}
                      />
                    ))}
                  </ul>
                </section>
              ) : null}
              <section aria-labelledby={filesHeading}>
                <h2 id={filesHeading}>Known backup files</h2>
                {files.length === 0 ? (
                  <p className="empty">No backup file yet: make one from an account’s Actions menu or on the Export/Import page.</p>
                ) : (
                  <ul className="cards" aria-label="Known backup files">
                    {files.map((f) => (
                      <FileItem key={f.id} file={f} onVerify={() => setOpen({ kind: 'verify', file: f })} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        })(overview.data)
      )}
      {open?.kind === 'backup' ? <AccountBackupDialog account={open.account} onClose={close} onDone={done} /> : null}
      {open?.kind === 'verify' ? <VerifyAgainDialog file={open.file} onClose={close} onDone={done} /> : null}
    </>
  );
}

/** An account or identity without a verified backup: its state and what to do, in buttons. */
function TodoItem(p: {
  item: BackupStatusItem;
  account: Account | undefined;
  file: BackupFileView | undefined;
  onBackup: (account: Account) => void;
  onVerify: (file: BackupFileView) => void;
}) {
  const { item: i, account, file } = p;
  const canVerify = file !== undefined && i.state === 'unverified';
  return (
    <li className={i.state === 'unverified' ? 'status-present' : 'status-bad'}>
      <span className="verdict">{backupStateText(i)}</span> <strong>{i.name}</strong>
      <span className="kind"> {i.kind === 'identity' ? 'identity' : i.identity === null ? 'account' : `account of identity ${i.identity}`}</span>
      {i.backup !== null ? <span className="kind"> — {i.backup.path ?? `${i.backup.name}, downloaded by the browser`}</span> : null}
      <span className="actions">
        {canVerify ? (
          <button type="button" className="small" onClick={() => p.onVerify(file)}>
            Verify it<span className="sr-only"> ({i.name})</span>
          </button>
        ) : null}
        {account?.hasKey ? (
          <button type="button" className="small" onClick={() => p.onBackup(account)}>
            Create a backup file<span className="sr-only"> for {i.name}</span>
          </button>
        ) : null}
        {i.kind === 'identity' || i.identity !== null ? (
          <a href="#export-import">
            Export everything to one file<span className="sr-only"> (for {i.name})</span>
          </a>
        ) : null}
      </span>
    </li>
  );
}

/** A known backup file: where it is, what it holds, whether it is still there, and "Verify again". */
function FileItem({ file: f, onVerify }: { file: BackupFileView; onVerify: () => void }) {
  const nameId = useId();
  const covers = [...f.covers.accounts, ...f.covers.identities.map((n) => `${n} (identity)`)];
  return (
    <li className="card backup-file" aria-labelledby={nameId} data-backup-file={f.file}>
      <div className="account-main">
        <h3 id={nameId}>{f.name}</h3>
        <dl className="facts">
          <dt>Where</dt>
          {f.path === null ? <dd>Downloaded by the browser</dd> : <dd className="mono-wrap">{f.path}</dd>}
          <dt>Format</dt>
          <dd>{f.label}</dd>
          <dt>Size</dt>
          <dd>{plural(f.size, 'byte')}</dd>
          <dt>Made</dt>
          <dd>{new Date(f.createdAt).toLocaleString()}</dd>
          <dt>Last verified</dt>
          <dd>{f.verifiedAt === null ? 'Never' : `${daysAgo(f.verifiedAt)} (${new Date(f.verifiedAt).toLocaleString()})`}</dd>
          <dt>File</dt>
          <dd>{FILE_STATE[f.file]}</dd>
          <dt>Holds</dt>
          <dd>
            {covers.length === 0 ? 'Nothing still in this wallet' : covers.join(', ')}
            {f.covers.others > 0 ? ` and ${plural(f.covers.others, 'item')} no longer in this wallet` : ''}
          </dd>
        </dl>
      </div>
      <div className="actions">
        <button type="button" className="small" onClick={onVerify}>
          Verify again<span className="sr-only"> {f.name}</span>
        </button>
      </div>
    </li>
  );
}
