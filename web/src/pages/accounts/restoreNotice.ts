import type { RestoreReport } from '../../api';
import { errorText } from '../../nextStep';
import { outcomeKind, plural, type Notice } from '../../ui';

/** What a restore did, account by account (Restore JSON, and restoring what "Find wallets" found). */
export function restoreNotice(r: RestoreReport): Notice {
  return {
    kind: outcomeKind(r.restored.length + r.skipped.length, r.failed.length),
    title: `Restored ${plural(r.restored.length, 'account')}${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}${r.failed.length ? `, ${r.failed.length} failed` : ''}.`,
    lines: [
      ...r.failed.map((x) => `Failed: ${x.file} — ${errorText(x.error)}`),
      ...r.restored.map(
        (x) =>
          `Restored: ${x.name} (${x.address})${x.replaced ? ', replacing the one in the vault' : ''}${x.verified ? '' : ' — unchecked: its key could not be checked'}${relockedNote(x.relocked)}`,
      ),
      ...r.skipped.map((x) => `Skipped: ${x.address} — ${x.reason}`),
      // Where the accounts were put (a network that shares its address format, or another format than the files'): words for the page.
      ...r.notes.map((n) => errorText(n)),
    ],
  };
}

/** What the vault did with a backup file that had no real lock of its own. */
function relockedNote(relocked: 'unencrypted' | 'legacy' | undefined): string {
  if (relocked === undefined) return '';
  const was = relocked === 'unencrypted' ? 'the file was not encrypted' : 'the file used an old lock without key derivation';
  return ` — ${was}, so keepsake locked the key with the password you entered`;
}
