import { useState, type ReactNode } from 'react';
import { apiPost } from '../api';
import { useSubmit } from '../hooks';
import { Dialog, FormActions, TextField, type DialogProps, type Notice } from '../ui';

/** A ConfirmDialog's `send` that needs no answer back: POST `body` to `path`, then say `title` as a success. */
export function postThen(path: string, body: object, title: string): () => Promise<Notice> {
  return async () => {
    await apiPost(path, body);
    return { kind: 'success', title };
  };
}

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
        <FormActions busy={busy} working={p.busy} submit={p.confirm} danger onClose={p.onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
