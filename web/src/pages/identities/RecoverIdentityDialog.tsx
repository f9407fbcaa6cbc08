import { useState } from 'react';
import { useSubmit } from '../../hooks';
import { Busy, Dialog, FormActions, TextField, type DialogProps } from '../../ui';
import { identitySave, NameAndPin, pinErrors } from './NameAndPin';

/** "Recover identity": the phrase kept on paper, a name and a PIN. */
export function RecoverIdentityDialog({ onClose, onDone }: DialogProps) {
  const [name, setName] = useState('');
  const [phrase, setPhrase] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => ({
      ...(name.trim() === '' ? { name: 'Give the identity a name.' } : {}),
      ...(phrase.trim() === '' ? { phrase: 'Enter the recovery phrase you kept.' } : {}),
      ...pinErrors(pin, repeat),
    }),
    send: async () => {
      const r = await identitySave(name, phrase.trim(), pin);
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
        <TextField
          label="Recovery phrase"
          value={phrase}
          onChange={setPhrase}
          error={errors['phrase']}
          multiline
          rows={3}
          mono
          hint="The 12 or 24 words, in order, separated by spaces."
        />
        <NameAndPin name={name} setName={setName} pin={pin} setPin={setPin} repeat={repeat} setRepeat={setRepeat} errors={errors} />
        {busy ? <Busy text="Saving the identity…" /> : null}
        <FormActions busy={busy} submit="Save identity" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
