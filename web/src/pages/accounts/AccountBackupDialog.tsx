import { useState } from 'react';
import { apiPost, type Account, type Backup } from '../../api';
import type { Errors } from '../../errors';
import { useSubmit } from '../../hooks';
import { Busy, Checkbox, Dialog, downloadText, FormActions, SelectField, TextField, type DialogProps } from '../../ui';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';

/**
 * "Create a backup file for this account": an account with its own password is written under that
 * password; one derived from an identity is opened with the identity's PIN and written under a new
 * file password.
 */
export function AccountBackupDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const identity = account.identity !== null;
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [compat, setCompat] = useState(false);
  const [format, setFormat] = useState('polkadot-js');

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      const found: Errors = {};
      if (identity) {
        if (pin === '') found['pin'] = `Enter the PIN of identity ${account.identity}.`;
        if (password === '') found['password'] = 'Choose a password for the file.';
        else if ([...password].length < MIN_SECRET_LENGTH) found['password'] = `A file password has at least ${MIN_SECRET_LENGTH} characters.`;
        else if (repeat !== password) found['repeat'] = 'The two passwords are not the same.';
      } else if (password === '') found['password'] = `Enter the password of ${account.name}.`;
      return found;
    },
    send: async () => {
      const unlock = identity ? { pin, newPassword: password } : { password };
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
            <TextField
              label="PIN"
              type="password"
              autoComplete="off"
              value={pin}
              onChange={setPin}
              error={errors['pin']}
              hint={`The PIN of identity ${account.identity}.`}
            />
            <TextField
              label="New file password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              error={errors['password']}
              hint={`The file will open with this password. At least ${MIN_SECRET_LENGTH} characters.`}
            />
            <TextField
              label="Repeat new file password"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
              error={errors['repeat']}
            />
          </>
        ) : (
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors['password']}
            hint="The password of this account; the file opens with it."
          />
        )}
        {account.type === 'ethereum' ? (
          <SelectField
            label="File format"
            value={format}
            onChange={setFormat}
            options={[
              { value: 'polkadot-js', label: 'Polkadot{.js} account file' },
              { value: 'ethereum-keystore', label: 'Ethereum keystore (MetaMask, geth)' },
            ]}
          />
        ) : null}
        <Checkbox
          label="Readable by wallets from before mid-2025"
          checked={compat}
          onChange={setCompat}
          hint="Uses the older, lighter key-derivation settings (scrypt N=2^15) that older Polkadot{.js} versions require."
        />
        {busy ? <Busy text="Creating the backup file…" /> : null}
        <FormActions busy={busy} submit="Download backup file" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
