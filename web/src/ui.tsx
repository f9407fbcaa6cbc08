import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { KEY_TYPES, type KeyType } from './api';

/** A problem with one field, read out when it appears. */
export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined || message === '') return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

/** A problem with the form as a whole, shown beside its buttons. */
export function FormError({ message }: { message: string | undefined }) {
  const id = useId();
  return <ErrorText id={id} message={message} />;
}

/** A field's hint, tied to it by aria-describedby (see describedBy). */
function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password';
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  spellCheck?: boolean;
  mono?: boolean;
};

/** A labelled text input (or textarea); its hint and error are tied to it with aria-describedby. */
export function TextField(p: TextFieldProps) {
  const id = useId();
  const common = {
    id,
    value: p.value,
    readOnly: p.readOnly ?? false,
    spellCheck: p.spellCheck ?? false,
    autoComplete: p.autoComplete ?? 'off',
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(id, p.hint, p.error),
    className: p.mono ? 'mono' : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.target.value)} />
      )}
      <Hint id={id} hint={p.hint} />
      <ErrorText id={`${id}-error`} message={p.error} />
    </div>
  );
}

/** The props of a field whose label and look are fixed: what it holds, and what is said of it. */
type FixedFieldProps = Pick<TextFieldProps, 'value' | 'onChange' | 'error' | 'hint'>;

/** A secret phrase (or seed) typed or pasted: three monospaced rows, labelled "Recovery phrase" unless `label` says otherwise. */
export function PhraseField({ label = 'Recovery phrase', ...p }: FixedFieldProps & { label?: string }) {
  return <TextField label={label} {...p} multiline rows={3} mono />;
}

/** An address pasted in (SS58, 0x… or Concordium), labelled "Address", monospaced. */
export function AddressField(p: FixedFieldProps) {
  return <TextField label="Address" {...p} mono />;
}

/** The key type an account is made with (`hint` says which the wallet in question uses). */
export function KeyTypeField(p: { value: KeyType; onChange: (type: KeyType) => void; hint: string }) {
  const options = KEY_TYPES.map((t) => ({ value: t, label: t }));
  return <SelectField label="Key type" value={p.value} onChange={(v) => p.onChange(v as KeyType)} options={options} hint={p.hint} />;
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: readonly Option[] };

/** A labelled select: its `options`, then any `groups` (each an <optgroup> under its label). */
export function SelectField(p: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  groups?: readonly OptionGroup[];
  error?: string | undefined;
  hint?: ReactNode;
}) {
  const id = useId();
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <select
        id={id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.options.map(option)}
        {p.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
      <Hint id={id} hint={p.hint} />
      <ErrorText id={`${id}-error`} message={p.error} />
    </div>
  );
}

/** A group of radio buttons under a legend. */
export function RadioGroup(p: {
  legend: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (Option & { hint?: string })[];
}) {
  return (
    <fieldset className="field radios">
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label key={o.value} className="radio">
          <input type="radio" name={p.name} value={o.value} checked={p.value === o.value} onChange={() => p.onChange(o.value)} />
          <span>
            {o.label}
            {o.hint ? <span className="hint"> {o.hint}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Checkbox(p: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} aria-describedby={p.hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{p.label}</label>
      <Hint id={id} hint={p.hint} />
    </div>
  );
}

/**
 * A file input inside a drop zone: pick with the keyboard or the mouse, or drop files on it.
 * Dropped files are also put into the input, so both ways look the same.
 */
export function FilePicker(p: {
  label: string;
  multiple: boolean;
  files: readonly File[];
  onFiles: (files: File[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** What to show under a chosen file's name (what it holds). */
  describe?: (file: File, index: number) => ReactNode;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <Hint id={id} hint={p.hint} />
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const dropped = [...e.dataTransfer.files];
          if (dropped.length === 0) return;
          const chosen = p.multiple ? dropped : dropped.slice(0, 1);
          try {
            if (input.current) {
              const transfer = new DataTransfer();
              for (const f of chosen) transfer.items.add(f);
              input.current.files = transfer.files;
            }
          } catch {
            // Some browsers do not let a page set an input's files; the list below still shows them.
          }
          p.onFiles(chosen);
        }}
      >
        <input
          ref={input}
          id={id}
          type="file"
          multiple={p.multiple}
          onChange={(e) => p.onFiles([...(e.target.files ?? [])])}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy(id, p.hint, p.error)}
        />
        <p className="drop-text" aria-hidden="true">
          or drop {p.multiple ? 'files' : 'a file'} here
        </p>
      </div>
      {p.files.length > 0 ? (
        <ul className="file-list" aria-label="Chosen files">
          {p.files.map((f, i) => (
            <li key={`${i}-${f.name}`}>
              <span className="file-name">{f.name}</span>
              {p.describe?.(f, i)}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorText id={`${id}-error`} message={p.error} />
    </div>
  );
}

/**
 * A modal dialog (native <dialog>): focus moves into it, Escape cancels, focus returns to the opener.
 * When `step` changes (a multi-step dialog), focus moves to the first control of the new step.
 */
export function Dialog(p: { title: string; onClose: () => void; children: ReactNode; step?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const dialog = ref.current;
    (dialog?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? dialog?.querySelector<HTMLElement>('input, textarea, select, button'))?.focus();
  }, [p.step]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        p.onClose();
      }}
    >
      <h2 id={headingId}>{p.title}</h2>
      {p.children}
    </dialog>
  );
}

export type Notice = { kind: 'success' | 'warning' | 'error' | 'info'; title: string; lines?: string[] };

/** What every dialog is given: Cancel/Escape closes it; when it has done its work it says what happened. */
export type DialogProps = { onClose: () => void; onDone: (notice: Notice) => void };

/**
 * How a result that did some things and failed at others is shown: all done is a success, some
 * failed is a warning ("Restored 1 account, 2 failed" is not a success), none done is an error.
 */
export function outcomeKind(done: number, failed: number): Notice['kind'] {
  if (failed === 0) return 'success';
  return done === 0 ? 'error' : 'warning';
}

/**
 * The page's notification area: always in the page (a live region), so what appears in it is read out.
 * Success is green, a partial result (some things failed) a warning; its kind is also said in words
 * for those who do not see the colour.
 */
export function Notices({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  return (
    <div className="notices" role="status" aria-live="polite">
      {notice ? (
        <div className={`notice notice-${notice.kind}`} data-testid="notice" data-kind={notice.kind}>
          <p className="notice-title">
            {notice.kind === 'warning' || notice.kind === 'error' ? (
              <span className="sr-only">{notice.kind === 'warning' ? 'Warning: ' : 'Error: '}</span>
            ) : null}
            {notice.title}
          </p>
          {notice.lines && notice.lines.length > 0 ? (
            <ul>
              {notice.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * A list the page loads: why it could not be loaded (an alert), `loading` until it comes, `empty`
 * when it holds nothing, else what `children` makes of it. The last list stays shown if a reload fails.
 */
export function Loaded<T>(p: {
  state: { data: readonly T[] | null; error: string };
  loading: string;
  empty: string;
  children: (list: readonly T[]) => ReactNode;
}) {
  const { data, error } = p.state;
  return (
    <>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {data === null ? error ? null : <p>{p.loading}</p> : data.length === 0 ? <p className="empty">{p.empty}</p> : p.children(data)}
    </>
  );
}

/** Work in progress, read out politely. */
export function Busy({ text }: { text: string }) {
  return (
    <div className="busy" role="status">
      <progress aria-label={text} />
      <span>{text}</span>
    </div>
  );
}

/** Copies text to the clipboard; says "Copied" where a screen reader hears it. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<'' | 'ok' | 'fail'>('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <span className="copy">
      <button
        type="button"
        className="small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('ok');
          } catch {
            setState('fail');
          }
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setState(''), 2500);
        }}
      >
        Copy<span className="sr-only"> {what}</span>
      </button>
      <span className="copy-status" role="status">
        {state === 'ok' ? 'Copied' : state === 'fail' ? 'Could not copy: select the text and copy it' : ''}
      </span>
    </span>
  );
}

/** An account's or entry's address, with its Copy button ("Copy address of Alice"). */
export function AddressLine({ address, name }: { address: string; name: string }) {
  return (
    <p className="address">
      <code className="mono">{address}</code>
      <CopyButton text={address} what={`address of ${name}`} />
    </p>
  );
}

export type MenuItem = { label: string; onSelect: () => void };

/**
 * A menu button ("Actions for Alice"): Enter/Space/click opens it and focuses the first item;
 * arrows, Home and End move; Escape closes it and returns to the button; a click outside closes it.
 */
export function Menu({ label, forName, items }: { label: string; forName: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (wrap.current && e.target instanceof Node && !wrap.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = [...(wrap.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
  };
  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <span className="sr-only"> for {forName}</span>
      </button>
      {open ? (
        <div className="menu" role="menu" id={menuId} aria-label={`${label} for ${forName}`} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** A recovery phrase as numbered words (the numbers come from CSS, so the text is just the words). */
export function Phrase({ phrase }: { phrase: string }) {
  const words = phrase.trim().split(/\s+/);
  return (
    <ol className="phrase" aria-label="Recovery phrase">
      {words.map((w, i) => (
        <li key={i}>{w}</li>
      ))}
    </ol>
  );
}

/** Saves text as a file the browser downloads (Blob + object URL + <a download>). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How a derivation path reads to a person: '' is the root key. */
export function pathText(path: string | null): string {
  if (path === null) return '';
  return path === '' ? 'root key (no path)' : path;
}

/** "1 file" / "3 files": the one plural helper of the CLI and the browser. */
export { plural } from '../../src/text/plural.js';

/**
 * A form's work in progress (`working`, said while `busy`), its error line, its submit button (red when
 * it destroys something: `danger`) and, in a dialog (`onClose`), a Cancel (or `cancel`) button.
 */
export function FormActions({
  busy,
  working,
  submit,
  onClose,
  error,
  cancel = 'Cancel',
  danger = false,
}: {
  busy: boolean;
  working?: string | undefined;
  submit: string;
  onClose?: () => void;
  error?: string | undefined;
  cancel?: string;
  danger?: boolean;
}) {
  return (
    <>
      {busy && working !== undefined ? <Busy text={working} /> : null}
      <FormError message={error} />
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
          {submit}
        </button>
        {onClose ? (
          <button type="button" onClick={onClose}>
            {cancel}
          </button>
        ) : null}
      </div>
    </>
  );
}
