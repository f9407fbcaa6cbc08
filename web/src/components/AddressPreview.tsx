import type { AccountPreview, ExistingAccount } from '../api';
import { Identicon } from '../identicon';
import { pathText } from '../ui';

// Issue 12 items 7 and 9: the address an add or a derive would give, shown before anything is stored,
// and the account already in the vault with that key (see src/wallet/preview.ts).

/** The path of a preview as a person reads it (ethereum's default named as MetaMask's). */
export function previewPathText(preview: Pick<AccountPreview, 'path' | 'type'>): string {
  if (preview.type === 'ethereum' && preview.path === "/m/44'/60'/0'/0/0") return "m/44'/60'/0'/0/0 (the first account in MetaMask and Polkadot{.js})";
  if (preview.type === 'ethereum' && (preview.path === '' || preview.path === '/m')) return 'the BIP-32 master key (no path)';
  return pathText(preview.path);
}

/** The resulting account: its identicon, its address, the path and network it is derived on. */
export function AddressPreview({ preview, label = 'Address' }: { preview: AccountPreview; label?: string }) {
  return (
    <div className="note account" data-testid="address-preview">
      <Identicon publicKey={preview.publicKey} />
      <div className="account-main">
        <p className="address">
          <span>{label}:</span> <code className="mono">{preview.address}</code>
        </p>
        <p className="meta">
          <span>{preview.type}</span>
          <span>{preview.network ?? 'no network (generic Substrate)'}</span>
          <span>path {previewPathText(preview)}</span>
        </p>
      </div>
    </div>
  );
}

/** How the account already in the vault is described: by name, and what holds its key. */
export function existingText(existing: ExistingAccount): string {
  const held =
    existing.kind === 'identity'
      ? `derived from the identity ${existing.identity ?? ''}`
      : existing.kind === 'file'
        ? 'with its own password'
        : 'as a watch-only address, without its key';
  return `This account is already in the vault as “${existing.name}” (${existing.network ?? 'no network'}, ${held}).`;
}

/**
 * "Already in the vault": the existing account, and a button that updates it (its name and network)
 * instead of adding it again. Its key is never replaced.
 */
export function DuplicateNotice(p: { text: string; onUpdate?: (() => void) | undefined; busy?: boolean; chosen?: boolean }) {
  return (
    <div className="warning" role="alert" data-testid="duplicate-notice">
      <p>{p.text}</p>
      {p.chosen ? (
        <p>It will be updated: it takes the name and network chosen here, and keeps its key.</p>
      ) : p.onUpdate ? (
        <div className="inline-actions">
          <button type="button" className="small" onClick={p.onUpdate} disabled={p.busy}>
            Update the existing account
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The first sentence of a server message ("…is already in the vault as "X"; nothing was changed."), without the command-line advice after it. */
export function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}
