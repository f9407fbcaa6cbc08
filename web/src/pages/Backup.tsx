import { useId, useState } from 'react';
import { ApiError, apiPost, filesRead, type BackupExported, type ImportReport } from '../api';
import { countsText, ImportedCounts, ImportItemLine } from './backup/summary';
import { errorsFrom } from '../errors';
import { useSubmit } from '../hooks';
import { errorText } from '../nextStep';
import { MIN_SECRET_LENGTH as MIN_PASSWORD } from '../../../src/wallet/secrets.js';
import { Busy, downloadText, FilePicker, FormActions, outcomeKind, RadioGroup } from '../ui';
import { FILE_AND_PASSWORD, fileAndPasswordErrors, NewSecretFields, newSecretErrors, PasswordField, useNewSecret } from '../components/SecretFields';

export function BackupPage() {
  return (
    <>
      <h1 tabIndex={-1}>Export/Import</h1>
      <p className="intro">
        One password-protected file with your identities, accounts and address book — keepsake’s own format, or the Concordium Desktop Wallet’s.
      </p>
      <ExportSection />
      <ImportSection />
    </>
  );
}

function ExportSection() {
  const heading = useId();
  const password = useNewSecret();
  const [format, setFormat] = useState('keepsake');
  const [concordiumPassword, setConcordiumPassword] = useState('');
  const [done, setDone] = useState('');

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      setDone('');
      return newSecretErrors(password, 'password', { short: `The password needs at least ${MIN_PASSWORD} characters.` });
    },
    send: async () => {
      const concordium = format === 'concordium-desktop' && concordiumPassword !== '' ? { concordiumPassword } : {};
      const r = await apiPost<BackupExported>('/api/backup/export', { password: password.value, format, ...concordium });
      downloadText(r.filename, r.json);
      setDone(`${r.filename} downloaded: ${countsText(r.counts, format)}.`);
      password.clear();
      setConcordiumPassword('');
    },
    // Issue 12 #6: a Concordium Desktop file of a vault without Concordium data would hold nothing.
    fields: (err) =>
      err instanceof ApiError && err.name === 'NothingToExportError'
        ? { form: 'There is nothing to export in this format: the vault holds no Concordium identity, account or address. No file was downloaded.' }
        : errorsFrom(err, { password: 'password', concordiumPassword: 'concordiumPassword' }),
  });

  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Export the whole wallet</h2>
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          legend="File format"
          name="backup-format"
          value={format}
          onChange={setFormat}
          options={[
            {
              value: 'keepsake',
              label: 'keepsake backup',
              hint: '— identities (still under their PINs), accounts (still under their passwords) and the address book',
            },
            { value: 'concordium-desktop', label: 'Concordium Desktop Wallet', hint: '— wallet-export.json, as the desktop wallet’s Export/Import writes it' },
          ]}
        />
        <div className="two">
          <NewSecretFields secret={password} errors={errors} hint={`At least ${MIN_PASSWORD} characters.`} />
        </div>
        {format === 'concordium-desktop' ? (
          <PasswordField
            label="Password of the Concordium file"
            value={concordiumPassword}
            onChange={setConcordiumPassword}
            error={errors['concordiumPassword']}
            hint="keepsake keeps the Concordium data sealed under the password of the file you imported it from. Needed only when that password is not the one above."
          />
        ) : null}
        {busy ? <Busy text="Exporting…" /> : null}
        <div role="status">{done ? <p className="notice notice-success">{done}</p> : null}</div>
        <FormActions busy={busy} submit="Export wallet" error={errors['form']} />
      </form>
    </section>
  );
}

const STATUS_TEXT = { imported: 'imported', replaced: 'replaced', present: 'already present' } as const;

function ImportSection() {
  const heading = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      setReport(null);
      return fileAndPasswordErrors(files, password, 'Pick or drop the backup file.');
    },
    send: async () => {
      setReport(await apiPost<ImportReport>('/api/backup/import', { files: await filesRead(files), password }));
      setPassword('');
    },
    fields: FILE_AND_PASSWORD,
  });

  const counts = report ? (['imported', 'replaced', 'present'] as const).map((s) => [s, report.items.filter((i) => i.status === s).length] as const) : [];

  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Import a backup</h2>
      <form onSubmit={onSubmit} noValidate>
        <FilePicker
          label="Backup file"
          multiple={false}
          files={files}
          onFiles={setFiles}
          error={errors['file']}
          hint="A keepsake backup, a Concordium Desktop Wallet export (wallet-export.json) or a Nova Wallet cloud backup (novawallet_backup.json)."
        />
        <PasswordField value={password} onChange={setPassword} error={errors['password']} />
        <FormActions busy={busy} working="Importing…" submit="Import" error={errors['form']} />
      </form>
      <div role="status" aria-live="polite">
        {report ? (
          <div className={`notice notice-${outcomeKind(report.items.length, report.failed.length)}`} data-testid="import-notice">
            <p className="notice-title">
              Import finished: {counts.map(([s, n]) => `${n} ${STATUS_TEXT[s]}`).join(', ')}
              {report.failed.length > 0 ? `, ${report.failed.length} failed (listed below)` : ''}.
            </p>
            <ImportedCounts items={report.items} />
          </div>
        ) : null}
      </div>
      {report ? (
        <>
          <h3>What the file held</h3>
          {report.items.length === 0 ? <p className="empty">The file held nothing to import.</p> : null}
          <ul className="summary" aria-label="Import summary">
            {report.items.map((item, i) => (
              <li key={i} className={`status-${item.status}`}>
                <ImportItemLine item={item} />
              </li>
            ))}
          </ul>
          {report.notes && report.notes.length > 0 ? (
            // A Nova Wallet backup: what keepsake did not bring in, one sentence each.
            <ul className="summary notes" aria-label="Not brought in">
              {report.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {report.failed.length > 0 ? (
            <ul className="summary failed" aria-label="Not imported">
              {report.failed.map((f, i) => (
                <li key={i}>
                  {f.file}: {errorText(f.error)}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
