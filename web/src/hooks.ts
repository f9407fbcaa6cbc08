import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiGet } from './api';
import { errorsFrom, type Errors } from './errors';

/** Which form field each kind of server error goes next to (see errorsFrom). */
type FieldMap = Parameters<typeof errorsFrom>[1];

/** What {@link useLoad} holds: the answer (null until the first one), why the last load failed ('' if it did not), and a way to load again. */
export type Load<T> = { data: T | null; error: string; reload: () => void };

/**
 * GETs `path` when the component mounts and again whenever `path` changes or `reload` is called.
 * A failed load keeps the last answer and says why in `error`; the next good one clears it.
 *
 * @example
 * const accounts = useLoad<Account[]>('/api/accounts');
 * // after a change: accounts.reload()
 */
export function useLoad<T>(path: string): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setData(await apiGet<T>(path));
      setError('');
    } catch (err) {
      setError(messageOf(err));
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, reload: () => void load() };
}

/** What {@link useSubmit} gives a form: its errors by field, whether it is sending, and the handlers that send. */
export type Submit<Args extends unknown[]> = {
  errors: Errors;
  setErrors: (errors: Errors) => void;
  busy: boolean;
  /** Validates, then sends with `args`; a failure is placed next to its field. */
  run: (...args: Args) => Promise<void>;
  /** A form's onSubmit: {@link Submit.run} without arguments. */
  onSubmit: (e: FormEvent) => void;
};

/**
 * The one way a form sends: `validate` (problems found in the browser, by field: any stops it; it
 * runs first on every submit, so it also clears what the last one showed), then busy while `send`
 * runs, then idle. What `send` throws goes next to the field it concerns: placed by
 * {@link errorsFrom} with the `fields` map, by `fields` itself when it is a function (a failure the
 * form handles its own way), or beside the buttons (`form`) when there is no map.
 *
 * @example
 * const s = useSubmit({
 *   validate: () => (pin === '' ? { pin: 'Enter the PIN of this identity.' } : {}),
 *   send: async () => onDone(await showPhrase(pin)),
 *   fields: { pin: 'pin' },
 * });
 * <form onSubmit={s.onSubmit} noValidate>…<FormActions busy={s.busy} error={s.errors['form']} … /></form>
 */
export function useSubmit<Args extends unknown[] = []>(options: {
  validate?: (...args: Args) => Errors;
  send: (...args: Args) => Promise<unknown>;
  fields?: FieldMap | ((err: unknown) => Errors);
}): Submit<Args> {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const { validate, send, fields } = options;
  const run = async (...args: Args): Promise<void> => {
    const found = validate?.(...args) ?? {};
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await send(...args);
    } catch (err) {
      setErrors(fields === undefined ? { form: messageOf(err) } : typeof fields === 'function' ? fields(err) : errorsFrom(err, fields));
    }
    // After a send that closed its dialog this does nothing: the form is gone.
    setBusy(false);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(...([] as unknown[] as Args));
  };
  return { errors, setErrors, busy, run, onSubmit };
}

/** An error's message, as the page shows it. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
