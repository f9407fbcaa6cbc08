import { useState } from 'react';
import { apiPost, type Account, type AccountVerified } from '../../api';
import { useSubmit } from '../../hooks';
import { Dialog, FormActions, type DialogProps } from '../../ui';
import { PasswordField } from '../../components/SecretFields';

/**
 * "Verify" on an unchecked account: an account restored from an "Export all" file whose entry kept
 * its own password, so its key could not be checked then. Its password opens the key the wallet
 * holds; the key is checked against the address and the account is recorded as checked.
 */
export function VerifyAccountDialog({ account, onClose, onDone }: DialogProps & { account: Account }) {
  const [password, setPassword] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (password === '' ? { password: `Enter the password of ${account.name}.` } : {}),
    send: async () => {
      const r = await apiPost<AccountVerified>('/api/accounts/verify', { address: account.address, password });
      onDone({ kind: 'success', title: `${r.name} is checked: its key opens with this password and matches its address.` });
    },
    fields: { password: 'password' },
  });

  return (
    <Dialog title={`Verify ${account.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint mono-wrap">{account.address}</p>
        <p>
          Its key could not be checked when it was restored: it is locked with a password of its own. Enter that password to check that the key matches the
          address.
        </p>
        <PasswordField
          value={password}
          onChange={setPassword}
          error={errors['password']}
          hint="The password this account had in the wallet it was exported from."
        />
        <FormActions busy={busy} working="Checking the key…" submit="Verify" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
