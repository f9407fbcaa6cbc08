import { useEffect, useState } from 'react';
import { apiPost, filesRead, type InspectReport, type Network, type RestoreReport } from '../../api';
import { networkChoices } from '../../networks';
import { errorText } from '../../nextStep';
import { useSubmit } from '../../hooks';
import { Identicon } from '../../identicon';
import { Dialog, FilePicker, FormActions, plural, RadioGroup, SelectField, type DialogProps, type Option } from '../../ui';
import { restoreNotice } from './restoreNotice';
import { FILE_AND_PASSWORD, fileAndPasswordErrors, PasswordField } from '../../components/SecretFields';

/** What a chosen file holds, as `/api/inspect` says without its password (or why it could not say). */
type Preview = { state: 'reading' } | { state: 'read'; report: InspectReport } | { state: 'failed'; message: string };

/** What Restore does with an account the vault already holds. */
export const ON_DUPLICATE: readonly Option[] = [
  { value: 'skip', label: 'Keep the one in the vault' },
  { value: 'replace', label: 'Replace it with the one from the file' },
];

/** Files that hold a whole wallet (identities, accounts, address book): Export/Import imports them, not Restore. */
const WHOLE_WALLET = new Set(['keepsake-backup', 'concordium-desktop', 'nova-backup']);

/**
 * "Restore JSON", as the Polkadot{.js} extension walks it: pick the file(s), see which accounts each
 * holds (address, name, key type; read without the password, as the extension shows them), then the
 * password. A result where some files or accounts failed is a warning, not a success. "Network" puts every
 * restored account under the one chosen: nothing in a file tells networks of the same address format
 * apart (AXIA files look like Polkadot ones).
 */
/**
 * The network restored accounts are stored under: "As the file says" (empty), or one the person names —
 * nothing in a file tells apart networks that share an address format.
 */
export function RestoreNetworkField(p: { networks: readonly Network[]; value: string; onChange: (network: string) => void }) {
  return (
    <SelectField
      label="Network"
      value={p.value}
      onChange={p.onChange}
      hint="Where the restored accounts are shown. Files do not tell apart networks that share an address format (an AXIA file reads like a Polkadot one)."
      {...networkChoices(p.networks, { none: 'As the file says' })}
    />
  );
}

export function RestoreDialog({ networks, onClose, onDone }: DialogProps & { networks: readonly Network[] }) {
  const [files, setFiles] = useState<File[]>([]);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [password, setPassword] = useState('');
  const [onDuplicate, setOnDuplicate] = useState('skip');
  const [network, setNetwork] = useState('');

  useEffect(() => {
    let live = true;
    setPreviews(files.map(() => ({ state: 'reading' })));
    files.forEach(async (file, i) => {
      let preview: Preview;
      try {
        const [upload] = await filesRead([file]);
        preview = { state: 'read', report: await apiPost<InspectReport>('/api/inspect', { files: [upload] }) };
      } catch (err) {
        preview = { state: 'failed', message: err instanceof Error ? err.message : String(err) };
      }
      if (live) setPreviews((list) => list.map((p, j) => (j === i ? preview : p)));
    });
    return () => {
      live = false;
    };
  }, [files]);

  const { errors, setErrors, busy, onSubmit } = useSubmit({
    validate: () => fileAndPasswordErrors(files, password, 'Pick or drop at least one backup file.'),
    send: async () => {
      const uploads = await filesRead(files);
      const r = await apiPost<RestoreReport>('/api/restore', { files: uploads, password, onDuplicate, ...(network === '' ? {} : { network }) });
      if (r.restored.length === 0 && r.skipped.length === 0 && r.failed.length > 0) {
        setErrors({ file: r.failed.map((f) => (r.failed.length > 1 ? `${f.file}: ${errorText(f.error)}` : errorText(f.error))).join('\n') });
        return;
      }
      onDone(restoreNotice(r));
    },
    fields: FILE_AND_PASSWORD,
  });

  return (
    <Dialog title="Restore JSON" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint">Polkadot{'{.js}'} account files and “Export all” files, Polkadot-JS Apps lists and Ethereum keystores.</p>
        <FilePicker
          label="Backup files"
          multiple
          files={files}
          onFiles={setFiles}
          error={errors['file']}
          describe={(_file, i) => <FileContents preview={previews[i] ?? { state: 'reading' }} />}
        />
        <PasswordField value={password} onChange={setPassword} error={errors['password']} hint="The password the files were saved with." />
        <RestoreNetworkField networks={networks} value={network} onChange={setNetwork} />
        <RadioGroup legend="If an account is already in the vault" name="on-duplicate" value={onDuplicate} onChange={setOnDuplicate} options={ON_DUPLICATE} />
        <FormActions busy={busy} working={`Restoring ${plural(files.length, 'file')}…`} submit="Restore" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

/** The accounts a chosen file holds (or what it is when it holds none Restore can add). */
function FileContents({ preview }: { preview: Preview }) {
  if (preview.state === 'reading') return <p className="file-about hint">Reading…</p>;
  if (preview.state === 'failed') return <p className="file-about file-problem">{preview.message}</p>;
  const { report } = preview;
  if (WHOLE_WALLET.has(report.format)) {
    return <p className="file-about file-problem">{report.label}: a whole-wallet backup. Use Export/Import → Import for it.</p>;
  }
  if (report.format === 'concordium-mobile') {
    return <p className="file-about file-problem">{report.label}: keepsake cannot restore it (its keys come from the mobile wallet’s own recovery phrase).</p>;
  }
  return (
    <div className="file-about">
      <p className="hint">
        {report.label}, {plural(report.accounts.length, 'account')}:
      </p>
      <ul className="file-accounts" aria-label="Accounts in this file">
        {report.accounts.map((a, i) => (
          <li key={`${i}-${a.address}`}>
            <Identicon publicKey={a.address} address={a.address} size={28} />
            <span className="file-account">
              <span className="file-account-name">{a.name ?? 'no name'}</span>
              {a.type ? <span className="meta"> {a.type}</span> : null}
              {a.network ? (
                <span className="meta">
                  {' '}
                  {a.network.label}
                  {a.network.also.length > 0 ? ` (also ${a.network.also.map((n) => n.label).join(', ')})` : ''}
                </span>
              ) : null}
              <code className="mono">{a.address}</code>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
