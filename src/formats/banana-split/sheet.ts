/** What one printed shard sheet shows. `qrPng` is the QR image of `shard` (see qrPngEncode). */
export type ShardSheet = { title: string; index: number; count: number; required: number; shard: string; qrPng: Uint8Array };

/** Text as HTML text or attribute value: the title and the shard are the user's and the file's text. */
function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One printable page for one shard: the title, "shard i of n", how many recover, the QR code (inline,
 * so the page is one file that works offline) and how to recover — never the passphrase, which is
 * kept apart from the shards. `@media print` lays it out on one sheet of paper (A4 or Letter).
 *
 * @example
 * bananaSplitSheet({ title: 'Phone', index: 1, count: 5, required: 3, shard, qrPng }) // '<!doctype html>…'
 */
export function bananaSplitSheet(sheet: ShardSheet): string {
  const { title, index, count, required } = sheet;
  const qr = `data:image/png;base64,${Buffer.from(sheet.qrPng.buffer, sheet.qrPng.byteOffset, sheet.qrPng.byteLength).toString('base64')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)} — shard ${index} of ${count}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; border-bottom: 2px solid #111; padding-bottom: .5rem; }
  h1 { font-size: 1.6rem; margin: 0; overflow-wrap: anywhere; }
  .shard { font-size: 1.3rem; font-weight: 700; white-space: nowrap; }
  .rule { font-size: 1.1rem; margin: .8rem 0; }
  figure { margin: 1rem 0; text-align: center; }
  figure img { width: 100%; max-width: 26rem; image-rendering: pixelated; }
  h2 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
  ol { margin: .3rem 0; padding-left: 1.4rem; }
  code, .text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
  .text { font-size: .65rem; overflow-wrap: anywhere; border: 1px solid #999; padding: .4rem; margin-top: .3rem; }
  .warn { border-left: 4px solid #111; padding-left: .6rem; }
  @page { size: auto; margin: 14mm; }
  @media print {
    body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
    header, figure, section { break-inside: avoid; page-break-inside: avoid; }
    figure img { width: 110mm; max-width: 110mm; }
    .text { font-size: 6.5pt; }
  }
</style>
</head>
<body>
<header><h1>${html(title)}</h1><span class="shard">Shard ${index} of ${count}</span></header>
<p class="rule">Any <strong>${required}</strong> of the ${count} shards recover the secret, together with the passphrase. Fewer than ${required} reveal nothing.</p>
<figure><img src="${qr}" alt="QR code of shard ${index} of ${count}"></figure>
<section>
<h2>How to recover</h2>
<ol>
<li>Gather any ${required} shards of "${html(title)}" and the passphrase (four words joined by "-"), which is kept apart from the shards and is not on this sheet.</li>
<li>With keepsake: <code>keepsake identity combine</code> followed by the shards' files or photos of their QR codes (PNG); it asks for the passphrase and a new PIN.</li>
<li>Or scan the QR codes with Polkadot Vault, which recovers a key from Banana Split shards, or open them in Parity's Banana Split.</li>
</ol>
<p class="warn">Keep each shard in a different place, and never with the passphrase.</p>
<h2>Shard text</h2>
<div class="text">${html(sheet.shard)}</div>
</section>
</body>
</html>
`;
}
