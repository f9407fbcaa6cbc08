import { useState } from 'react';
import { useSubmit } from '../hooks';
import { Dialog, FormActions, TextField, type DialogProps, type Notice } from '../ui';

/**
 * "Rename X": one name field, filled with the current name; `save` stores the new name and says what
 * was done. A refused name (empty, taken, unsafe characters) is shown next to the field.
 */
export function RenameDialog({
  title,
  current,
  save,
  onClose,
  onDone,
}: DialogProps & { title: string; current: string; save: (name: string) => Promise<Notice> }) {
  const [name, setName] = useState(current);
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (name.trim() === '' ? { name: 'A name cannot be empty.' } : {}),
    send: async () => onDone(await save(name.trim())),
    fields: { name: 'name' },
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <TextField label="New name" value={name} onChange={setName} error={errors['name']} />
        <FormActions busy={busy} submit="Save name" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
