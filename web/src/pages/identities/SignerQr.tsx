import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';

/** Signer's address QR code (a data: URL image, allowed by the CSP) with its text. */
export function SignerQr({ text, name }: { text: string | null; name: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let live = true;
    if (text !== null) {
      toDataURL(text, { margin: 1, width: 176, errorCorrectionLevel: 'M' }).then(
        (url) => live && setSrc(url),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [text]);
  if (text === null) return <p className="hint qr-none">No Signer QR code: keepsake does not know this network’s genesis hash.</p>;
  return (
    <figure className="qr">
      {src ? <img src={src} width={176} height={176} alt={`Signer QR code for ${name}`} /> : null}
      <figcaption>
        <span className="sr-only">Signer text: </span>
        <code className="mono" data-testid="signer-qr-text">
          {text}
        </code>
      </figcaption>
    </figure>
  );
}
