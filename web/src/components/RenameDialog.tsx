import { useState, type FormEvent } from 'react';
import { errorsFrom, type Errors } from '../errors';
import { Dialog, DialogActions, TextField, type Notice } from '../ui';

/**
 * "Rename X": one name field, filled with the current name; `save` stores the new name and says what
 * was done. A refused name (empty, taken, unsafe characters) is shown next to the field.
 */
export function RenameDialog({ title, current, save, onClose, onDone }: { title: string; current: string; save: (name: string) => Promise<Notice>; onClose: () => void; onDone: (notice: Notice) => void }) {
  const [name, setName] = useState(current);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setErrors({ name: 'A name cannot be empty.' });
    setBusy(true);
    try {
      onDone(await save(name.trim()));
    } catch (err) {
      setErrors(errorsFrom(err, { name: 'name' }));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="New name" value={name} onChange={setName} error={errors['name']} />
        <DialogActions busy={busy} submit="Save name" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
