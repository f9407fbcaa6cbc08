import { useState, type ReactNode } from 'react';
import type { Errors } from '../errors';
import { TextField } from '../ui';
import { MIN_SECRET_LENGTH } from '../../../src/wallet/secrets.js';

// The fields a password or PIN is typed into (one that opens something, or a new one typed twice) and
// the checks a form makes of them before it sends. The fields differ from a TextField only in what the
// browser may do with them (fill in, offer to save).

type SecretProps = { value: string; onChange: (value: string) => void; error: string | undefined; hint?: ReactNode };

/** The password that opens a file, an account or the vault ("Password" unless `label` says whose): the browser's password manager may fill it in. */
export function PasswordField({ label = 'Password', ...p }: SecretProps & { label?: string }) {
  return <TextField label={label} type="password" autoComplete="current-password" {...p} />;
}

/** An identity's PIN ("PIN" unless `label` says whose): never filled in by the browser. */
export function PinField({ label = 'PIN', ...p }: SecretProps & { label?: string }) {
  return <TextField label={label} type="password" autoComplete="off" {...p} />;
}

/** A new password or PIN and the same typed again (see {@link useNewSecret}). */
export type NewSecret = { value: string; setValue: (value: string) => void; repeat: string; setRepeat: (value: string) => void; clear: () => void };

/** The state of a new password or PIN typed twice. */
export function useNewSecret(): NewSecret {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const clear = () => {
    setValue('');
    setRepeat('');
  };
  return { value, setValue, repeat, setRepeat, clear };
}

/**
 * A new password or PIN, then "Repeat …" (`what` names it as in a sentence: "password", "new file
 * password", "PIN"; the first label is the same capitalised). The browser may offer to save it. Its
 * error is `errors[field]`, its repetition's `errors['repeat']` (see {@link newSecretErrors}).
 */
export function NewSecretFields({
  secret,
  errors,
  what = 'password',
  field = 'password',
  hint,
}: {
  secret: NewSecret;
  errors: Errors;
  what?: string;
  field?: 'password' | 'newPassword' | 'pin';
  hint?: ReactNode;
}) {
  const label = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <>
      <TextField label={label} type="password" autoComplete="new-password" value={secret.value} onChange={secret.setValue} error={errors[field]} hint={hint} />
      <TextField
        label={`Repeat ${what}`}
        type="password"
        autoComplete="new-password"
        value={secret.repeat}
        onChange={secret.setRepeat}
        error={errors['repeat']}
      />
    </>
  );
}

/**
 * What is wrong with a new password or PIN, if anything, under `field` (or 'repeat' when the two
 * differ): `empty` when nothing is typed (a form that does not say it apart says `short`), `short`
 * when it has fewer than MIN_SECRET_LENGTH characters (code points, as the vault counts them).
 */
export function newSecretErrors(secret: NewSecret, field: 'password' | 'newPassword' | 'pin', say: { empty?: string; short: string }): Errors {
  const { value, repeat } = secret;
  if (value === '' && say.empty !== undefined) return { [field]: say.empty };
  if ([...value].length < MIN_SECRET_LENGTH) return { [field]: say.short };
  if (repeat !== value) return { repeat: field === 'pin' ? 'The two PINs are not the same.' : 'The two passwords are not the same.' };
  return {};
}

/** Where the server's errors go in a form that opens backup files with their password. */
export const FILE_AND_PASSWORD = { password: 'password', file: 'file' } as const;

/** What a form that opens backup files with their password is missing: the file (`noFile` says it as the form does) and the password. */
export function fileAndPasswordErrors(files: readonly File[], password: string, noFile: string): Errors {
  return {
    ...(files.length === 0 ? { file: noFile } : {}),
    ...(password === '' ? { password: 'Enter the password of the backup file.' } : {}),
  };
}
