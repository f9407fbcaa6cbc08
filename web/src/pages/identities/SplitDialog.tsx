import { useState } from 'react';
import { createPortal } from 'react-dom';
import { apiPost, type Identity } from '../../api';
import { useSubmit } from '../../hooks';
import { Dialog, downloadText, FormActions, TextField } from '../../ui';
import { PinField } from '../../components/SecretFields';

/** What `/api/identities/split` answers: the shards (text, file name, QR image as a data: URL) and the passphrase. */
export type SplitResult = { title: string; required: number; count: number; passphrase: string; shards: { text: string; filename: string; qrPng: string }[] };

/** Shards made unless the user says otherwise: Banana Split's own form starts at 3 (paritytech/banana_split src/views/Share.vue `totalShards: 3`). */
const SHARDS_DEFAULT = '3';

/**
 * "Split into shards": the identity's phrase as Banana Split shards after its PIN. The result shows
 * the passphrase once (it is on no sheet) and the sheets to print, one shard a page; only the sheets
 * print (see `.shard-sheets` in styles.css).
 */
export function SplitDialog({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [shares, setShares] = useState(SHARDS_DEFAULT);
  const [title, setTitle] = useState(identity.name);
  const [result, setResult] = useState<SplitResult | null>(null);

  const { errors, busy, onSubmit } = useSubmit({
    validate: () => {
      const n = Number(shares);
      return {
        ...(pin === '' ? { pin: 'Enter the PIN of this identity.' } : {}),
        ...(/^\d+$/.test(shares.trim()) && n >= 3 && n <= 255 ? {} : { shares: 'Choose a number of shards from 3 to 255.' }),
        ...(title.trim() === '' ? { title: 'Give the shards a title: it is printed on every sheet.' } : {}),
      };
    },
    send: async () => {
      setResult(await apiPost<SplitResult>('/api/identities/split', { identity: identity.name, pin, shares: Number(shares), title: title.trim() }));
      setPin('');
    },
    fields: { pin: 'pin', name: 'title' },
  });

  if (result !== null) return <SplitResultView result={result} onClose={onClose} />;
  return (
    <Dialog title={`Split ${identity.name} into shards`} onClose={onClose} step="form">
      <p className="hint">
        The recovery phrase is split into shards to print and keep in different places: any majority of them, with a passphrase of four words, recovers it.
        Fewer reveal nothing. Polkadot Vault and Parity’s Banana Split read them too.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <PinField value={pin} onChange={setPin} error={errors['pin']} />
        <TextField
          label="Number of shards"
          value={shares}
          onChange={setShares}
          error={errors['shares']}
          hint={`3 to 255. Any ${required(shares)} of them will recover the phrase.`}
        />
        <TextField label="Title" value={title} onChange={setTitle} error={errors['title']} hint="Printed on every sheet; the passphrase is tied to it." />
        <FormActions busy={busy} working="Checking the PIN and making the shards…" submit="Make shards" onClose={onClose} error={errors['form']} />
      </form>
    </Dialog>
  );
}

/** floor(n/2)+1 as the hint says it ("…" while the number is not one). */
function required(shares: string): string {
  const n = Number(shares);
  return /^\d+$/.test(shares.trim()) && n >= 3 && n <= 255 ? String(Math.floor(n / 2) + 1) : '…';
}

function SplitResultView({ result, onClose }: { result: SplitResult; onClose: () => void }) {
  const download = () => result.shards.forEach((s) => downloadText(s.filename, `${s.text}\n`));
  return (
    <Dialog title={`Shards of ${result.title}`} onClose={onClose} step="shards">
      <div className="warning" role="note">
        <p>
          <strong>Write the passphrase down now.</strong> It is not on the sheets, and it is shown only this once. Keep it apart from the shards: whoever holds{' '}
          {result.required} shards and the passphrase holds the phrase.
        </p>
        <p className="shard-passphrase mono" data-testid="shard-passphrase">
          {result.passphrase}
        </p>
      </div>
      <p>
        {result.count} shards: any {result.required} of them recover the phrase, with the passphrase. Print the sheets (one shard a page) and keep each in a
        different place.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print the sheets
        </button>
        <button type="button" onClick={download}>
          Download shard files
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ShardSheets result={result} />
      {createPortal(<ShardSheets result={result} print />, document.body)}
    </Dialog>
  );
}

/**
 * The sheets: one a shard, each with the title, "Shard i of N", how many recover, the QR code and how
 * to recover. Shown in the dialog on screen; the copy placed beside the page (`print`) is what prints.
 */
function ShardSheets({ result, print = false }: { result: SplitResult; print?: boolean }) {
  const { title, count, required: need } = result;
  return (
    <div className={print ? 'shard-sheets' : 'shard-sheets-preview'} aria-hidden={print ? true : undefined}>
      {result.shards.map((s, i) => (
        <section className="sheet" key={s.filename} aria-label={`Sheet of shard ${i + 1} of ${count}`}>
          <header className="sheet-head">
            <h3>{title}</h3>
            <span className="sheet-index">
              Shard {i + 1} of {count}
            </span>
          </header>
          <p className="sheet-rule">
            Any <strong>{need}</strong> of the {count} shards recover the phrase, with the passphrase. Fewer than {need} reveal nothing.
          </p>
          <figure className="sheet-qr">
            <img src={s.qrPng} alt={`QR code of shard ${i + 1} of ${count}`} />
          </figure>
          <h4>How to recover</h4>
          <ol>
            <li>
              Gather any {need} shards of “{title}” and the passphrase (four words), which is kept apart from the shards and is not on this sheet.
            </li>
            <li>
              In keepsake’s browser page, open Identities, choose “Recover from shards”, and show each shard’s QR code to the camera or choose a photo of it.
            </li>
            <li>Type the passphrase and a new PIN. Polkadot Vault and Parity’s Banana Split can also read these shards.</li>
          </ol>
          <p className="sheet-text mono">{s.text}</p>
        </section>
      ))}
    </div>
  );
}
