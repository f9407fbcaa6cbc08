import { useState } from 'react';
import { apiPost, type Identity } from '../../api';
import { useSubmit } from '../../hooks';
import { Dialog, FormActions, Phrase } from '../../ui';
import { PinField } from '../../components/SecretFields';

/** "Show Recovery Phrase": the identity's phrase, after its PIN. */
export function ShowPhraseDialog({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [phrase, setPhrase] = useState('');

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (pin === '' ? { pin: 'Enter the PIN of this identity.' } : {}),
    send: async () => {
      setPhrase((await apiPost<{ mnemonic: string }>('/api/identities/show-phrase', { identity: identity.name, pin })).mnemonic);
      setPin('');
    },
    fields: { pin: 'pin' },
  });

  return (
    <Dialog title={`Recovery phrase of ${identity.name}`} onClose={onClose} step={phrase ? 'shown' : 'pin'}>
      {phrase ? (
        <>
          <div className="warning" role="note">
            <p>Anyone who sees these words controls every account of this identity. Close this window when you are done.</p>
          </div>
          <Phrase phrase={phrase} />
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <PinField value={pin} onChange={setPin} error={errors['pin']} />
          <FormActions busy={busy} working="Checking the PIN…" submit="Show phrase" onClose={onClose} error={errors['form']} />
        </form>
      )}
    </Dialog>
  );
}
