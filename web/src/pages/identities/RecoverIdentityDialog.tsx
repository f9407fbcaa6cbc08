import { useState } from 'react';
import { useSubmit } from '../../hooks';
import { Dialog, FormActions, PhraseField, type DialogProps } from '../../ui';
import { useNewSecret } from '../../components/SecretFields';
import { identitySave, NameAndPin, nameAndPinErrors } from './NameAndPin';

/** "Recover identity": the phrase kept on paper, a name and a PIN. */
export function RecoverIdentityDialog({ onClose, onDone }: DialogProps) {
  const [name, setName] = useState('');
  const [phrase, setPhrase] = useState('');
  const pin = useNewSecret();

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => ({ ...nameAndPinErrors(name, pin), ...(phrase.trim() === '' ? { phrase: 'Enter the recovery phrase you kept.' } : {}) }),
    send: async () => {
      const r = await identitySave(name, phrase.trim(), pin.value);
      onDone({
        kind: 'success',
        title: `Identity ${r.name} recovered.`,
        lines: ['Use “Derive account” to add its accounts again, or “Find my address” to learn an address’s path.'],
      });
    },
    fields: { pin: 'pin', name: 'name', phrase: 'phrase' },
  });

  return (
    <Dialog title="Recover identity" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <PhraseField value={phrase} onChange={setPhrase} error={errors['phrase']} hint="The 12 or 24 words, in order, separated by spaces." />
        <NameAndPin name={name} setName={setName} pin={pin} errors={errors} />
        <FormActions busy={busy} working="Saving the identity…" submit="Save identity" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
