import { useEffect, useState } from 'react';
import { ApiError, apiGet, apiPost, type ExportAllPlan as Plan, type ExportedAll } from '../../api';
import { errorsFrom, type Errors } from '../../errors';
import { messageOf, useSubmit } from '../../hooks';
import { Busy, Dialog, downloadText, FormActions, outcomeKind, plural, type DialogProps } from '../../ui';
import { NewSecretFields, newSecretErrors, PinField, useNewSecret } from '../../components/SecretFields';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';

/**
 * "Export all" (the Polkadot{.js} extension's batch file) — issue 12 #4: nothing is left out
 * silently. Accounts derived from an identity go in when its PIN is given here (once per identity;
 * they are locked with the file's password); otherwise, and for watch-only accounts the format
 * cannot hold, each one left out is named, before and after. A vault with nothing to export gets a
 * sentence saying so, and no file.
 */
export function ExportAllDialog({ onClose, onDone }: DialogProps) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [empty, setEmpty] = useState('');
  const password = useNewSecret();
  const [pins, setPins] = useState<Record<number, string>>({});

  const { errors, setErrors, busy, onSubmit } = useSubmit({
    validate: () =>
      newSecretErrors(password, 'password', {
        empty: 'Choose a password for the file.',
        short: `A batch password has at least ${MIN_SECRET_LENGTH} characters.`,
      }),
    send: async () => {
      const given = Object.entries(pins)
        .filter(([, pin]) => pin !== '')
        .map(([identity, pin]) => ({ identity: Number(identity), pin }));
      const r = await apiPost<ExportedAll>('/api/accounts/export-all', { password: password.value, pins: given });
      downloadText(r.filename, r.json);
      const lines = [
        ...(r.count > r.fromIdentities ? ['Each account with its own password keeps it inside the file.'] : []),
        ...(r.fromIdentities > 0
          ? [`${plural(r.fromIdentities, 'account')} derived from identities ${r.fromIdentities === 1 ? 'is' : 'are'} locked with the file’s password.`]
          : []),
        ...r.leftOut.map((l) => `Left out: ${l.name} (${l.address}) — ${l.message}.`),
      ];
      const title = `${plural(r.count, 'account')} exported to ${r.filename}${r.leftOut.length > 0 ? `; ${plural(r.leftOut.length, 'account')} left out` : ''}.`;
      // Accounts the file could not hold make the export a partial one: a warning that names each.
      onDone({ kind: outcomeKind(r.count, r.leftOut.length), title, lines });
    },
    fields: (err) => pinErrors(err, plan?.identities ?? []),
  });

  useEffect(() => {
    apiGet<Plan>('/api/accounts/export-all/plan')
      .then(setPlan)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.name === 'NothingToExportError') setEmpty(/watch-only/.test(err.message) ? EMPTY_WATCH_ONLY : EMPTY);
        else setErrors({ form: messageOf(err) });
      });
  }, []);

  if (empty !== '') {
    return (
      <Dialog title="Export all accounts" onClose={onClose}>
        <p role="alert">{empty}</p>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Export all accounts" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="note">This password locks the file as a whole; each account inside keeps its own password.</p>
        <NewSecretFields secret={password} errors={errors} />
        {plan === null ? (
          errors['form'] ? null : (
            <Busy text="Checking what the file will hold…" />
          )
        ) : (
          <>
            {plan.identities.length > 0 ? (
              <fieldset className="identity-pins">
                <legend>Accounts derived from identities</legend>
                <p className="hint">
                  They have no password of their own: with the identity’s PIN they go in the file, locked with the password above. Leave a PIN empty to leave
                  that identity’s accounts out.
                </p>
                {plan.identities.map((i) => (
                  <PinField
                    key={i.id}
                    label={`PIN of identity ${i.name}`}
                    value={pins[i.id] ?? ''}
                    onChange={(v) => setPins((p) => ({ ...p, [i.id]: v }))}
                    error={errors[`pin-${i.id}`]}
                    hint={`${plural(i.accounts, 'account')} derived from it.`}
                  />
                ))}
              </fieldset>
            ) : null}
            {plan.leftOut.length > 0 ? (
              <div className="warning" role="note">
                <p>{plural(plan.leftOut.length, 'account')} cannot go in this file:</p>
                <ul aria-label="Left out of the file">
                  {plan.leftOut.map((l) => (
                    <li key={l.address}>
                      {l.name} ({l.address}) — {l.message}.
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        )}
        {busy ? <Busy text="Exporting…" /> : null}
        <FormActions busy={busy || plan === null} submit="Download file" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

const EMPTY = 'There is nothing to export: the vault has no accounts yet. No file was downloaded.';
const EMPTY_WATCH_ONLY =
  'There is nothing to export: the vault holds only watch-only accounts (an address without its key), which this file cannot hold. No file was downloaded.';

/** A wrong PIN goes next to its identity's field (the message names the identity); anything else where errorsFrom puts it. */
function pinErrors(err: unknown, identities: Plan['identities']): Errors {
  const errors = errorsFrom(err, { password: 'password', pin: 'pin' });
  if (errors['pin'] === undefined) return errors;
  const named = identities.find((i) => errors['pin']!.includes(`"${i.name}"`));
  return named ? { [`pin-${named.id}`]: errors['pin'] } : { form: errors['pin'] };
}
