/**
 * Banana Split shards through the CLI (issue 16): `identity split` writes each shard's text, QR image
 * and printable page; `identity combine` recovers the identity from the texts, from the PNG images,
 * from pasted lines, and from the published vectors' shards; every refusal has its exit code, one
 * line, an unchanged vault, and no passphrase or phrase in any file or non-terminal output.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  EXIT,
  HAS_SCRIPT,
  expectNoPhrase,
  expectNoSecrets,
  expectRefused,
  okJson,
  recoverIdentity,
  sandbox,
  vaultDump,
  wordRuns,
  type Sandbox,
} from '../../support/cli.js';
import { loadVectors } from '../../support/vectors.js';

const PIN = '271828';
const NEW_PIN = '314159';
/** banana-recovery-rust's set A: its secret is a BIP-39 phrase. */
const VECTORS = loadVectors('banana-split');
const PHRASE_SET = VECTORS.sets[2]!;
const PHRASE = PHRASE_SET.secret;

type SplitJson = { title: string; shares: number; required: number; folder: string; files: string[]; passphraseFile: string | null };

/** A sandbox with the identity "Phone" (the vector phrase) split into `shares` shards in `shards/`; the passphrase file is outside it. */
async function splitBox(
  shares = 5,
  extra: string[] = [],
): Promise<{ box: Sandbox; pin: string; split: SplitJson; passphrase: string; passphraseFile: string }> {
  const box = await sandbox();
  const pin = await recoverIdentity(box, 'Phone', PHRASE, PIN);
  const passphraseFile = box.path('passphrase.txt');
  const r = await box.run([
    'identity',
    'split',
    'Phone',
    '--shares',
    String(shares),
    '--out',
    box.path('shards'),
    '--pin-file',
    pin,
    '--passphrase-out',
    passphraseFile,
    '--json',
    ...extra,
  ]);
  const split = okJson<SplitJson>(r);
  const passphrase = readFileSync(passphraseFile, 'utf8').trim();
  expectNoSecrets(r, [passphrase]);
  // Each word on its own, as a word: "fold" may be part of "folder" in the output, never a word there.
  for (const word of passphrase.split('-')) expect(`${r.stdout}\n${r.stderr}`, word).not.toMatch(new RegExp(`\\b${word}\\b`));
  expectNoPhrase(r, PHRASE);
  return { box, pin, split, passphrase, passphraseFile };
}

/** Every file of the shards' folder, as text (PNGs as their bytes read as latin1). */
function folderTexts(dir: string): string[] {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'latin1'));
}

describe('keepsake identity split', () => {
  it('writes shard-<i>-of-<n>.json, .png and .html for each shard, any floor(n/2)+1 recover; the passphrase and phrase are in no file', async () => {
    const { box, split, passphrase } = await splitBox(5);
    expect(split).toMatchObject({ title: 'Phone', shares: 5, required: 3, passphraseFile: box.path('passphrase.txt') });
    const names = readdirSync(box.path('shards')).sort();
    expect(names).toEqual([1, 2, 3, 4, 5].flatMap((i) => ['html', 'json', 'png'].map((e) => `shard-${i}-of-5.${e}`)).sort());
    expect(passphrase).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+$/);
    for (const text of folderTexts(box.path('shards'))) {
      for (const s of [passphrase, ...wordRuns(PHRASE)]) expect(text.includes(s)).toBe(false);
    }
    const shard = JSON.parse(readFileSync(box.path('shards', 'shard-2-of-5.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(shard)).toEqual(['v', 't', 'r', 'd', 'n']);
    expect(shard).toMatchObject({ v: 1, t: 'Phone', r: 3 });
    const page = readFileSync(box.path('shards', 'shard-2-of-5.html'), 'utf8');
    expect(page).toContain('Shard 2 of 5');
    expect(page).toMatch(/Any <strong>3<\/strong> of the 5 shards recover/);
    expect(page).toContain('<img src="data:image/png;base64,');
    expect(page).toContain('@media print');
    expect(page).toContain('keepsake identity combine');
  });

  it('a shard given to inspect, verify or restore says what it is and how it recovers (exit 1), the vault unchanged', async () => {
    const { box } = await splitBox(3);
    const shard = box.path('shards', 'shard-1-of-3.json');
    const before = vaultDump(box.vault);
    for (const command of [
      ['inspect', shard],
      ['verify', shard],
      ['restore', shard],
    ]) {
      const r = await box.run([...command, '--json'], { stdin: 'some password\n' });
      const message = expectRefused(r, EXIT.failed, { json: true, name: 'ShardNotBackupError' });
      expect(message, command[0]).toMatch(/is a Banana Split shard of "Phone", not a backup file: .*any 2 shards of its set with the passphrase/);
    }
    const human = await box.run(['verify', shard]);
    expect(human.code).toBe(EXIT.failed);
    expect(human.stderr).toContain('keepsake identity combine SHARD…');
    expect(vaultDump(box.vault)).toEqual(before);
  });

  it('combine recovers the identity from 3 JSON files and from 3 PNG images, under a new PIN, named after the title', async () => {
    const { box, passphraseFile } = await splitBox(5);
    const newPin = await box.secret('new.pin', NEW_PIN);
    for (const [vault, files] of [
      [box.path('from-json.sqlite'), ['shard-5-of-5.json', 'shard-1-of-5.json', 'shard-3-of-5.json']],
      [box.path('from-png.sqlite'), ['shard-2-of-5.png', 'shard-4-of-5.png', 'shard-5-of-5.png']],
      [box.path('mixed.sqlite'), ['shard-1-of-5.png', 'shard-2-of-5.json', 'shard-3-of-5.html'.replace('html', 'png')]],
    ] as const) {
      const r = await box.run(
        ['identity', 'combine', ...files.map((f) => box.path('shards', f)), '--passphrase-file', passphraseFile, '--pin-file', newPin, '--json'],
        { vault },
      );
      expect(okJson<{ name: string; title: string; shards: number }>(r)).toMatchObject({ name: 'Phone', title: 'Phone', shards: 3 });
      expectNoPhrase(r, PHRASE);
      const shown = okJson<{ mnemonic: string }>(await box.run(['identity', 'show-phrase', 'Phone', '--pin-file', newPin, '--json'], { vault }));
      expect(shown.mnemonic).toBe(PHRASE);
    }
  });

  it('combine reads shards pasted on standard input, one a line, and a passphrase typed with spaces', async () => {
    const { box, passphrase } = await splitBox(3);
    const lines = ['shard-3-of-3.json', 'shard-1-of-3.json'].map((f) => readFileSync(box.path('shards', f), 'utf8').trim());
    const spaced = await box.secret('spaced.txt', passphrase.replaceAll('-', ' '));
    const newPin = await box.secret('new.pin', NEW_PIN);
    const vault = box.path('pasted.sqlite');
    const r = await box.run(['identity', 'combine', '-', '--name', 'Pasted', '--passphrase-file', spaced, '--pin-file', newPin, '--json'], {
      vault,
      stdin: `\n${lines.join('\n')}\n`,
    });
    expect(okJson<{ name: string }>(r).name).toBe('Pasted');
  });

  it("the vectors' shards combine via the CLI; a set whose secret is not a phrase is refused (exit 1) and adds nothing", async () => {
    const box = await sandbox();
    const newPin = await box.secret('new.pin', NEW_PIN);
    const files = await Promise.all(PHRASE_SET.shards.map((s, i) => box.write(`rust-a-${i}.txt`, s)));
    const pass = await box.secret('rust-a.pass', PHRASE_SET.passphrase);
    const made = okJson<{ name: string }>(await box.run(['identity', 'combine', ...files, '--passphrase-file', pass, '--pin-file', newPin, '--json']));
    expect(made.name).toBe('Alice tries BananaSplit again');
    expect(okJson<{ mnemonic: string }>(await box.run(['identity', 'show-phrase', made.name, '--pin-file', newPin, '--json'])).mnemonic).toBe(PHRASE);

    const before = vaultDump(box.vault);
    for (const set of [VECTORS.sets[0]!, VECTORS.sets[1]!]) {
      const shardFiles = await Promise.all(set.shards.map((s, i) => box.write(`${set.name.replace(/\W+/g, '-')}-${i}.json`, s)));
      const p = await box.secret(`${set.name.replace(/\W+/g, '-')}.pass`, set.passphrase);
      const r = await box.run(['identity', 'combine', ...shardFiles, '--passphrase-file', p, '--pin-file', newPin, '--json']);
      expectRefused(r, EXIT.failed, { json: true, name: 'ShardSecretNotPhraseError', secrets: [set.secret, set.passphrase] });
    }
    expect(vaultDump(box.vault)).toEqual(before);
  });
});

describe('refusals: exit code, one line, the vault unchanged', () => {
  it('split: a wrong PIN (3), 2 or 256 shards (2), a folder that is not empty (1), no terminal and no --passphrase-out (2), the passphrase beside the shards (2)', async () => {
    const { box, pin } = await splitBox(3);
    const wrong = await box.secret('wrong.pin', '999999');
    const before = vaultDump(box.vault);
    const out = box.path('more');
    const pp = box.path('pp.txt');
    const cases: [string[], number, string][] = [
      [['--shares', '3', '--out', out, '--pin-file', wrong, '--passphrase-out', pp], EXIT.wrongPassword, 'WrongPinError'],
      [['--shares', '2', '--out', out, '--pin-file', pin, '--passphrase-out', pp], EXIT.usage, 'ShardCountError'],
      [['--shares', '256', '--out', out, '--pin-file', pin, '--passphrase-out', pp], EXIT.usage, 'ShardCountError'],
      [['--shares', 'five', '--out', out, '--pin-file', pin, '--passphrase-out', pp], EXIT.usage, 'ShardCountError'],
      [['--shares', '3', '--out', box.path('shards'), '--pin-file', pin, '--passphrase-out', pp], EXIT.failed, 'ShardFolderNotEmptyError'],
      [['--shares', '3', '--out', out, '--pin-file', pin], EXIT.usage, 'UsageError'],
      [['--shares', '3', '--out', out, '--pin-file', pin, '--passphrase-out', join(out, 'pp.txt')], EXIT.usage, 'UsageError'],
    ];
    for (const [args, code, name] of cases) {
      const r = await box.run(['identity', 'split', 'Phone', ...args, '--json']);
      expectRefused(r, code, { json: true, name, secrets: [PIN, '999999'] });
      expectNoPhrase(r, PHRASE);
      expect(box.exists('more'), args.join(' ')).toBe(false);
      expect(box.exists('pp.txt'), args.join(' ')).toBe(false);
    }
    // a wrong PIN is the one change a failed command makes (its count); the PIN right clears it
    okJson(await box.run(['identity', 'show-phrase', 'Phone', '--pin-file', pin, '--json']));
    expect(vaultDump(box.vault)).toEqual(before);
  });

  it('combine: too few shards, shards of two sets, a shard twice, not a shard, an image without a QR code (1); a wrong passphrase (3)', async () => {
    const { box, passphraseFile } = await splitBox(5);
    const other = await splitBox(3);
    const newPin = await box.secret('new.pin', NEW_PIN);
    const wrongPass = await box.secret('wrong.pass', 'wrong-wrong-wrong-wrong');
    const shard = (i: number) => box.path('shards', `shard-${i}-of-5.json`);
    const notShard = await box.write('note.txt', 'hello');
    const blank = new pngjs.PNG({ width: 64, height: 64 });
    blank.data.fill(0xff);
    const notQr = box.path('blank.png');
    writeFileSync(notQr, pngjs.PNG.sync.write(blank));
    const cut = box.path('cut.png');
    writeFileSync(cut, readFileSync(box.path('shards', 'shard-3-of-5.png')).subarray(0, 200));
    const before = vaultDump(box.vault);
    const cases: [string[], string, number, string, RegExp][] = [
      [[shard(1), shard(2)], passphraseFile, EXIT.failed, 'ShardsTooFewError', /2 of 3 needed/],
      [[shard(1), shard(2), other.box.path('shards', 'shard-1-of-3.json')], passphraseFile, EXIT.failed, 'ShardSetsMixedError', /different sets/],
      [[shard(1), shard(2), shard(2)], passphraseFile, EXIT.failed, 'ShardDuplicateError', /given twice/],
      [[shard(1), notShard, shard(2)], passphraseFile, EXIT.failed, 'NotShardError', /note\.txt is not a Banana Split shard/],
      [[shard(1), notQr, shard(2)], passphraseFile, EXIT.failed, 'ShardImageError', /blank\.png holds no QR code/],
      [[shard(1), cut, shard(2)], passphraseFile, EXIT.failed, 'ShardImageError', /cut\.png is a damaged PNG image/],
      [[shard(1), shard(2), shard(3)], wrongPass, EXIT.wrongPassword, 'ShardPassphraseWrongError', /passphrase does not open/],
    ];
    for (const [files, pass, code, name, match] of cases) {
      const r = await box.run(['identity', 'combine', ...files, '--passphrase-file', pass, '--pin-file', newPin, '--name', 'New', '--json']);
      expectRefused(r, code, { json: true, name, match, secrets: [NEW_PIN, 'wrong-wrong-wrong-wrong'] });
      expectNoPhrase(r, PHRASE);
    }
    expect(vaultDump(box.vault)).toEqual(before);
    // into a vault that is not there yet: a wrong passphrase creates no vault file
    const fresh = box.path('fresh.sqlite');
    const r = await box.run(['identity', 'combine', shard(1), shard(2), shard(3), '--passphrase-file', wrongPass, '--pin-file', newPin, '--json'], {
      vault: fresh,
    });
    expectRefused(r, EXIT.wrongPassword, { json: true, name: 'ShardPassphraseWrongError' });
    expect(box.exists('fresh.sqlite')).toBe(false);
    // the title names an identity already there, which nothing shows to be the same phrase (no account
    // to derive again, no record of these shards — they were split in another vault): refused
    const otherShards = [1, 2].map((i) => other.box.path('shards', `shard-${i}-of-3.json`));
    const dup = await box.run(['identity', 'combine', ...otherShards, '--passphrase-file', other.passphraseFile, '--pin-file', newPin, '--json']);
    expectRefused(dup, EXIT.failed, { json: true, name: 'DuplicateIdentityError' });
    expect(vaultDump(box.vault)).toEqual(before);
  });
});

type StatusJson = {
  ok: boolean;
  items: { kind: string; name: string; state: string; backup: { path: string | null; name: string; format: string; file: string } | null }[];
};
const phoneStatus = async (box: Sandbox) => okJson<StatusJson>(await box.run(['status', '--json'])).items.find((i) => i.name === 'Phone');
const identityCount = async (box: Sandbox) => okJson<unknown[]>(await box.run(['identity', 'list', '--json'])).length;

describe('shards are backups (backup health)', () => {
  it('split records each shard file: the identity is backed up, never verified; combining them in the same vault verifies it and adds nothing', async () => {
    const { box, passphraseFile } = await splitBox(3);
    const written = await phoneStatus(box);
    expect(written).toMatchObject({ kind: 'identity', state: 'unverified', backup: { format: 'banana-split', file: 'present' } });
    expect(written?.backup?.name).toMatch(/^shard-[123]-of-3\.json$/);
    expect(written?.backup?.path).toBe(box.path('shards', written!.backup!.name));
    const newPin = await box.secret('new.pin', NEW_PIN);
    // one shard as its QR image, one as its text: both are the records split wrote
    const files = [box.path('shards', 'shard-1-of-3.png'), box.path('shards', 'shard-3-of-3.json')];
    const r = await box.run(['identity', 'combine', ...files, '--passphrase-file', passphraseFile, '--pin-file', newPin]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout.trim()).toBe('These shards open: they recover the identity "Phone" already in this vault.');
    expect(await identityCount(box)).toBe(1);
    const verified = await phoneStatus(box);
    expect(verified).toMatchObject({ state: 'verified', backup: { format: 'banana-split', file: 'present' } });
    expect(verified?.backup?.name).toMatch(/^shard-[13]-of-3\.json$/);
    expect(okJson<StatusJson>(await box.run(['status', '--json'])).ok).toBe(true);
  });

  it('a phrase already here (an account derives again from it) is recognised whatever the title; shards that recover a new identity verify it', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'Phone', PHRASE, PIN);
    okJson(await box.run(['identity', 'derive', 'Phone', '--network', 'polkadot', '--pin-file', pin, '--json']));
    const newPin = await box.secret('new.pin', NEW_PIN);
    const files = await Promise.all(PHRASE_SET.shards.map((s, i) => box.write(`rust-a-${i}.txt`, s)));
    const pass = await box.secret('rust-a.pass', PHRASE_SET.passphrase);
    const known = okJson<{ name: string; existing: boolean }>(
      await box.run(['identity', 'combine', ...files, '--passphrase-file', pass, '--pin-file', newPin, '--json']),
    );
    expect(known).toMatchObject({ name: 'Phone', existing: true });
    expect(await identityCount(box)).toBe(1);
    expect((await phoneStatus(box))?.state).not.toBe('none');

    const fresh = box.path('fresh.sqlite');
    const made = okJson<{ name: string; existing: boolean }>(
      await box.run(['identity', 'combine', ...files, '--passphrase-file', pass, '--pin-file', newPin, '--json'], { vault: fresh }),
    );
    expect(made).toMatchObject({ name: 'Alice tries BananaSplit again', existing: false });
    const status = okJson<StatusJson>(await box.run(['status', '--json'], { vault: fresh })).items.find((i) => i.name === 'Alice tries BananaSplit again');
    expect(status?.backup?.format).toBe('banana-split');
  });
});

describe('on a terminal', () => {
  it.runIf(HAS_SCRIPT)('split asks the PIN first and shows the passphrase once, on the terminal only; nothing of it is written', async () => {
    const box = await sandbox();
    await recoverIdentity(box, 'Phone', PHRASE, PIN);
    const r = await box.tty(
      ['identity', 'split', 'Phone', '--shares', '3', '--out', box.path('shards')],
      [{ wait: /PIN of the identity "Phone": /, send: PIN }],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    const shown = /\n\s+([a-z]+-[a-z]+-[a-z]+-[a-z]+)\s*\n/.exec(r.transcript)?.[1];
    expect(shown, r.transcript).toBeDefined();
    expect(r.transcript.split(shown!).length - 1).toBe(1);
    for (const text of folderTexts(box.path('shards'))) expect(text.includes(shown!)).toBe(false);
    const pass = await box.secret('pass.txt', shown!);
    const newPin = await box.secret('new.pin', NEW_PIN);
    const files = [1, 3].map((i) => box.path('shards', `shard-${i}-of-3.png`));
    const made = await box.run(['identity', 'combine', ...files, '--name', 'Again', '--passphrase-file', pass, '--pin-file', newPin, '--json'], {
      vault: box.path('again.sqlite'),
    });
    expect(okJson<{ name: string }>(made).name).toBe('Again');
  });
});
