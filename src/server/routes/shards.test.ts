/**
 * The Banana Split routes (issue 16): `/api/identities/split` opens the identity with its PIN (what it
 * refuses before, it refuses before a PIN try is counted), answers the shards with their QR images and
 * the passphrase, and records each shard as a backup of the identity by its file name;
 * `/api/identities/combine/check` checks shards before the passphrase is asked; `/api/identities/combine`
 * recovers the identity, or names the one already in the vault.
 */
import jsQR from 'jsqr';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityByName } from '../../vault/identities.js';
import { backupStatus } from '../../wallet/backupHealth.js';
import { testAppStart, type TestApp } from '../testApp.js';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'shards', free: 100 });
  expect((await server.post('/api/identities/recover', { name: 'Paper', mnemonic: DEV, pin: PIN })).statusCode).toBe(200);
});
afterAll(() => server.stop());

/** The DEV phrase of Substrate (test/vectors/polkadot-js.json): a key anyone may use in a test. */
const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const PIN = '246810';
const NEW_PIN = '135790';

type Split = { title: string; required: number; count: number; passphrase: string; shards: { text: string; filename: string; qrPng: string }[] };

const failedAttempts = () => identityByName(server.vault, 'Paper')!.failedAttempts;
const paperState = () => backupStatus(server.vault, { fileCheck: () => 'unknown' }).items.find((i) => i.name === 'Paper');

/** The text of the QR code in a data: URL PNG, read with pngjs and jsQR (as a phone or the page would read it). */
function qrText(dataUrl: string): string | undefined {
  const png = pngjs.PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR.default(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('/api/identities/split and /api/identities/combine', () => {
  let split: Split;

  it('refuses a bad count, a bad title or an unknown identity before the PIN is tried; a wrong PIN is counted', async () => {
    const before = failedAttempts();
    const bad = [
      [{ identity: 'Paper', pin: 'wrong', shares: 2 }, 400, 'ShardCountError'],
      [{ identity: 'Paper', pin: 'wrong', shares: 256 }, 400, 'ShardCountError'],
      [{ identity: 'Paper', pin: 'wrong', shares: '3' }, 400, 'UsageError'],
      [{ identity: 'Paper', pin: 'wrong', shares: 3, title: 'x'.repeat(257) }, 400, 'InvalidInputError'],
      [{ identity: 'Nobody', pin: 'wrong', shares: 3 }, 404, 'IdentityNotFoundError'],
    ] as const;
    for (const [body, status, name] of bad) {
      const r = await server.post('/api/identities/split', body);
      expect([r.statusCode, (r.json() as { error: { name: string } }).error.name], JSON.stringify(body)).toEqual([status, name]);
    }
    expect(failedAttempts()).toBe(before);
    const wrong = await server.post('/api/identities/split', { identity: 'Paper', pin: '000000', shares: 3 });
    expect((wrong.json() as { error: { name: string } }).error.name).toBe('WrongPinError');
    expect(failedAttempts()).toBe(before + 1);
    expect(paperState()?.state).toBe('none');
  });

  it('splits: N shards with their QR images and file names, the passphrase once; each shard recorded, never verified', async () => {
    const r = await server.post('/api/identities/split', { identity: 'Paper', pin: PIN, shares: 5, title: 'Paper 2026' });
    expect(r.statusCode).toBe(200);
    split = r.json() as Split;
    expect(split).toMatchObject({ title: 'Paper 2026', required: 3, count: 5 });
    expect(split.passphrase).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+$/);
    expect(split.shards.map((s) => s.filename)).toEqual([1, 2, 3, 4, 5].map((i) => `shard-${i}-of-5.json`));
    for (const s of split.shards) {
      expect(qrText(s.qrPng)).toBe(s.text);
      expect(JSON.parse(s.text)).toMatchObject({ v: 1, t: 'Paper 2026', r: 3 });
    }
    expect(paperState()).toMatchObject({ state: 'unverified', backup: { format: 'banana-split', path: null } });
    expect(paperState()?.backup?.name).toMatch(/^shard-\d-of-5\.json$/);
  });

  it('check: the title, threshold and count; too few, mixed sets and a shard twice are one sentence each', async () => {
    const texts = split.shards.map((s) => s.text);
    const ok = await server.post('/api/identities/combine/check', { shards: texts.slice(0, 2) });
    expect(ok.statusCode).toBe(400);
    expect(ok.json()).toMatchObject({ error: { name: 'ShardsTooFewError', field: 'file' } });
    expect((ok.json() as { error: { message: string } }).error.message).toContain('(2 of 3 needed)');
    const good = await server.post('/api/identities/combine/check', { shards: [texts[4], { text: texts[0], label: 'photo.jpg' }, texts[2]] });
    expect(good.json()).toEqual({ title: 'Paper 2026', required: 3, count: 3 });
    const other = ((await server.post('/api/identities/split', { identity: 'Paper', pin: PIN, shares: 3 })).json() as Split).shards[0]!.text;
    const mixed = await server.post('/api/identities/combine/check', { shards: [texts[0], texts[1], other] });
    expect(mixed.json()).toMatchObject({ error: { name: 'ShardSetsMixedError' } });
    const twice = await server.post('/api/identities/combine/check', { shards: [texts[0], texts[1], texts[1]] });
    expect(twice.json()).toMatchObject({ error: { name: 'ShardDuplicateError' } });
    const label = await server.post('/api/identities/combine/check', { shards: [texts[0], { text: 'hello', label: 'photo.jpg' }, texts[1]] });
    expect((label.json() as { error: { message: string } }).error.message).toMatch(/^photo\.jpg is not a Banana Split shard/);
  });

  it('combine: a wrong passphrase is refused (the vault unchanged); the right one names the identity already there and verifies the shards', async () => {
    const texts = split.shards.map((s) => s.text).slice(1, 4);
    const identities = async () => (await server.app.inject({ method: 'GET', url: '/api/identities', headers: server.headers() })).json() as unknown[];
    const before = await identities();
    const wrong = await server.post('/api/identities/combine', { shards: texts, passphrase: 'wrong-wrong-wrong-wrong', pin: NEW_PIN });
    expect(wrong.json()).toMatchObject({ error: { name: 'ShardPassphraseWrongError', field: 'password' } });
    expect(paperState()).toMatchObject({ state: 'unverified', backup: { verifiedAt: null } });
    const r = await server.post('/api/identities/combine', { shards: texts, passphrase: split.passphrase.replaceAll('-', ' '), pin: NEW_PIN });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'Paper', existing: true });
    expect(await identities()).toEqual(before);
    // Recorded verified now: the shards opened with the passphrase. Their place is not known to the server
    // (downloads), so their file state is "unknown", and they count as verified as a verified download does.
    expect(paperState()).toMatchObject({ state: 'verified', backup: { format: 'banana-split', path: null, verifiedAt: expect.any(Number) } });
  });

  it('combine into a vault without that phrase: a new identity under the new PIN, named by the title or the name given', async () => {
    const other = await testAppStart({ name: 'shards-other', free: 100 });
    try {
      const texts = split.shards.map((s) => s.text).slice(2);
      const r = await other.post('/api/identities/combine', { shards: texts, passphrase: split.passphrase, pin: NEW_PIN });
      expect(r.json()).toMatchObject({ name: 'Paper 2026', existing: false });
      const shown = await other.post('/api/identities/show-phrase', { identity: 'Paper 2026', pin: NEW_PIN });
      expect((shown.json() as { mnemonic: string }).mnemonic).toBe(DEV);
      const named = await other.post('/api/identities/combine', { shards: texts, passphrase: split.passphrase, pin: NEW_PIN, name: 'Again' });
      // the same phrase is now here: named, not made twice
      expect(named.json()).toMatchObject({ name: 'Paper 2026', existing: true });
    } finally {
      await other.stop();
    }
  });
});
