import { useId, useState } from 'react';
import { apiPost, type VaultView } from '../../api';
import { NewSecretFields, newSecretErrors, useNewSecret } from '../../components/SecretFields';
import { useSubmit } from '../../hooks';
import { Dialog, FormActions } from '../../ui';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';

/**
 * The offer of a vault password to a vault that has none: recommended, and skippable ("Not now"
 * stops the offer; it can be set later with `keepsake vault lock`). What it protects and what it
 * does not is said before it is set.
 */
export function VaultPasswordOffer({ onChange }: { onChange: (vault: VaultView) => void }) {
  const heading = useId();
  const [open, setOpen] = useState(false);
  const decline = useSubmit({ send: async () => onChange(await apiPost<VaultView>('/api/vault/offer-declined', {})) });
  return (
    <section className="notice offer" aria-labelledby={heading}>
      <h2 id={heading}>Protect this vault with a password (recommended)</h2>
      <p>Without one, anyone who copies the vault file from this computer can read your account names, addresses and address book.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          Set a vault password…
        </button>
        <button type="button" disabled={decline.busy} onClick={() => void decline.run()}>
          Not now
        </button>
      </div>
      {decline.errors['form'] ? <p role="alert">{decline.errors['form']}</p> : null}
      {open ? <VaultPasswordDialog onClose={() => setOpen(false)} onDone={onChange} /> : null}
    </section>
  );
}

/** Sets the vault password: the whole vault file is encrypted with it. */
function VaultPasswordDialog({ onClose, onDone }: { onClose: () => void; onDone: (vault: VaultView) => void }) {
  return (
    <Dialog title="Set a vault password" onClose={onClose}>
      <VaultPasswordForm onDone={onDone} onClose={onClose} />
    </Dialog>
  );
}

/** What a vault password protects and what it does not, and the new password typed twice (the offer's dialog, the Vault page). */
export function VaultPasswordForm({ onDone, onClose }: { onDone: (vault: VaultView) => void; onClose?: () => void }) {
  const secret = useNewSecret();
  const { errors, busy, onSubmit } = useSubmit({
    validate: () =>
      newSecretErrors(secret, 'password', { empty: 'Choose a vault password.', short: `A vault password has at least ${MIN_SECRET_LENGTH} characters.` }),
    send: async () => {
      const locked = await apiPost<VaultView>('/api/vault/password', { password: secret.value });
      secret.clear();
      onDone(locked);
    },
    fields: { password: 'password' },
  });
  return (
    <>
      <p>
        The whole vault file is encrypted with it: a copy shows no name, address or address-book entry. Your accounts keep their own passwords and your
        identities their PINs — this is one more lock, not a replacement. keepsake asks for it each time it starts, and locks the vault again when you press
        “Lock now” or leave it unused for a while.
      </p>
      <p>If you forget it, the vault cannot be opened. Keep a backup of everything (Export/Import), which has a password of its own.</p>
      <form onSubmit={onSubmit} noValidate>
        <NewSecretFields secret={secret} errors={errors} what="vault password" />
        <FormActions busy={busy} working="Encrypting the vault…" submit="Set vault password" {...(onClose ? { onClose } : {})} error={errors['form']} />
      </form>
    </>
  );
}
