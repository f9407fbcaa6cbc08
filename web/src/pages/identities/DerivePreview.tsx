import { useEffect, useRef, useState } from 'react';
import { apiPost, type KeyType, type AccountPreview } from '../../api';
import { AddressPreview, DuplicateNotice, existingText } from '../../components/AddressPreview';
import { Busy } from '../../ui';

// Issue 12 item 9 in "Derive account": the address the account will have, with its identicon, before
// it is added. Deriving needs the identity's PIN, and a wrong PIN counts against the identity, so the
// first preview is asked for with a button once the PIN is typed; after that (the PIN was right) it
// follows the network, path and key type as they change. Typing another PIN clears it.

/** What a derive asks for, without the PIN (the body of POST /api/identities/derive and /preview). */
export type DeriveRequest = { identity: string; type: KeyType; network?: string; path?: string; name?: string };

const DEBOUNCE_MS = 400;

export function DerivePreview(p: {
  request: DeriveRequest;
  pin: string;
  /** An error of the preview (a wrong PIN, a bad path), to show next to its field. */
  onError: (err: unknown) => void;
  /** "Update the existing account": derive with the account already in the vault updated. */
  onUpdate: () => void;
  busy: boolean;
  /** Tells the dialog what the preview shows (or null), so it does not say "already in the vault" twice. */
  onPreview?: (preview: AccountPreview | null) => void;
}) {
  const [preview, setPreview] = useState<AccountPreview | null>(null);
  const [asking, setAsking] = useState(false);
  /** The PIN the shown preview was made with; the preview follows the inputs only while it is the one typed. */
  const [pinUsed, setPinUsed] = useState<string | null>(null);
  const asked = useRef(0);
  // The name does not change the address: typing one does not derive again.
  const { name: _name, ...request } = p.request;
  const key = JSON.stringify(request);
  const { onError, onPreview } = p;

  const show = (pin: string) => {
    const n = ++asked.current;
    setAsking(true);
    apiPost<AccountPreview>('/api/identities/preview', { ...request, pin }).then(
      (r) => {
        if (n !== asked.current) return;
        setPreview(r);
        setPinUsed(pin);
        setAsking(false);
        onPreview?.(r);
      },
      (err: unknown) => {
        if (n !== asked.current) return;
        setPreview(null);
        setPinUsed(null);
        setAsking(false);
        onPreview?.(null);
        onError(err);
      },
    );
  };

  // Another PIN typed: the preview goes (a new one needs the button, so no wrong PIN is tried unasked).
  useEffect(() => {
    if (pinUsed !== null && p.pin !== pinUsed) {
      asked.current++;
      setPreview(null);
      setPinUsed(null);
      onPreview?.(null);
    }
  }, [p.pin, pinUsed, onPreview]);

  // The network, path or key type changed while a preview is shown: work it out again with the same PIN.
  const shownFor = useRef(key);
  useEffect(() => {
    if (pinUsed === null || pinUsed !== p.pin || shownFor.current === key) return;
    shownFor.current = key;
    const timer = window.setTimeout(() => show(pinUsed), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `show` reads the latest request through the closure of this render.
  }, [key, pinUsed, p.pin]);

  const existing = preview?.existing ?? null;
  return (
    <div className="field" aria-live="polite">
      {preview ? (
        <AddressPreview preview={preview} label="The account’s address" />
      ) : (
        <div className="inline-actions">
          <button
            type="button"
            className="small"
            disabled={p.pin === '' || asking || p.busy}
            onClick={() => {
              shownFor.current = key;
              show(p.pin);
            }}
          >
            Show the address
          </button>
          <span className="hint">
            {p.pin === '' ? 'Type the PIN to see the address before deriving.' : 'Works out the address with the PIN, without adding anything.'}
          </span>
        </div>
      )}
      {asking ? <Busy text="Working out the address…" /> : null}
      {existing ? <DuplicateNotice text={existingText(existing)} onUpdate={p.onUpdate} busy={p.busy} /> : null}
    </div>
  );
}
