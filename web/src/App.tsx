import { useEffect, useRef, useState, type ComponentType } from 'react';
import { apiGet, apiPost, tokenPresent, VAULT_LOCKED_EVENT, type VaultView } from './api';
import { AccountsPage } from './pages/Accounts';
import { AddressBookPage } from './pages/AddressBook';
import { BackupPage } from './pages/Backup';
import { BackupsPage } from './pages/Backups';
import { IdentitiesPage } from './pages/Identities';
import { VerifyPage } from './pages/Verify';
import { VaultPage } from './pages/Vault';
import { RescuePage } from './pages/Rescue';
import { VaultContext } from './vaultContext';
import { UnlockPage } from './pages/vault/UnlockPage';
import { VaultPasswordOffer } from './pages/vault/VaultPasswordOffer';

type Page = { id: string; label: string; Component: ComponentType };

const PAGES: readonly Page[] = [
  { id: 'accounts', label: 'Accounts', Component: AccountsPage },
  { id: 'identities', label: 'Identities', Component: IdentitiesPage },
  { id: 'address-book', label: 'Address book', Component: AddressBookPage },
  { id: 'export-import', label: 'Export/Import', Component: BackupPage },
  { id: 'backups', label: 'Backups', Component: BackupsPage },
  { id: 'verify', label: 'Verify a backup', Component: VerifyPage },
  { id: 'find-wallets', label: 'Find wallets', Component: RescuePage },
  { id: 'vault', label: 'Vault', Component: VaultPage },
];

/** The page named in the address bar (`#identities`), else Accounts. Read after the token was removed. */
function pageFromHash(): Page {
  const id = location.hash.replace(/^#\/?/, '');
  return PAGES.find((p) => p.id === id) ?? PAGES[0]!;
}

/** `launchProblem`: why the link this page was opened with did not start a session (shown instead of the wallet). */
export function App({ launchProblem = null }: { launchProblem?: string | null }) {
  const [page, setPage] = useState(pageFromHash);
  const [vault, setVault] = useState<VaultView | null>(null);
  const [vaultProblem, setVaultProblem] = useState('');
  const first = useRef(true);

  // The vault's state, and the unlock page whenever the server says the vault locked itself.
  useEffect(() => {
    if (launchProblem !== null || !tokenPresent()) return;
    const load = () => apiGet<VaultView>('/api/vault').then(setVault, (err: unknown) => setVaultProblem(err instanceof Error ? err.message : String(err)));
    void load();
    window.addEventListener(VAULT_LOCKED_EVENT, load);
    return () => window.removeEventListener(VAULT_LOCKED_EVENT, load);
  }, [launchProblem]);

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    if (location.hash === '') history.replaceState(null, '', `#${page.id}`);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = `${page.label} · keepsake`;
    // After a page change (not on load), move focus to the new page's heading so a screen reader says where it is.
    if (first.current) first.current = false;
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }, [page]);

  if (launchProblem !== null || !tokenPresent()) {
    return (
      <main className="page">
        <h1>keepsake</h1>
        <p className="notice notice-error" role="alert">
          {launchProblem ?? 'This page needs the address keepsake printed in the terminal when it started. Open that address, or start keepsake again.'}
        </p>
      </main>
    );
  }

  if (vault === null) {
    return (
      <main className="page">
        <h1>keepsake</h1>
        {vaultProblem === '' ? (
          <p>Opening the vault…</p>
        ) : (
          <p className="notice notice-error" role="alert">
            {vaultProblem}
          </p>
        )}
      </main>
    );
  }
  if (vault.locked) return <UnlockPage vault={vault} onUnlocked={setVault} />;

  const lockNow = async () => setVault(await apiPost<VaultView>('/api/vault/lock', {}));
  const { Component } = page;
  return (
    <VaultContext.Provider value={{ vault, setVault }}>
      <header className="top">
        <p className="brand">keepsake</p>
        {vault.encrypted ? (
          <button type="button" className="lock-now" onClick={() => void lockNow()}>
            Lock now
          </button>
        ) : null}
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`} aria-current={p.id === page.id ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="page">
        {vault.offerPassword ? <VaultPasswordOffer onChange={setVault} /> : null}
        <Component key={page.id} />
      </main>
    </VaultContext.Provider>
  );
}
