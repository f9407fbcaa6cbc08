import { useId, useState } from 'react';
import { apiPost, filesRead, type InspectReport, type Kdf, type VerifyReport } from '../api';
import { errorsFrom } from '../errors';
import { useSubmit } from '../hooks';
import { nextStepText } from '../nextStep';
import { Busy, FilePicker, FormActions } from '../ui';
import { FILE_AND_PASSWORD, fileAndPasswordErrors, PasswordField } from '../components/SecretFields';
import { AccountsReport, BackupReport } from './verify/Report';

function kdfText(kdf: Kdf | null): string {
  if (kdf === null) return 'none';
  switch (kdf.name) {
    case 'scrypt':
      return `scrypt, N = 2^${Math.log2(kdf.N)} (${kdf.N}), r = ${kdf.r}, p = ${kdf.p}`;
    case 'pbkdf2-sha256':
      return `PBKDF2-HMAC-SHA256, ${kdf.iterations} iterations`;
    case 'none':
      return 'none (the key is not encrypted)';
    case 'legacy-password':
      return 'the legacy Polkadot{.js} password key (no key derivation)';
  }
}

export function VerifyPage() {
  const aboutHeading = useId();
  const resultHeading = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [inspect, setInspect] = useState<InspectReport | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<VerifyReport | null>(null);

  const { errors, setErrors, busy, onSubmit } = useSubmit({
    validate: () => {
      setReport(null);
      return fileAndPasswordErrors(files, password, 'Pick or drop the backup file to check.');
    },
    send: async () => setReport(await apiPost<VerifyReport>('/api/verify', { files: await filesRead(files), password })),
    fields: FILE_AND_PASSWORD,
  });

  const pick = async (chosen: File[]) => {
    setFiles(chosen);
    setInspect(null);
    setReport(null);
    setErrors({});
    if (chosen.length === 0) return;
    setInspecting(true);
    try {
      setInspect(await apiPost<InspectReport>('/api/inspect', { files: await filesRead(chosen) }));
    } catch (err) {
      setErrors(errorsFrom(err, { file: 'file' }));
    }
    setInspecting(false);
  };

  return (
    <>
      <h1 tabIndex={-1}>Verify a backup</h1>
      <p className="intro">
        Check that a backup file opens with its password and that every key in it matches its address — before you need it. <strong>Nothing is imported</strong>
        : no account or identity is added or changed. A file that opens is remembered on the <a href="#backups">Backups</a> page (its name and what it holds,
        never its content).
      </p>
      <form className="card" onSubmit={onSubmit} noValidate>
        <FilePicker label="Backup file" multiple={false} files={files} onFiles={(f) => void pick(f)} error={errors['file']} />
        {inspecting ? <Busy text="Reading the file…" /> : null}
        {inspect ? (
          <section className="about" aria-labelledby={aboutHeading}>
            <h2 id={aboutHeading}>About this file</h2>
            <dl className="facts">
              <dt>Format</dt>
              <dd>
                {inspect.label}
                {inspect.version ? ` (version ${inspect.version})` : ''}
              </dd>
              <dt>Encrypted</dt>
              <dd>{inspect.encrypted ? 'yes' : 'no'}</dd>
              <dt>Key derivation</dt>
              <dd>{kdfText(inspect.kdf)}</dd>
              {inspect.olderWallets !== null ? (
                <>
                  <dt>Older wallets</dt>
                  <dd>
                    {inspect.olderWallets
                      ? 'Wallets from before mid-2025 can open it.'
                      : 'Wallets from before mid-2025 cannot open it (they accept only scrypt N = 2^15).'}
                  </dd>
                </>
              ) : null}
              <dt>Accounts</dt>
              <dd>{inspect.contentsEncrypted ? 'Inside the encrypted part: enter the password and press Verify to list them.' : inspect.accounts.length}</dd>
            </dl>
            {inspect.accounts.length > 0 ? <h3>Accounts in the file</h3> : null}
            {inspect.accounts.length > 0 ? (
              <ul className="summary" aria-label="Accounts in the file">
                {inspect.accounts.map((a, i) => (
                  <li key={i}>
                    <strong>{a.name ?? '(no name)'}</strong> <code className="mono">{a.address}</code>
                    {a.type ? <span className="kind"> {a.type}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {notesOf(inspect).length > 0 ? <h3>Notes</h3> : null}
            {notesOf(inspect).length > 0 ? (
              <ul className="notes" aria-label="Notes">
                {notesOf(inspect).map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        <PasswordField value={password} onChange={setPassword} error={errors['password']} />
        <FormActions busy={busy} working="Checking every account…" submit="Verify" error={errors['form']} />
      </form>
      <div role="status" aria-live="polite">
        {report ? (
          <section className="card" aria-labelledby={resultHeading}>
            <h2 id={resultHeading}>Result</h2>
            {report.items ? <BackupReport report={report} items={report.items} /> : <AccountsReport report={report} />}
          </section>
        ) : null}
      </div>
    </>
  );
}

/** The file's notes, then what to do about it in the browser's words (a step it has words for). */
function notesOf(report: InspectReport): string[] {
  const next = report.next === undefined ? undefined : nextStepText(report.next);
  return next === undefined ? report.notes : [...report.notes, next];
}
