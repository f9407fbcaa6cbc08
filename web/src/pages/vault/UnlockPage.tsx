import { useState } from 'react';
import { apiPost, type VaultView } from '../../api';
import { useSubmit } from '../../hooks';
import { FormActions } from '../../ui';
import { PasswordField } from '../../components/SecretFields';

/**
 * What a locked vault shows instead of the wallet: its password, which opens the vault in the
 * keepsake process on this machine (kept in its memory only, until "Lock now" or a while unused).
 */
export function UnlockPage({ vault, onUnlocked }: { vault: VaultView; onUnlocked: (vault: VaultView) => void }) {
  const [password, setPassword] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (password === '' ? { password: 'Enter the vault password.' } : {}),
    send: async () => {
      const opened = await apiPost<VaultView>('/api/vault/unlock', { password });
      setPassword('');
      onUnlocked(opened);
    },
    fields: { password: 'password' },
  });
  return (
    <main className="page">
      <h1 tabIndex={-1}>Unlock the vault</h1>
      <p>
        This vault is locked with a vault password: its file, <code>{vault.file}</code>, is encrypted, so a copy of it shows nothing. Enter the vault password
        to open it. It stays open in keepsake on this computer until you lock it or leave it unused for a while.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <PasswordField label="Vault password" value={password} onChange={setPassword} error={errors['password']} />
        <FormActions busy={busy} working="Opening the vault…" submit="Unlock" error={errors['form']} />
      </form>
    </main>
  );
}
