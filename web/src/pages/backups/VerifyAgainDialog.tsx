import { useState } from 'react';
import { apiPost, filesRead, type BackupFileView, type VerifyReport } from '../../api';
import { useSubmit } from '../../hooks';
import { Dialog, FilePicker, FormActions, type DialogProps, type Notice } from '../../ui';
import { FILE_AND_PASSWORD, fileAndPasswordErrors, PasswordField } from '../../components/SecretFields';

/** What a verify found, as the notice after "Verify again". */
function verifiedNotice(name: string, r: Omit<VerifyReport, 'covers'>): Notice {
  const accounts = r.accounts.map((a) => `${a.name ?? '(no name)'} (${a.address}): ${a.ok ? 'its key opens and matches its address' : 'not checked'}`);
  if (!r.restorable) return { kind: 'error', title: `${name} would not restore: it is not counted as a verified backup.`, lines: accounts };
  return {
    kind: r.ok ? 'success' : 'warning',
    title: r.ok ? `${name} opens with its password and every key matches: verified.` : `${name} would restore, but not every key in it could be checked.`,
    lines: accounts,
  };
}

/**
 * "Verify again" of a known backup file: keepsake reads a file it wrote at a known place itself (only
 * its password is asked); a file the browser downloaded is chosen by the user, then verified as on
 * the Verify page (the same file is recognised by its content).
 */
export function VerifyAgainDialog({ file, onClose, onDone }: DialogProps & { file: BackupFileView }) {
  const [files, setFiles] = useState<File[]>([]);
  const [password, setPassword] = useState('');
  const choose = file.path === null;
  const { errors, busy, onSubmit } = useSubmit({
    validate: () =>
      choose
        ? fileAndPasswordErrors(files, password, `Choose the file ${file.name} where your browser saved it.`)
        : password === ''
          ? { password: 'Enter the password of the backup file.' }
          : {},
    send: async () => {
      const report = choose
        ? await apiPost<VerifyReport>('/api/verify', { files: await filesRead(files), password })
        : await apiPost<VerifyReport>('/api/backups/verify-again', { id: file.id, password });
      onDone(verifiedNotice(choose ? (files[0]?.name ?? file.name) : file.name, report));
    },
    // A file that is gone or changed is said beside the buttons when there is no file to pick here.
    fields: choose ? FILE_AND_PASSWORD : { password: 'password' },
  });
  return (
    <Dialog title={`Verify ${file.name} again`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        {choose ? (
          <FilePicker
            label="Backup file"
            multiple={false}
            files={files}
            onFiles={setFiles}
            error={errors['file']}
            hint="The browser downloaded this file, so where it was saved is not known: choose it."
          />
        ) : (
          <p className="hint mono-wrap">{file.path}</p>
        )}
        <PasswordField value={password} onChange={setPassword} error={errors['password']} hint="The password the backup file opens with." />
        <FormActions busy={busy} working="Checking every account…" submit="Verify" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
