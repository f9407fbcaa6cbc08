import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiPost, type KeyType, type Network } from '../../api';
import { AddressPreview, firstSentence } from '../../components/AddressPreview';
import { errorsFrom, type Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { networkChoices } from '../../networks';
import { Busy, Dialog, FormActions, KeyTypeField, PhraseField, SelectField, TextField, type DialogProps } from '../../ui';
import { NewSecretFields, newSecretErrors, useNewSecret } from '../../components/SecretFields';
import { ACCOUNT_PASSWORD_WORDS, accountAddSend, AddPreview, addDuplicateProblem, addNeedsPassword, useAddChoice, useAddPreview } from './AddPreview';

/**
 * "Add account", as the Polkadot-JS Apps guide walks it: name, password, the generated phrase (or the
 * user's own) → "Save" → a confirmation → "Create and backup account" adds it and downloads its file.
 */
export function AddAccountDialog({ networks, onClose, onDone }: DialogProps & { networks: Network[] }) {
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [name, setName] = useState('');
  const password = useNewSecret();
  const [phrase, setPhrase] = useState('');
  const [type, setType] = useState<KeyType>('sr25519');
  const [network, setNetwork] = useState('substrate');
  const preview = useAddPreview({ suri: phrase, type, network });
  const [choice, setChoice] = useAddChoice(preview);
  const needsPassword = addNeedsPassword(preview.preview, choice);

  const create = useSubmit({
    send: async () => {
      onDone(await accountAddSend({ name: name.trim(), suri: phrase.trim(), type, network }, { needsPassword, password: password.value, choice }));
    },
    // Back to the form, with the problem next to the field it concerns. Added meanwhile (another
    // tab): the preview says so again, with the way to update it.
    fields: (err) => {
      setStep('form');
      if (!(err instanceof ApiError && err.name === 'DuplicateAccountError')) return errorsFrom(err, { password: 'password', phrase: 'phrase', name: 'name' });
      preview.refresh();
      return { phrase: firstSentence(err.message) };
    },
  });
  const { errors, setErrors, busy } = create;

  const generate = useCallback(async () => {
    try {
      setPhrase((await apiPost<{ mnemonic: string }>('/api/identities/generate', { words: 12 })).mnemonic);
    } catch (err) {
      setErrors(errorsFrom(err, { phrase: 'phrase' }));
    }
  }, []);
  useEffect(() => {
    void generate();
  }, [generate]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (name.trim() === '') found['name'] = 'Give the account a name.';
    // Without a password only the name and network of the account already in the vault change.
    if (needsPassword) {
      Object.assign(found, newSecretErrors(password, 'password', ACCOUNT_PASSWORD_WORDS));
    }
    if (phrase.trim() === '') found['phrase'] = 'Enter the secret phrase of the account (or keep the generated one).';
    const duplicate = addDuplicateProblem(preview.preview, choice);
    if (duplicate) found['phrase'] = duplicate;
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('confirm');
  };

  if (step === 'confirm') {
    return (
      <Dialog title="Add account" onClose={onClose} step={step}>
        <form onSubmit={create.onSubmit} noValidate>
          <h3>Important</h3>
          <div className="warning" role="note">
            <p>
              Keep the secret phrase written down, and keep the backup file this creates together with its password. Without them the account cannot be restored
              if this vault is lost.
            </p>
          </div>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{name.trim()}</dd>
            <dt>Key type</dt>
            <dd>{type}</dd>
            <dt>Network</dt>
            <dd>{network}</dd>
          </dl>
          {preview.preview ? <AddressPreview preview={preview.preview} /> : null}
          {busy ? <Busy text="Adding the account…" /> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {choice === 'refuse' ? 'Create and backup account' : 'Update the existing account'}
            </button>
            <button type="button" onClick={() => setStep('form')} disabled={busy}>
              Back
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title="Add account" onClose={onClose} step={step}>
      <form onSubmit={save} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <PhraseField
          label="Secret phrase"
          value={phrase}
          onChange={setPhrase}
          error={errors['phrase']}
          hint="A new 12-word phrase was made for you: write it down, in order, on paper. To add an account you already have, replace it with your own phrase (or seed, with a derivation path if it had one)."
        />
        <div className="inline-actions">
          <button type="button" className="small" onClick={() => void generate()}>
            Generate a new phrase
          </button>
        </div>
        <AddPreview state={preview} choice={choice} onChoice={setChoice} />
        {needsPassword ? <NewSecretFields secret={password} errors={errors} hint={ACCOUNT_PASSWORD_WORDS.hint} /> : null}
        <div className="two">
          <KeyTypeField value={type} onChange={setType} hint="It must match the wallet the phrase comes from (Polkadot{.js}: sr25519)." />
          <SelectField label="Network" value={network} onChange={setNetwork} {...networkChoices(networks)} hint="The format its address is shown in." />
        </div>
        <FormActions busy={busy} submit="Save" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
