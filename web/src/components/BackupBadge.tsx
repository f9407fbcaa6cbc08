import type { BackupOverview, BackupState, BackupStatusItem } from '../api';
import { useLoad } from '../hooks';

/** "today", "1 day ago", "3 days ago" since `then`. */
export function daysAgo(then: number, now: number = Date.now()): string {
  const days = Math.floor(Math.max(0, now - then) / 86_400_000);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/** An account's or identity's backup state in words (the words are the state: colour only repeats them). */
export function backupStateText(item: Pick<BackupStatusItem, 'state' | 'backup'>, now?: number): string {
  switch (item.state) {
    case 'verified':
      return `Verified backup, ${daysAgo(item.backup?.verifiedAt ?? now ?? Date.now(), now)}`;
    case 'unverified':
      return 'Backed up, not verified';
    case 'missing':
      return 'Backup missing';
    case 'changed':
      return 'Backup changed';
    case 'none':
      return 'No backup';
    case 'watch-only':
      return 'Watch-only: nothing to back up';
  }
}

/** A card's backup state (issue 16), once the page has loaded the states ({@link useBackups}). */
export type BackupProp = { backup?: BackupStatusItem | undefined };

const CLASS: Record<BackupState, string> = {
  verified: 'badge badge-ok',
  unverified: 'badge badge-warn',
  missing: 'badge badge-bad',
  changed: 'badge badge-bad',
  none: 'badge badge-bad',
  'watch-only': 'badge',
};

/**
 * The backup badge of an account or identity card (issue 16). Nothing for a watch-only account (its
 * card already says it has no key) or while the states load.
 */
export function BackupBadge({ item }: { item: BackupStatusItem | undefined }) {
  if (item === undefined || item.state === 'watch-only') return null;
  const file = item.backup === null ? '' : item.backup.path === null ? `${item.backup.name} (downloaded by the browser)` : item.backup.path;
  const title = [file, item.viaIdentity ? 'through the backup of its identity' : ''].filter((s) => s !== '').join(', ');
  return (
    <span className={CLASS[item.state]} data-backup-state={item.state} title={title === '' ? undefined : title}>
      {backupStateText(item)}
    </span>
  );
}

/** The backup states of a page's cards, loaded once for the whole page (GET /api/backups), and what each card shows. */
export function useBackups() {
  const load = useLoad<BackupOverview>('/api/backups');
  const items = load.data?.status.items ?? [];
  return {
    load,
    account: (publicKey: string) => items.find((i) => i.kind === 'account' && i.publicKey === publicKey),
    identity: (name: string) => items.find((i) => i.kind === 'identity' && i.name === name),
    /** How many accounts and identities have no backup at all (for the notice after an add or a restore). */
    missing: (kind: BackupStatusItem['kind']) => items.filter((i) => i.kind === kind && i.state === 'none').length,
  };
}

/**
 * After an add or a restore: how many accounts (or identities) have no backup yet, and the way to the
 * Backups page. Nothing when every one has one.
 */
export function NoBackupNotice({ count, what }: { count: number; what: 'account' | 'identity' }) {
  if (count === 0) return null;
  return (
    <p className="notice notice-warning" role="status">
      {count === 1 ? `1 ${what} has` : `${count} ${what === 'account' ? 'accounts' : 'identities'} have`} no backup yet.{' '}
      <a href="#backups">Open the Backups page</a> to make one.
    </p>
  );
}
