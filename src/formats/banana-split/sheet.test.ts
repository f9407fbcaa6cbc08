import { describe, expect, it } from 'vitest';
import { bananaSplitSheet } from './sheet.js';

describe('bananaSplitSheet', () => {
  const sheet = { title: 'Cold <b>"wallet"</b> & co', index: 2, count: 5, required: 3, shard: '{"v":1,"t":"<x>"}', qrPng: Uint8Array.of(1, 2, 3) };

  it('shows the title, "shard i of n", how many recover, the QR inline, how to recover, and a print layout', () => {
    const page = bananaSplitSheet(sheet);
    expect(page).toContain('Shard 2 of 5');
    expect(page).toContain('Any <strong>3</strong> of the 5 shards recover');
    expect(page).toContain('<img src="data:image/png;base64,AQID"');
    expect(page).toContain('keepsake identity combine');
    expect(page).toMatch(/@media print \{[^]*figure img \{ width: 110mm/);
  });

  it("escapes the title and the shard's text (they come from the user and from files)", () => {
    const page = bananaSplitSheet(sheet);
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<x>');
    expect(page).toContain('Cold &#60;b&#62;&#34;wallet&#34;&#60;/b&#62; &#38; co');
  });
});
