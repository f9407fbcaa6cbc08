import { useState } from 'react';
import { apiPost, type Account, type Backup } from '../../api';
import type { Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { Checkbox, Dialog, downloadText, FormActions, SelectField, type DialogProps, type Option } from '../../ui';
import { NewSecretFields, newSecretErrors, PasswordField, PinField, useNewSecret } from '../../components/SecretFields';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';

/** The files an Ethereum account can be written to. */
const ETHEREUM_FORMATS: readonly Option[] = [
  { value: 'polkadot-js', label: 'Polkadot{.js} account file' },
  { value: 'ethereum-keystore', label: 'Ethereum keystore (MetaMask, geth)' },
];

/**
 * "Create a backup file for this account": an account with its own password is written under that
 * password; one derived from an identity is opened with the identity's PIN and written under a new
 * file password.
 */
export function AccountBackupDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const identity = account.identity !== null;
  // Its own password, or (derived from an identity) the new file password typed twice.
  const password = useNewSecret();
  const [pin, setPin] = useState('');
  const [compat, setCompat] = useState(false);
  const [format, setFormat] = useState('polkadot-js');

  const { errors, busy, onSubmit } = useSubmit({
    validate: (): Errors => {
      if (!identity) return password.value === '' ? { password: `Enter the password of ${account.name}.` } : {};
      return {
        ...(pin === '' ? { pin: `Enter the PIN of identity ${account.identity}.` } : {}),
        ...newSecretErrors(password, 'password', {
          empty: 'Choose a password for the file.',
          short: `A file password has at least ${MIN_SECRET_LENGTH} characters.`,
        }),
      };
    },
    send: async () => {
      const unlock = identity ? { pin, newPassword: password.value } : { password: password.value };
      const r = await apiPost<Backup>('/api/accounts/export', { address: account.address, ...unlock, kdf: compat ? 'compat' : 'default', format });
      downloadText(r.filename, r.json);
      onDone({
        kind: 'success',
        title: `Backup file ${r.filename} downloaded.`,
        lines: [identity ? 'It opens with the new password you chose.' : `It opens with the password of ${account.name}.`],
      });
    },
    fields: identity ? { pin: 'pin', newPassword: 'password' } : { password: 'password' },
  });

  return (
    <Dialog title={`Create a backup file for ${account.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint mono-wrap">{account.address}</p>
        {identity ? (
          <>
            <PinField value={pin} onChange={setPin} error={errors['pin']} hint={`The PIN of identity ${account.identity}.`} />
            <NewSecretFields
              what="new file password"
              secret={password}
              errors={errors}
              hint={`The file will open with this password. At least ${MIN_SECRET_LENGTH} characters.`}
            />
          </>
        ) : (
          <PasswordField
            value={password.value}
            onChange={password.setValue}
            error={errors['password']}
            hint="The password of this account; the file opens with it."
          />
        )}
        {account.type === 'ethereum' ? <SelectField label="File format" value={format} onChange={setFormat} options={ETHEREUM_FORMATS} /> : null}
        <Checkbox
          label="Readable by wallets from before mid-2025"
          checked={compat}
          onChange={setCompat}
          hint="Uses the older, lighter key-derivation settings (scrypt N=2^15) that older Polkadot{.js} versions require."
        />
        <FormActions busy={busy} working="Creating the backup file…" submit="Download backup file" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
