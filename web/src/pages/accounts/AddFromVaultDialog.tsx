import { useState, type FormEvent } from 'react';
import { ApiError, type KeyType } from '../../api';
import { firstSentence } from '../../components/AddressPreview';
import { QrScanButton } from '../../components/QrScanner';
import { errorsFrom, type Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { Dialog, FormActions, KeyTypeField, PhraseField, TextField, type DialogProps } from '../../ui';
import { NewSecretFields, newSecretErrors, useNewSecret } from '../../components/SecretFields';
import { ACCOUNT_PASSWORD_WORDS, accountAddSend, AddPreview, addDuplicateProblem, addNeedsPassword, useAddChoice, useAddPreview } from './AddPreview';

/**
 * "Add from Polkadot Vault": the text of Vault's "Export private key" QR code (secret:0x…:genesis hash),
 * pasted into the page. Its address and network are shown before anything is saved; the account is
 * kept under a new password, like any added account. "Scan with the camera" reads the QR code itself
 * into the field.
 */
export function AddFromVaultDialog({ onClose, onDone }: DialogProps) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [type, setType] = useState<KeyType>('sr25519');
  const password = useNewSecret();
  const preview = useAddPreview({ suri: text, type, network: 'substrate', vaultText: true });
  const [choice, setChoice] = useAddChoice(preview);
  const needsPassword = addNeedsPassword(preview.preview, choice);

  const add = useSubmit({
    send: async () => {
      onDone(await accountAddSend({ name: name.trim(), vaultText: text.trim(), type }, { needsPassword, password: password.value, choice }));
    },
    fields: (err) => {
      if (err instanceof ApiError && err.name === 'DuplicateAccountError') {
        preview.refresh();
        return { text: firstSentence(err.message) };
      }
      return errorsFrom(err, { password: 'password', phrase: 'text', name: 'name' });
    },
  });
  const { errors, setErrors, busy } = add;

  const save = (e: FormEvent) => {
    const found: Errors = {};
    if (name.trim() === '') found['name'] = 'Give the account a name.';
    if (text.trim() === '') found['text'] = 'Paste the text of the "Export private key" QR code from Polkadot Vault.';
    if (needsPassword) Object.assign(found, newSecretErrors(password, 'password', ACCOUNT_PASSWORD_WORDS));
    const duplicate = addDuplicateProblem(preview.preview, choice);
    if (duplicate) found['text'] = duplicate;
    if (Object.keys(found).length > 0) {
      e.preventDefault();
      setErrors(found);
      return;
    }
    add.onSubmit(e);
  };

  return (
    <Dialog title="Add from Polkadot Vault" onClose={onClose}>
      <form onSubmit={save} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={errors['name']} />
        <div className="vault-text">
          <PhraseField
            label="Key text from Polkadot Vault"
            value={text}
            onChange={setText}
            error={errors['text']}
            hint={
              'In Polkadot Vault, open the key and choose "Export private key"; paste the text its QR code holds (it starts with secret:0x). Anyone who sees it controls the account.'
            }
          />
          <QrScanButton
            label='Hold the "Export private key" QR code of Polkadot Vault up to the camera.'
            instead="paste the text of the QR code"
            check={(read) =>
              /^secret:0x[0-9a-f]+:/i.test(read.trim()) ? undefined : 'That QR code is not a key from Polkadot Vault: its text does not start with secret:0x.'
            }
            onRead={(read) => setText(read.trim())}
          />
        </div>
        <AddPreview state={preview} choice={choice} onChoice={setChoice} />
        {needsPassword ? <NewSecretFields secret={password} errors={errors} hint={ACCOUNT_PASSWORD_WORDS.hint} /> : null}
        <KeyTypeField
          value={type}
          onChange={setType}
          hint="Polkadot Vault does not put the key type in the text: sr25519 unless the key was made as another type."
        />
        <FormActions busy={busy} submit="Add account" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
