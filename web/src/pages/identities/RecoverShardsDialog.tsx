import { useRef, useState } from 'react';
import { apiPost, ApiError, type Identity } from '../../api';
import { errorsFrom } from '../../errors';
import { messageOf, useSubmit } from '../../hooks';
import { Dialog, FormActions, TextField, type DialogProps } from '../../ui';
import { NewSecretFields, PinField, useNewSecret } from '../../components/SecretFields';
import { QrScanner, qrTextOfFile } from '../../components/QrScanner';
import { nameAndPinErrors } from './NameAndPin';

/** A shard added to the dialog: its text and where it came from (a file's name, "pasted", "camera"). */
type Shard = { text: string; label: string };

/** What `/api/identities/combine/check` answers for shards that are enough. */
type SetInfo = { title: string; required: number; count: number };

/** The largest file read as a shard: a phone photo of a QR code (the CLI's cap, src/cli/commands/identity/combine.ts). */
const SHARD_FILE_MAX = 32 * 1024 * 1024;

/**
 * The title and threshold a shard's text says (its "t" and "r"), to show progress while shards are
 * added; undefined when it is not a shard's JSON. The server checks the shards; this is only shown.
 */
function shardSays(text: string): { title: string; required: number } | undefined {
  try {
    const o = JSON.parse(text) as unknown;
    if (typeof o !== 'object' || o === null) return undefined;
    const { t, r } = o as { t?: unknown; r?: unknown };
    return typeof t === 'string' && typeof r === 'number' ? { title: t, required: r } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Recover from shards": Banana Split shards added from image files (decoded in the page), pasted
 * text or the camera; then the passphrase (spaces read as "-"), a name (the set's title unless
 * changed) and a new PIN. Each shard added is checked with those before it, so a shard of another
 * set, one given twice or text that is not a shard is refused as it is added, in one sentence by
 * the shards; too few is said when recovering.
 */
export function RecoverShardsDialog({ onClose, onDone }: DialogProps) {
  const [shards, setShards] = useState<Shard[]>([]);
  const [shardsError, setShardsError] = useState('');
  const [pasted, setPasted] = useState('');
  const [camera, setCamera] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [name, setName] = useState('');
  const pin = useNewSecret();
  /** Texts the camera has read that were refused, or are being checked: not sent again. */
  const seen = useRef(new Set<string>());
  const latest = useRef<Shard[]>([]);
  latest.current = shards;

  const says = shards.map((s) => shardSays(s.text)).find((s) => s !== undefined);
  const need = says?.required;
  const enough = need !== undefined && shards.length >= need;
  const progress = need === undefined ? `${shards.length} shards added` : `${Math.min(shards.length, need)} of ${need} shards read`;

  const { errors, setErrors, busy, onSubmit } = useSubmit({
    validate: () => ({
      ...(shards.length === 0 ? { shards: 'Add the shards: choose photos of their QR codes, paste their text, or use the camera.' } : {}),
      ...(passphrase.trim() === '' ? { passphrase: 'Enter the passphrase of the shards (four words).' } : {}),
      ...nameAndPinErrors(name.trim() === '' ? (says?.title ?? '') : name, pin),
    }),
    send: async () => {
      const r = await apiPost<Identity & { existing: boolean }>('/api/identities/combine', {
        shards,
        passphrase,
        pin: pin.value,
        ...(name.trim() === '' ? {} : { name: name.trim() }),
      });
      setCamera(false);
      onDone(
        r.existing
          ? { kind: 'info', title: `These shards open: they recover the identity “${r.name}” already in this vault.` }
          : {
              kind: 'success',
              title: `Identity ${r.name} recovered from ${shards.length} shards.`,
              lines: ['Use “Derive account” to add its accounts again, or “Find my address” to learn an address’s path.'],
            },
      );
    },
    fields: (err) => {
      const placed = errorsFrom(err, { file: 'shards', password: 'passphrase', name: 'name', pin: 'pin' });
      if (placed['shards'] !== undefined) setShardsError('');
      return placed;
    },
  });
  /** Adds shards after the server has checked them with those already added; too few so far is fine. */
  const add = async (more: readonly Shard[]): Promise<boolean> => {
    // A shard given twice is sent as it is: the server's sentence says so (the camera skips repeats itself).
    const next = [...latest.current, ...more];
    // What the last try to recover said is about other shards now.
    setErrors({});
    try {
      await apiPost<SetInfo>('/api/identities/combine/check', { shards: next });
    } catch (err) {
      if (!(err instanceof ApiError && err.name === 'ShardsTooFewError')) {
        setShardsError(messageOf(err));
        return false;
      }
    }
    latest.current = next;
    setShards(next);
    setShardsError('');
    return true;
  };

  const addFiles = async (files: readonly File[]) => {
    const read: Shard[] = [];
    for (const file of files) {
      if (file.size > SHARD_FILE_MAX) return setShardsError(`${file.name} is over 32 MiB, larger than any photo of a shard; choose a smaller image.`);
      if (file.type.startsWith('image/')) {
        const r = await qrTextOfFile(file);
        if ('problem' in r) return setShardsError(r.problem);
        read.push({ text: r.text, label: file.name });
      } else read.push({ text: await file.text(), label: file.name });
    }
    await add(read);
  };

  const addPasted = async () => {
    const lines = pasted.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) return setShardsError('Paste the text of a shard first (one shard a line).');
    if (await add(lines.map((text, i) => ({ text, label: lines.length > 1 ? `Pasted line ${i + 1}` : 'The pasted shard' })))) setPasted('');
  };

  const fromCamera = (text: string) => {
    // The same code is seen in many frames: each text is checked once (while it is being checked, too).
    if (seen.current.has(text) || latest.current.some((s) => s.text.trim() === text.trim())) return;
    seen.current.add(text);
    void add([{ text, label: 'Shard read by the camera' }]).then((ok) => {
      if (!ok) return;
      seen.current.delete(text);
      const r = shardSays(text)?.required;
      if (r !== undefined && latest.current.length >= r) setCamera(false);
    });
  };

  const shardsProblem = errors['shards'] ?? (shardsError === '' ? undefined : shardsError);

  return (
    <Dialog title="Recover from shards" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="shards-field">
          <legend>Shards</legend>
          <p className="hint">Add any majority of the shards of one set: photos of their QR codes, their text, or hold them up to the camera.</p>
          <p role="status" className="shards-progress">
            {progress}
            {says === undefined ? '' : ` — “${says.title}”`}
          </p>
          {shards.length > 0 ? (
            <ul className="file-list" aria-label="Shards added">
              {shards.map((s, i) => (
                <li key={`${i}-${s.label}`}>
                  <span className="file-name">{s.label}</span>{' '}
                  <button type="button" className="small" onClick={() => setShards(shards.filter((_, j) => j !== i))}>
                    Remove<span className="sr-only"> {s.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor="shard-images">Photos or files of shards</label>
            <input
              id="shard-images"
              type="file"
              multiple
              accept="image/*,.json,.txt"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void addFiles(files);
              }}
            />
          </div>
          <TextField
            label="Shard text"
            value={pasted}
            onChange={setPasted}
            multiline
            rows={2}
            mono
            hint="Paste a shard’s text (one shard a line), then add it."
          />
          <div className="actions">
            <button type="button" onClick={() => void addPasted()}>
              Add pasted shard
            </button>
            {camera ? (
              <button type="button" onClick={() => setCamera(false)}>
                Stop the camera
              </button>
            ) : (
              <button type="button" onClick={() => setCamera(true)} disabled={enough}>
                Use the camera
              </button>
            )}
          </div>
          {camera ? <QrScanner onText={fromCamera} label={`${progress}: hold the next shard’s QR code up to the camera.`} /> : null}
          {shardsProblem === undefined ? null : (
            <p className="field-error" role="alert" data-testid="shards-error">
              {shardsProblem}
            </p>
          )}
        </fieldset>
        <PinField
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          error={errors['passphrase']}
          hint="The four words kept apart from the shards; spaces are read as “-”."
        />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          error={errors['name']}
          hint={says === undefined ? 'The shards’ title unless you give another.' : `“${says.title}” unless you give another.`}
        />
        <NewSecretFields what="new PIN" field="pin" secret={pin} errors={errors} hint="It will unlock the recovered phrase in this vault." />
        <FormActions busy={busy} working="Opening the shards…" submit="Recover identity" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}
