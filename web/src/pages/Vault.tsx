import { useId, useState } from 'react';
import { apiPost, type VaultView } from '../api';
import { NewSecretFields, newSecretErrors, PasswordField, useNewSecret } from '../components/SecretFields';
import { useSubmit } from '../hooks';
import { FormActions } from '../ui';
import { useVault } from '../vaultContext';
import { MIN_SECRET_LENGTH } from '../../../src/wallet/secrets.js';
import { VaultPasswordForm } from './vault/VaultPasswordOffer';

/** The vault file itself: whether a vault password encrypts it; set, change or remove that password. */
export function VaultPage() {
  const { vault, setVault } = useVault();
  return (
    <>
      <h1 tabIndex={-1}>Vault</h1>
      <p className="intro">
        Everything keepsake holds is in one file on this computer: <code>{vault.file}</code>.{' '}
        {vault.encrypted
          ? 'A vault password encrypts the whole file: a copy of it shows no name, address or address-book entry.'
          : 'It has no vault password: anyone who copies the file can read account names, addresses and the address book (keys stay locked with their own passwords, identities under their PINs).'}
      </p>
      {vault.encrypted ? (
        <>
          <ChangeSection onDone={setVault} />
          <RemoveSection onDone={setVault} />
        </>
      ) : (
        <SetSection onDone={setVault} />
      )}
    </>
  );
}

function SetSection({ onDone }: { onDone: (vault: VaultView) => void }) {
  const heading = useId();
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Set a vault password</h2>
      <VaultPasswordForm onDone={onDone} />
    </section>
  );
}

function ChangeSection({ onDone }: { onDone: (vault: VaultView) => void }) {
  const heading = useId();
  const [current, setCurrent] = useState('');
  const next = useNewSecret();
  const [done, setDone] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      setDone('');
      return {
        ...(current === '' ? { password: 'Enter the vault password it has now.' } : {}),
        ...newSecretErrors(next, 'newPassword', {
          empty: 'Choose the new vault password.',
          short: `A vault password has at least ${MIN_SECRET_LENGTH} characters.`,
        }),
      };
    },
    send: async () => {
      onDone(await apiPost<VaultView>('/api/vault/change-password', { password: current, newPassword: next.value }));
      setCurrent('');
      next.clear();
      setDone('The vault password was changed.');
    },
    fields: { password: 'password', newPassword: 'newPassword' },
  });
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Change the vault password</h2>
      <form onSubmit={onSubmit} noValidate>
        <PasswordField label="Current vault password" value={current} onChange={setCurrent} error={errors['password']} />
        <NewSecretFields secret={next} errors={errors} what="new vault password" field="newPassword" />
        <FormActions busy={busy} working="Encrypting the vault with the new password…" submit="Change vault password" error={errors['form']} />
      </form>
      {done === '' ? null : (
        <p className="notice" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

function RemoveSection({ onDone }: { onDone: (vault: VaultView) => void }) {
  const heading = useId();
  const [current, setCurrent] = useState('');
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (current === '' ? { password: 'Enter the vault password.' } : {}),
    send: async () => onDone(await apiPost<VaultView>('/api/vault/remove-password', { password: current })),
    fields: { password: 'password' },
  });
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Remove the vault password</h2>
      <p>The file is written again without encryption: anyone who copies it can then read account names, addresses and the address book.</p>
      <form onSubmit={onSubmit} noValidate>
        <PasswordField label="Vault password to remove" value={current} onChange={setCurrent} error={errors['password']} />
        <FormActions busy={busy} working="Writing the vault without encryption…" submit="Remove vault password" danger error={errors['form']} />
      </form>
    </section>
  );
}
