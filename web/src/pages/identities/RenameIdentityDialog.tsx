import { apiPost, type Identity } from '../../api';
import { RenameDialog } from '../../components/RenameDialog';
import type { DialogProps, Notice } from '../../ui';

/** "Rename": a new name for the identity; its phrase, PIN and accounts stay as they are. */
export function RenameIdentityDialog({ identity, onClose, onDone }: DialogProps & { identity: Identity }) {
  const save = async (name: string): Promise<Notice> => {
    const r = await apiPost<Identity>('/api/identities/rename', { identity: identity.name, name });
    return { kind: 'success', title: `Identity ${identity.name} renamed to ${r.name}.` };
  };
  return <RenameDialog title={`Rename ${identity.name}`} current={identity.name} save={save} onClose={onClose} onDone={onDone} />;
}
