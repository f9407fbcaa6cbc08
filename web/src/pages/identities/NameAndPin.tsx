import { apiPost, type Identity } from '../../api';
import type { Errors } from '../../errors';
import { TextField } from '../../ui';
import { NewSecretFields, newSecretErrors, type NewSecret } from '../../components/SecretFields';
import { MIN_SECRET_LENGTH as MIN_PIN } from '../../../../src/wallet/secrets.js';

// What "Create identity" and "Recover identity" both end with: a name and a PIN typed twice, then the identity saved.

/** The problems with the name and the new PIN (and its repetition), if any. */
export function nameAndPinErrors(name: string, pin: NewSecret): Errors {
  return {
    ...(name.trim() === '' ? { name: 'Give the identity a name.' } : {}),
    ...newSecretErrors(pin, 'pin', { short: `A PIN has at least ${MIN_PIN} characters (digits or a passphrase).` }),
  };
}

/** Name + PIN twice. */
export function NameAndPin(p: { name: string; setName: (v: string) => void; pin: NewSecret; errors: Errors }) {
  return (
    <>
      <TextField label="Name" value={p.name} onChange={p.setName} error={p.errors['name']} />
      <NewSecretFields
        what="PIN"
        field="pin"
        secret={p.pin}
        errors={p.errors}
        hint={`At least ${MIN_PIN} characters (digits or a passphrase). It unlocks the phrase.`}
      />
    </>
  );
}

/** POST /api/identities/recover: the phrase sealed under the PIN (a new identity's phrase too). */
export async function identitySave(name: string, mnemonic: string, pin: string): Promise<Identity> {
  return apiPost<Identity>('/api/identities/recover', { name: name.trim(), mnemonic, pin });
}
