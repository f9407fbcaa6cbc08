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
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { polkadotStart, polkadotUnlock } from './polkadot.js';

const { path: dir, password, keyring } = await polkadotStart('node bench/polkadot-restore.js DIR PWFILE');
const names = readdirSync(dir)
  .filter((n) => n.toLowerCase().endsWith('.json'))
  .sort();
const saved = [];
for (const name of names) {
  const pair = polkadotUnlock(keyring, join(dir, name), password, `polkadot-restore: ${name}`);
  saved.push(pair.toJson(password));
  pair.lock();
}
const header = Buffer.from(saved[0]?.encoded ?? '', 'base64');
const reencodedN = header.length >= 44 ? header.readUInt32LE(32) : null;
process.stdout.write(`${JSON.stringify({ files: saved.length, reencodedN })}\n`);
