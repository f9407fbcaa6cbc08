/**
 * Secret URIs from a file (issue 11 items 4 and 13), through the real CLI:
 *
 * - security review #11: a SURI with 10,000 `//a` junctions held the server's event loop for seconds.
 *   A SURI over 2 KiB, a path over 1 KiB or 64 junctions is refused before anything is derived, for
 *   Substrate and BIP-44 (ethereum) paths alike: one sentence, exit 1, the vault unchanged.
 * - security review #14: a misspelt phrase word and a `///password` typed with one slash were quoted
 *   in the error (and in `--json`). They are named by position only.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, EXIT, expectRefused, okJson, type Sandbox, sandboxFrom, type Template, template } from '../support/cli.js';
import { DEV_PHRASE } from '../support/oracle.js';
import { testSecrets } from '../support/secrets.js';

const S = testSecrets('suri', ['password', 'pin']);
const SECRET = 'MySecretPass123';

/** //Alice in a vault and an identity on the dev phrase, so "unchanged" is checked against a vault that holds something. */
let seeded: Template;

beforeAll(async () => {
  seeded = await template(async (box) => {
    const pw = await box.secret('pw.txt', S.password);
    const pin = await box.secret('pin.txt', S.pin);
    const suri = await box.secret('alice.txt', `${DEV_PHRASE}//Alice`);
    const phrase = await box.secret('phrase.txt', DEV_PHRASE);
    okJson(await box.run(['account', 'add', '--name', 'Alice', '--suri-file', suri, '--password-file', pw, '--kdf', 'compat', '--json']));
    okJson(await box.run(['identity', 'recover', '--name', 'Dev', '--mnemonic-file', phrase, '--pin-file', pin, '--json']));
  });
}, 60_000);

afterAll(async () => {
  await seeded?.remove();
});

/** `account add` of the SURI in `file` (of `type` when given) into a copy of the seeded vault, with its password. */
function seededAdd(box: Sandbox, { name, type, file, json }: { name: string; type?: string; file: string; json: boolean }): Promise<CliResult> {
  return box.run([
    'account',
    'add',
    '--name',
    name,
    ...(type === undefined ? [] : ['--type', type]),
    '--suri-file',
    file,
    '--password-file',
    seeded.path('pw.txt'),
    ...(json ? ['--json'] : []),
  ]);
}

describe('account add: a path too long to derive is refused before any derivation (review #11)', () => {
  it.each([
    ['10,000 junctions (the review: 30 KB)', `${DEV_PHRASE}${'//a'.repeat(10_000)}`, 'sr25519', /longer than 2048 bytes/],
    ['65 junctions', `${DEV_PHRASE}${'//a'.repeat(65)}`, 'sr25519', /more than 64 junctions/],
    ['a 1025-byte junction', `${DEV_PHRASE}//${'b'.repeat(1023)}`, 'ed25519', /longer than 1024 bytes/],
    ['a 65-step BIP-44 path', `${DEV_PHRASE}/m${"/0'".repeat(65)}`, 'ethereum', /more than 64 junctions/],
  ])('%s → exit 1, one sentence, vault unchanged', async (_label, suri, type, match) => {
    const box = await sandboxFrom(seeded);
    const before = seeded.accounts;
    const file = await box.secret('long.txt', suri);
    for (const json of [false, true]) {
      const r = await seededAdd(box, { name: 'Long', type, file, json });
      expectRefused(r, EXIT.failed, { json, match, secrets: [DEV_PHRASE.split(' ').slice(0, 2).join(' ')] });
    }
    expect(await box.list()).toEqual(before);
  });
});

describe('secrets typed into a phrase or path are never quoted (review #14)', () => {
  it('a misspelt word: named by position, the word in neither the text nor the --json error', async () => {
    const box = await sandboxFrom(seeded);
    const file = await box.secret('typo.txt', DEV_PHRASE.replace('curtain', 'fabricx'));
    for (const json of [false, true]) {
      const r = await seededAdd(box, { name: 'Typo', file, json });
      expectRefused(r, EXIT.failed, { json, match: /Word 5 of the recovery phrase/, secrets: ['fabricx', 'fabric'] });
    }
    expect(await box.list()).toEqual(seeded.accounts);
  });

  it.each(['ed25519', 'ecdsa', 'ethereum'])('a ///password typed with one slash (%s): the path is not quoted', async (type) => {
    const box = await sandboxFrom(seeded);
    const file = await box.secret('slash.txt', `${DEV_PHRASE}/${SECRET}`);
    for (const json of [false, true]) {
      const r = await seededAdd(box, { name: 'Slash', type, file, json });
      expectRefused(r, EXIT.failed, { json, match: /derivation path cannot be used/, secrets: [SECRET, 'Secret'] });
    }
    expect(await box.list()).toEqual(seeded.accounts);
  });

  it('identity derive --path with one slash on an ed25519 key: named as junction 1, never quoted', async () => {
    const box = await sandboxFrom(seeded);
    for (const json of [false, true]) {
      const r = await box.run([
        'identity',
        'derive',
        'Dev',
        '--type',
        'ed25519',
        '--path',
        `/${SECRET}`,
        '--pin-file',
        seeded.path('pin.txt'),
        ...(json ? ['--json'] : []),
      ]);
      expectRefused(r, EXIT.failed, { json, match: /Junction 1 of the derivation path cannot be used/, secrets: [SECRET, 'Secret'] });
    }
    expect(await box.list()).toEqual(seeded.accounts);
  });
});
