import { useState, type ReactNode } from 'react';
import { useSubmit } from '../hooks';
import { Busy, Dialog, FormActions, TextField, type DialogProps, type Notice } from '../ui';

/**
 * "Forget X?", "Remove X?": what will go (`children`), then a red `confirm` button and Cancel; `send`
 * does it and says what was done. With `typed`, that text (the item's name) must be typed out first,
 * for what cannot be brought back without a copy kept elsewhere; `busy` is said while it runs. A
 * refusal is shown beside the buttons.
 */
export function ConfirmDialog(
  p: DialogProps & { title: string; confirm: string; send: () => Promise<Notice>; children: ReactNode; typed?: string; busy?: string },
) {
  const [typed, setTyped] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (p.typed !== undefined && typed !== p.typed ? { confirm: `Type the name exactly as it is shown: ${p.typed}` } : {}),
    send: async () => p.onDone(await p.send()),
  });
  return (
    <Dialog title={p.title} onClose={p.onClose}>
      <form onSubmit={onSubmit} noValidate>
        {p.children}
        {p.typed !== undefined ? <TextField label={`Type ${p.typed} to confirm`} value={typed} onChange={setTyped} error={errors['confirm']} /> : null}
        {busy && p.busy !== undefined ? <Busy text={p.busy} /> : null}
        <FormActions busy={busy} submit={p.confirm} danger onClose={p.onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
