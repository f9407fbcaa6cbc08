import { useId } from 'react';
import { apiPost } from '../../api';
import { useSubmit } from '../../hooks';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';
import { FormActions, type Notice } from '../../ui';
import { NewSecretFields, newSecretErrors, useNewSecret } from '../../components/SecretFields';

/**
 * Concordium data an earlier keepsake kept readable in the vault file (before it was sealed, issue 14):
 * what that means, and a password to seal it under now.
 */
export function ConcordiumSealNotice({ readable, onDone }: { readable: number; onDone: (n: Notice) => void }) {
  const heading = useId();
  const password = useNewSecret();
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => newSecretErrors(password, 'password', { short: `The password needs at least ${MIN_SECRET_LENGTH} characters.` }),
    send: async () => {
      const r = await apiPost<{ sealed: number }>('/api/concordium/seal', { password: password.value });
      password.clear();
      onDone({
        kind: 'success',
        title: `Sealed ${r.sealed} Concordium item${r.sealed === 1 ? '' : 's'}.`,
        lines: ['Keep the password: exporting them back to the Concordium Desktop Wallet needs it.'],
      });
    },
    fields: { password: 'password' },
  });
  const items = `${readable} Concordium item${readable === 1 ? '' : 's'}`;
  return (
    <section className="card notice-warning" aria-labelledby={heading}>
      <h3 id={heading}>Seal the Concordium data</h3>
      <p>
        {items} came in before this version of keepsake, and {readable === 1 ? 'is' : 'are'} stored readable: anyone with a copy of the vault file can read
        identity attributes in {readable === 1 ? 'it' : 'them'}. Choose a password to seal {readable === 1 ? 'it' : 'them'} under; exporting to the Concordium
        Desktop Wallet will ask for it.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <div className="two">
          <NewSecretFields secret={password} errors={errors} hint={`At least ${MIN_SECRET_LENGTH} characters.`} />
        </div>
        <FormActions busy={busy} submit="Seal" working="Sealing…" error={errors['form']} />
      </form>
    </section>
  );
}
