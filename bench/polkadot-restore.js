#!/usr/bin/env node
// What the Polkadot{.js} extension does to restore account files, one after another: for each file,
// load the JSON into a keyring, unlock the pair with the password (scrypt + secretbox), then save it
// again — `pair.toJson(password)` re-encrypts it with the keyring's default scrypt (N=2^17) — and
// lock the pair (ui-keyring's restoreAccount: decodePkcs8, addPair → saveAccount → toJson, lock).
// The re-encoded files are kept in memory (the extension puts them in its storage).
//
//   node bench/polkadot-restore.js DIR PWFILE     (every *.json in DIR, in name order; exit 0 when all restore)
//
// Prints {"files":N,"reencodedN":…} on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const [dir, pwFile] = process.argv.slice(2);
if (dir === undefined || pwFile === undefined) {
  process.stderr.write('usage: node bench/polkadot-restore.js DIR PWFILE\n');
  process.exit(2);
}

await cryptoWaitReady();
const password = readFileSync(pwFile, 'utf8').split(/\r?\n/)[0];
const names = readdirSync(dir)
  .filter((n) => n.toLowerCase().endsWith('.json'))
  .sort();
const keyring = new Keyring({ type: 'sr25519' });
const saved = [];
for (const name of names) {
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const pair = keyring.addFromJson(json);
  try {
    pair.decodePkcs8(password);
  } catch (err) {
    process.stderr.write(`polkadot-restore: ${name}: ${err.message}\n`);
    process.exit(3);
  }
  saved.push(pair.toJson(password));
  pair.lock();
}
const header = Buffer.from(saved[0]?.encoded ?? '', 'base64');
const reencodedN = header.length >= 44 ? header.readUInt32LE(32) : null;
process.stdout.write(`${JSON.stringify({ files: saved.length, reencodedN })}\n`);
