import { apiPost, type Identity } from '../../api';
import type { Errors } from '../../errors';
import { TextField } from '../../ui';
import { MIN_SECRET_LENGTH as MIN_PIN } from '../../../../src/wallet/secrets.js';

// What "Create identity" and "Recover identity" both end with: a name and a PIN typed twice, then the identity saved.

/** The problem with a new PIN and its repetition, if any. */
export function pinErrors(pin: string, repeat: string): Errors {
  if ([...pin].length < MIN_PIN) return { pin: `A PIN has at least ${MIN_PIN} characters (digits or a passphrase).` };
  if (repeat !== pin) return { repeat: 'The two PINs are not the same.' };
  return {};
}

/** Name + PIN twice. */
export function NameAndPin(p: {
  name: string;
  setName: (v: string) => void;
  pin: string;
  setPin: (v: string) => void;
  repeat: string;
  setRepeat: (v: string) => void;
  errors: Errors;
}) {
  return (
    <>
      <TextField label="Name" value={p.name} onChange={p.setName} error={p.errors['name']} />
      <TextField
        label="PIN"
        type="password"
        autoComplete="new-password"
        value={p.pin}
        onChange={p.setPin}
        error={p.errors['pin']}
        hint={`At least ${MIN_PIN} characters (digits or a passphrase). It unlocks the phrase.`}
      />
      <TextField label="Repeat PIN" type="password" autoComplete="new-password" value={p.repeat} onChange={p.setRepeat} error={p.errors['repeat']} />
    </>
  );
}

/** POST /api/identities/recover: the phrase sealed under the PIN (a new identity's phrase too). */
export async function identitySave(name: string, mnemonic: string, pin: string): Promise<Identity> {
  return apiPost<Identity>('/api/identities/recover', { name: name.trim(), mnemonic, pin });
}
