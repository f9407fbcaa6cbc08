import { apiPost, type Identity } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { pathText, plural, type DialogProps, type Notice } from '../../ui';

/**
 * "Remove identity": says what goes (the sealed phrase and every account derived from it, listed),
 * that keepsake cannot know whether the phrase was kept elsewhere, and asks for the identity's name
 * typed out before it removes anything.
 */
export function RemoveIdentityDialog({ identity, onClose, onDone }: DialogProps & { identity: Identity }) {
  const send = async (): Promise<Notice> => {
    const r = await apiPost<Identity>('/api/identities/remove', { identity: identity.name });
    return {
      kind: 'success',
      title: `Identity ${r.name} was removed${r.accounts.length ? `, with ${plural(r.accounts.length, 'account')} derived from it` : ''}.`,
      lines: r.accounts.map((a) => `Removed: ${a.name} (${a.address})`),
    };
  };
  return (
    <ConfirmDialog
      title={`Remove ${identity.name}?`}
      confirm="Remove identity"
      typed={identity.name}
      busy="Removing…"
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      <div className="warning" role="note">
        <p>
          <strong>Without a written copy of its recovery phrase or a backup file holding it, this identity is lost.</strong>
        </p>
        <p>keepsake cannot tell whether you kept one: check before you remove it. The vault will no longer hold its phrase.</p>
      </div>
      {identity.accounts.length === 0 ? (
        <p>No account is derived from it.</p>
      ) : (
        <>
          <p>These accounts are derived from its phrase and are removed with it:</p>
          <ul className="remove-list" aria-label="Accounts removed with it">
            {identity.accounts.map((a) => (
              <li key={`${a.path}|${a.type}|${a.address}`}>
                <strong>{a.name}</strong> <code className="mono">{a.address}</code> <span className="meta">path {pathText(a.path)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
