import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { AddressField } from '../ui';

/**
 * The most pixels an image is read at: a 24-megapixel photo, as the CLI's reader (src/formats/qr-image.ts
 * QR_IMAGE_MAX_PIXELS). A larger image is drawn scaled down to it, so memory stays bounded.
 */
const QR_IMAGE_MAX_PIXELS = 24_000_000;

/** How often a camera frame is read (ms): often enough to read a QR code held up, rarely enough to leave the CPU alone. */
const FRAME_INTERVAL = 150;

/**
 * The text of the QR code in an image the browser can draw (a camera frame, a decoded photo), or
 * undefined when none is found: drawn to a canvas (scaled down to the pixel cap), read with jsQR.
 */
export function qrTextOf(
  source: CanvasImageSource,
  width: number,
  height: number,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): string | undefined {
  if (width <= 0 || height <= 0) return undefined;
  const scale = Math.min(1, Math.sqrt(QR_IMAGE_MAX_PIXELS / (width * height)));
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return undefined;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, pixels.width, pixels.height)?.data || undefined;
}

/**
 * The QR code in an image file (PNG, JPEG, anything the browser decodes), or a sentence saying why
 * there is none. The file is decoded by the browser (createImageBitmap), never by keepsake's code.
 */
export async function qrTextOfFile(file: File): Promise<{ text: string } | { problem: string }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { problem: `${file.name} is not an image the browser can open; choose a PNG or JPEG photo of the shard, or paste its text.` };
  }
  try {
    const text = qrTextOf(bitmap, bitmap.width, bitmap.height);
    return text === undefined
      ? { problem: `${file.name} holds no QR code that could be read; choose a sharper photo of the shard, or paste its text.` }
      : { text };
  } finally {
    bitmap.close();
  }
}

/**
 * A live camera view that reads QR codes (getUserMedia on this local page): each frame is drawn to a
 * canvas and read with jsQR; every text read is given to `onText` (the same code seen in many frames
 * is given each time: the caller keeps the distinct ones). The camera is stopped when the scanner is
 * removed (the dialog closes, or the caller has read enough). `label` says what it is reading for
 * ("2 of 3 shards read"). Reused for any QR text the page reads by camera.
 */
export function QrScanner({
  onText,
  label,
  instead = 'choose photos of the shards or paste their text instead',
}: {
  onText: (text: string) => void;
  label: string;
  /** What to do when there is no camera ("paste the text instead"). */
  instead?: string;
}) {
  const insteadRef = useRef(instead);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onText);
  handler.current = onText;
  const [problem, setProblem] = useState('');
  const [live, setLive] = useState(false);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    const canvas = document.createElement('canvas');
    const read = () => {
      const v = video.current;
      if (stopped || v === null) return;
      if (v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        const text = qrTextOf(v, v.videoWidth, v.videoHeight, canvas);
        if (text !== undefined) handler.current(text);
      }
      timer = window.setTimeout(read, FRAME_INTERVAL);
    };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(`This browser gives the page no camera; ${insteadRef.current}.`);
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        setProblem(`The camera could not be opened (no camera, or permission refused); allow it and try again, or ${insteadRef.current}.`);
        return;
      }
      if (stopped) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      const v = video.current;
      if (v === null) return;
      v.srcObject = stream;
      await v.play().catch(() => undefined);
      setLive(true);
      read();
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className="qr-scanner">
      <video ref={video} muted playsInline aria-label="Camera view" />
      <p role="status" className="qr-scanner-status">
        {problem === '' ? (live ? label : 'Opening the camera…') : null}
      </p>
      {problem === '' ? null : (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * "Scan with the camera" beside a text field: opens a {@link QrScanner}; the first QR text `check`
 * accepts (it returns no problem) is given to `onRead` and the camera closes. A text it refuses is
 * said once under the camera view (the same code seen in the next frames is not said again), and the
 * camera stays open for the right code.
 */
export function QrScanButton({
  label,
  check,
  onRead,
  instead,
}: {
  label: string;
  check: (text: string) => string | undefined;
  onRead: (text: string) => void;
  instead: string;
}) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<{ text: string; sentence: string } | undefined>();
  const read = (text: string) => {
    if (problem?.text === text) return;
    const sentence = check(text);
    if (sentence !== undefined) {
      setProblem({ text, sentence });
      return;
    }
    setProblem(undefined);
    setOpen(false);
    onRead(text);
  };
  return (
    <div className="qr-scan">
      <button
        type="button"
        onClick={() => {
          setOpen(!open);
          setProblem(undefined);
        }}
      >
        {open ? 'Stop the camera' : 'Scan with the camera'}
      </button>
      {open ? <QrScanner onText={read} label={label} instead={instead} /> : null}
      {problem === undefined ? null : (
        <p className="field-error" role="alert" data-testid="scan-problem">
          {problem.sentence}
        </p>
      )}
    </div>
  );
}

/**
 * Why a QR text the camera read is not put in the Address field, or undefined when it looks like an
 * address (the server checks it on saving). A Polkadot Vault key QR is refused outright: a secret must
 * never land in the address book or a watch-only account.
 */
function addressScanProblem(read: string): string | undefined {
  const t = read.trim();
  if (/^secret:/i.test(t)) return 'That QR code holds a secret key, not an address: it was not used. Keep it away from cameras and screens.';
  if (!/^(substrate|ethereum):|^0x[0-9a-f]{40}$|^[1-9A-HJ-NP-Za-km-z]{40,60}$/i.test(t))
    return 'That QR code holds no address; hold up the QR code of an address.';
  return undefined;
}

/**
 * An Address field with "Scan with the camera" beside it (the Address book, "Add watch-only"): a QR code
 * read fills the field when it holds an address or a Polkadot Vault address text; a key QR is refused.
 */
export function AddressScanField(p: { value: string; onChange: (value: string) => void; error: string | undefined; hint: string }) {
  return (
    <>
      <AddressField value={p.value} onChange={p.onChange} error={p.error} hint={p.hint} />
      <QrScanButton
        label="Hold the address QR code up to the camera."
        instead="paste the address"
        check={addressScanProblem}
        onRead={(read) => p.onChange(read.trim())}
      />
    </>
  );
}
