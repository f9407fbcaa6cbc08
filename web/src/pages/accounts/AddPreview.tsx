import { useCallback, useEffect, useRef, useState } from 'react';
import { apiPost, type Added, type KeyType, type AccountPreview } from '../../api';
import { AddressPreview, DuplicateNotice, existingText } from '../../components/AddressPreview';
import { Checkbox, downloadText, type Notice } from '../../ui';
import { MIN_SECRET_LENGTH } from '../../../../src/wallet/secrets.js';

// Issue 12 items 7-9 in "Add account": the address shown live as the phrase, key type and network
// change (nothing is stored), a key already in the vault found before any password is asked for,
// and the choice to update that account instead of a dead end.

/** What to do with a key already in the vault: nothing (the add is refused), update its name and network, or also lock its file with the new password. */
export type AddChoice = 'refuse' | 'update' | 'relock';

/** The new account password's words, the same in every add dialog: what is missing or short, and the field's hint. */
export const ACCOUNT_PASSWORD_WORDS = {
  empty: 'Choose a password for this account.',
  short: `An account password has at least ${MIN_SECRET_LENGTH} characters.`,
  hint: `It locks this account in the vault and in its backup file. At least ${MIN_SECRET_LENGTH} characters.`,
};

export type AddPreviewState = { preview: AccountPreview | null; problem: string; checking: boolean; refresh: () => void };

/** How long typing must pause before the address is worked out (the server also caps the rate). */
const DEBOUNCE_MS = 350;

/** Whether a phrase looks complete enough that a problem with it is worth saying (not while the words are still being typed). */
function looksComplete(suri: string): boolean {
  const phrase = suri.trim().split('/')[0]!.trim();
  if (phrase.startsWith('0x')) return phrase.length >= 66;
  return [12, 15, 18, 21, 24].includes(phrase.split(/\s+/).length) || suri.includes('/');
}

/** The address the phrase gives, asked for once typing pauses; answers to older inputs are dropped. */
export function useAddPreview(input: { suri: string; type: KeyType; network: string; vaultText?: boolean }): AddPreviewState {
  const [preview, setPreview] = useState<AccountPreview | null>(null);
  const [problem, setProblem] = useState('');
  const [checking, setChecking] = useState(false);
  const [again, setAgain] = useState(0);
  const asked = useRef(0);
  useEffect(() => {
    const suri = input.suri.trim();
    const n = ++asked.current;
    setPreview(null);
    setProblem('');
    if (suri === '') return;
    const timer = window.setTimeout(() => {
      setChecking(true);
      // A Polkadot Vault key text names its own network: it is sent as such, not as a phrase.
      const body = input.vaultText ? { vaultText: suri, type: input.type } : { suri, type: input.type, network: input.network };
      apiPost<AccountPreview>('/api/accounts/preview', body).then(
        (p) => {
          if (n !== asked.current) return;
          setPreview(p);
          setChecking(false);
        },
        (err: unknown) => {
          if (n !== asked.current) return;
          setProblem((input.vaultText || looksComplete(suri)) && err instanceof Error ? err.message : '');
          setChecking(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input.suri, input.type, input.network, input.vaultText, again]);
  const refresh = useCallback(() => setAgain((a) => a + 1), []);
  return { preview, problem, checking, refresh };
}

/** The choice for a key already in the vault; back to "refuse" whenever the phrase gives another key. */
export function useAddChoice(state: AddPreviewState): [AddChoice, (choice: AddChoice) => void] {
  const [choice, setChoice] = useState<AddChoice>('refuse');
  const last = useRef<string | undefined>(undefined);
  const key = state.preview?.publicKey;
  useEffect(() => {
    // Only another key resets it: a network or type change re-asks the preview for the same key.
    if (key === undefined || key === last.current) return;
    if (last.current !== undefined) setChoice('refuse');
    last.current = key;
  }, [key]);
  return [choice, setChoice];
}

/** Whether the form must ask for the new password: not when only the name and network of an account already in the vault change. */
export function addNeedsPassword(preview: AccountPreview | null, choice: AddChoice): boolean {
  const existing = preview?.existing;
  if (!existing) return true;
  if (existing.kind === 'watch-only') return true;
  return choice === 'relock' && existing.kind === 'file';
}

/** The problem that stops "Save" while the key is in the vault and no choice was made, or none. */
export function addDuplicateProblem(preview: AccountPreview | null, choice: AddChoice): string | undefined {
  if (!preview?.existing || choice !== 'refuse') return undefined;
  return `${existingText(preview.existing)} Choose “Update the existing account”, or enter another phrase.`;
}

/** Below the phrase: the address it gives (or why it gives none), and what to do when it is already in the vault. */
export function AddPreview({ state, choice, onChoice }: { state: AddPreviewState; choice: AddChoice; onChoice: (choice: AddChoice) => void }) {
  const { preview, problem, checking } = state;
  const existing = preview?.existing ?? null;
  return (
    <div className="field" aria-live="polite">
      {preview ? (
        <AddressPreview preview={preview} />
      ) : problem ? (
        <p className="hint">No address yet: {problem}</p>
      ) : (
        <p className="hint">{checking ? 'Working out the address…' : 'The address of the account appears here once the phrase is complete.'}</p>
      )}
      {preview?.type === 'ethereum' ? <p className="hint">For the BIP-32 master key instead (older tools), add /m after the phrase.</p> : null}
      {existing ? (
        <>
          <DuplicateNotice text={existingText(existing)} onUpdate={() => onChoice('update')} chosen={choice !== 'refuse'} />
          {choice !== 'refuse' && existing.kind === 'file' ? (
            <Checkbox
              label="Also lock it with a new password"
              checked={choice === 'relock'}
              onChange={(on) => onChoice(on ? 'relock' : 'update')}
              hint="Its stored file is then locked with the password you choose here (the key stays the same); otherwise it keeps its password."
            />
          ) : null}
          {choice !== 'refuse' && existing.kind === 'identity' ? (
            <p className="hint">It stays derived from its identity: its key opens with that identity’s PIN, so it needs no password.</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The page's notice after "Create and backup account": added, or what changed in the account already there. */
/**
 * Adds the account ("Add account", "Add from Polkadot Vault"): `body` names the key, with the new
 * password when one is needed and the choice for a key already in the vault; its backup file is
 * downloaded, and the notice to show is returned.
 */
export async function accountAddSend(body: Record<string, unknown>, o: { needsPassword: boolean; password: string; choice: AddChoice }): Promise<Notice> {
  const r = await apiPost<Added>('/api/accounts/add', {
    ...body,
    ...(o.needsPassword ? { password: o.password } : {}),
    ...(o.choice === 'refuse' ? {} : { onDuplicate: o.choice }),
  });
  if (r.backup) downloadText(r.backup.filename, r.backup.json);
  return addedNotice(r);
}

export function addedNotice(r: { account: { name: string; address: string }; backup: { filename: string } | null; status: string }): Notice {
  const file = r.backup ? [`Its backup file ${r.backup.filename} was downloaded: keep it, with its password, somewhere safe.`] : [];
  if (r.status === 'added') return { kind: 'success', title: `Account ${r.account.name} added.`, lines: [`Address: ${r.account.address}`, ...file] };
  const what =
    r.status === 'relocked'
      ? 'its name, network and password were updated'
      : r.status === 'completed'
        ? 'it now holds its key'
        : 'its name and network were updated';
  return {
    kind: 'success',
    title: `Account ${r.account.name} updated.`,
    lines: [`Address: ${r.account.address} — the account was already in the vault; ${what}, its key stays the same.`, ...file],
  };
}
