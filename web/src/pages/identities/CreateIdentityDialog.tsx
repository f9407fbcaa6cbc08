import { useEffect, useState, type FormEvent } from 'react';
import { apiPost } from '../../api';
import type { Errors } from '../../errors';
import { messageOf, useSubmit } from '../../hooks';
import { Busy, Dialog, FormActions, Phrase, TextField, type DialogProps } from '../../ui';
import { useNewSecret } from '../../components/SecretFields';
import { identitySave, NameAndPin, nameAndPinErrors } from './NameAndPin';

/** The words asked back after a new phrase is shown (1-based positions). */
const CHECK_POSITIONS = [3, 7, 11] as const;

/** "Create identity", as Parity Signer does it: a new 24-word phrase shown, three of its words asked back, then a name and PIN. */
export function CreateIdentityDialog({ onClose, onDone }: DialogProps) {
  const [step, setStep] = useState<'show' | 'check' | 'save'>('show');
  const [phrase, setPhrase] = useState('');
  const [answers, setAnswers] = useState<string[]>(CHECK_POSITIONS.map(() => ''));
  const [name, setName] = useState('');
  const pin = useNewSecret();

  const save = useSubmit({
    validate: () => nameAndPinErrors(name, pin),
    send: async () => {
      const r = await identitySave(name, phrase, pin.value);
      setPhrase('');
      onDone({ kind: 'success', title: `Identity ${r.name} saved.`, lines: ['Use “Derive account” to add an account for a network.'] });
    },
    fields: { pin: 'pin', name: 'name', phrase: 'form' },
  });
  const { errors, setErrors, busy } = save;

  useEffect(() => {
    apiPost<{ mnemonic: string }>('/api/identities/generate', { words: 24 }).then(
      (r) => setPhrase(r.mnemonic),
      (err: unknown) => setErrors({ form: messageOf(err) }),
    );
  }, []);

  const words = phrase.split(/\s+/);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    CHECK_POSITIONS.forEach((pos, i) => {
      if ((answers[i] ?? '').trim().toLowerCase() !== words[pos - 1]) {
        found[`word${pos}`] = `This is not word #${pos}. Look at what you wrote down; if it is wrong there, cancel and start again with a new phrase.`;
      }
    });
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('save');
  };

  return (
    <Dialog title="Create identity" onClose={onClose} step={step}>
      {step === 'show' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setStep('check');
          }}
        >
          <div className="warning" role="note">
            <p>
              <strong>Write these 24 words down on paper, in order, and keep them safe.</strong>
            </p>
            <p>
              Anyone who has them controls every account of this identity. keepsake shows them again only after the PIN (“Show Recovery Phrase”); if this vault
              is lost or the PIN forgotten, your written copy is the only way to recover the identity.
            </p>
          </div>
          {phrase ? <Phrase phrase={phrase} /> : errors['form'] ? null : <Busy text="Making a new phrase…" />}
          {errors['form'] ? (
            <p className="field-error" role="alert">
              {errors['form']}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={!phrase}>
              I have written it down
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : step === 'check' ? (
        <form onSubmit={check} noValidate>
          <h3>Re-enter words</h3>
          <p className="hint">To be sure the phrase was written down correctly, type these words from it.</p>
          <div className="three">
            {CHECK_POSITIONS.map((pos, i) => (
              <TextField
                key={pos}
                label={`Word #${pos}`}
                value={answers[i] ?? ''}
                onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
                error={errors[`word${pos}`]}
              />
            ))}
          </div>
          <FormActions busy={false} submit="Check words" onClose={onClose} />
        </form>
      ) : (
        <form onSubmit={save.onSubmit} noValidate>
          <p className="success-text">The words match.</p>
          <NameAndPin name={name} setName={setName} pin={pin} errors={errors} />
          <FormActions busy={busy} working="Saving the identity…" submit="Save identity" onClose={onClose} error={errors['form']} />
        </form>
      )}
    </Dialog>
  );
}
