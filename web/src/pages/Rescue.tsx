import { useId, useState } from 'react';
import { apiPost, type ImportReport, type RescueAccount, type RescueScan, type RescueStore, type RestoreReport } from '../api';
import { useSubmit } from '../hooks';
import { Checkbox, FormActions, Notices, plural, RadioGroup, TextField, type Notice } from '../ui';
import { PasswordField } from '../components/SecretFields';
import { useNetworks } from '../networks';
import { ON_DUPLICATE, RestoreNetworkField } from './accounts/RestoreDialog';
import { restoreNotice } from './accounts/restoreNotice';
import { ImportedCounts } from './backup/summary';

/**
 * "Find wallets" (issue 15): accounts browser extensions keep on this computer, found without a backup
 * file — live, and deleted ones still on disk — and restored into the vault as Restore JSON does;
 * the Concordium Desktop Wallet's database, imported with its password.
 */
export function RescuePage() {
  const [scan, setScan] = useState<RescueScan | null>(null);
  const [folder, setFolder] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const heading = useId();
  const { errors, busy, onSubmit } = useSubmit({
    send: async () => {
      setScan(null);
      setScan(await apiPost<RescueScan>('/api/rescue/scan', folder.trim() === '' ? {} : { dirs: [folder.trim()] }));
    },
    fields: { path: 'folder' },
  });
  return (
    <>
      <h1 tabIndex={-1}>Find wallets</h1>
      <p className="intro">
        Browser extensions such as Polkadot{'{.js}'} keep each account on this computer, still locked with its own password — also accounts an update wiped or a
        popup that no longer opens. keepsake finds them without a backup file, and only reads the browsers’ files.
      </p>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      <section className="card" aria-labelledby={heading}>
        <h2 id={heading}>Search this computer</h2>
        <form onSubmit={onSubmit} noValidate>
          <TextField
            label="Folder to search (optional)"
            value={folder}
            onChange={setFolder}
            error={errors['folder']}
            hint="Leave it empty to search this computer’s browsers (Chrome, Chromium, Brave, Edge, Vivaldi, Opera), every profile. Or give the folder of a browser or profile copied from another disk."
          />
          <FormActions busy={busy} working="Searching…" submit="Search" error={errors['form']} />
        </form>
      </section>
      {scan ? <Results scan={scan} onNotice={setNotice} /> : null}
    </>
  );
}

function Results({ scan, onNotice }: { scan: RescueScan; onNotice: (n: Notice) => void }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(scan.stores.flatMap((s) => s.accounts.map((a) => a.address))));
  const toggle = (address: string, on: boolean) =>
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(address);
      else next.delete(address);
      return next;
    });
  const nothing = scan.stores.length === 0 && scan.concordium.length === 0;
  return (
    <div role="status" aria-live="polite">
      {nothing ? (
        <p className="notice notice-info">
          No wallet storage was found in {plural(scan.searched.length, 'place')} searched
          {scan.profiles.length > 0 ? ` (${plural(scan.profiles.length, 'browser profile')})` : ''}.
        </p>
      ) : (
        <p className="hint">Searched {plural(scan.profiles.length, 'browser profile')}.</p>
      )}
      {scan.stores.map((s) => (
        <StoreCard key={s.dir} store={s} chosen={chosen} onToggle={toggle} />
      ))}
      {scan.stores.length > 0 ? <RestoreForm addresses={[...chosen]} dirs={scan.searched} onNotice={onNotice} /> : null}
      {scan.concordium.map((c) => (
        <ConcordiumCard key={c.file} file={c.file} />
      ))}
      {scan.notes.length > 0 ? (
        <ul className="hint" aria-label="Not searched">
          {scan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StoreCard({ store: s, chosen, onToggle }: { store: RescueStore; chosen: ReadonlySet<string>; onToggle: (address: string, on: boolean) => void }) {
  const heading = useId();
  const where = [s.browser, s.profile].filter(Boolean).join(' ');
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>
        {where} — {s.extension}
      </h2>
      <p className="hint">{s.dir}</p>
      <ul className="cards" aria-label={`Accounts in ${where}`}>
        {s.accounts.map((a, i) => (
          <li key={`${a.address}-${i}`} className="account" aria-label={a.name ?? a.address}>
            <Checkbox label={a.name ?? a.address} checked={chosen.has(a.address)} onChange={(on) => onToggle(a.address, on)} hint={details(a)} />
            <p className="meta">
              <code>{a.address}</code>
              {a.state === 'live' ? <span className="badge">live</span> : <span className="badge badge-warn">deleted — {DELETED[a.how ?? 'removed']}</span>}
            </p>
          </li>
        ))}
      </ul>
      {s.problems.length > 0 ? <p className="hint">Parts of this store could not be read: {s.problems.join('; ')}</p> : null}
    </section>
  );
}

const DELETED = {
  removed: 'the extension removed it, but it is still on disk',
  overwritten: 'the extension wrote another account over it, but it is still on disk',
} as const;

function details(a: RescueAccount): string {
  const kdf =
    a.kdf === null ? 'no key stored (a hardware or external account)' : a.kdf.name === 'scrypt' ? `locked with scrypt N=2^${Math.log2(a.kdf.N)}` : a.kdf.name;
  return `${a.type ?? 'unknown key type'}, ${kdf}`;
}

function RestoreForm({ addresses, dirs, onNotice }: { addresses: string[]; dirs: string[]; onNotice: (n: Notice) => void }) {
  const heading = useId();
  const [password, setPassword] = useState('');
  const [onDuplicate, setOnDuplicate] = useState('skip');
  const [network, setNetwork] = useState('');
  const networks = useNetworks();
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (addresses.length === 0 ? { form: 'Choose at least one account to restore.' } : {}),
    send: async () => {
      const r = await apiPost<RestoreReport>('/api/rescue/restore', { addresses, dirs, password, onDuplicate, ...(network === '' ? {} : { network }) });
      setPassword('');
      onNotice(restoreNotice(r));
    },
    fields: { password: 'password' },
  });
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Restore the chosen accounts</h2>
      <form onSubmit={onSubmit} noValidate>
        <PasswordField
          label="Password of the accounts"
          value={password}
          onChange={setPassword}
          error={errors['password']}
          hint="Each chosen account is tried with it, and its key checked against its address. An account it does not open is restored still locked, unchecked: check it later with Verify on its card."
        />
        <RestoreNetworkField networks={networks} value={network} onChange={setNetwork} />
        <RadioGroup
          legend="If an account is already in the vault"
          name="rescue-on-duplicate"
          value={onDuplicate}
          onChange={setOnDuplicate}
          options={ON_DUPLICATE}
        />
        <FormActions busy={busy} working="Restoring…" submit={`Restore ${plural(addresses.length, 'account')}`} error={errors['form']} />
      </form>
    </section>
  );
}

function ConcordiumCard({ file }: { file: string }) {
  const heading = useId();
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const { errors, busy, onSubmit } = useSubmit({
    validate: () => (password === '' ? { password: 'Enter the password of the Concordium Desktop Wallet.' } : {}),
    send: async () => {
      setReport(await apiPost<ImportReport>('/api/rescue/concordium', { file, password }));
      setPassword('');
    },
    fields: { password: 'password', file: 'password' },
  });
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>Concordium Desktop Wallet</h2>
      <p className="hint">{file}</p>
      <form onSubmit={onSubmit} noValidate>
        <PasswordField
          label="Password of the Concordium Desktop Wallet"
          value={password}
          onChange={setPassword}
          error={errors['password']}
          hint="The password you unlock the desktop wallet with. Its identities, accounts and address book are imported as its export would be."
        />
        <FormActions busy={busy} working="Importing…" submit="Import" error={errors['form']} />
      </form>
      {report ? (
        <div className="notice notice-success">
          <p className="notice-title">Import finished: {plural(report.items.filter((i) => i.status !== 'present').length, 'item')} imported or updated.</p>
          <ImportedCounts items={report.items} />
        </div>
      ) : null}
    </section>
  );
}
