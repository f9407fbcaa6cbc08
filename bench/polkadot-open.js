#!/usr/bin/env node
// What a Polkadot{.js} wallet does to open a backup file: wait for its crypto (WASM) to be ready,
// load the JSON into a keyring, and unlock the pair with the password (scrypt + secretbox).
// Polkadot{.js} does not check the decoded key against the address; neither does this script.
//
//   node bench/polkadot-open.js FILE PWFILE     (exit 0 when the pair unlocks)
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const [file, pwFile] = process.argv.slice(2);
if (file === undefined || pwFile === undefined) {
  process.stderr.write('usage: node bench/polkadot-open.js FILE PWFILE\n');
  process.exit(2);
}

await cryptoWaitReady();
const json = JSON.parse(readFileSync(file, 'utf8'));
const password = readFileSync(pwFile, 'utf8').split(/\r?\n/)[0];
const keyring = new Keyring({ type: 'sr25519' });
const pair = keyring.addFromJson(json);
try {
  pair.decodePkcs8(password);
} catch (err) {
  process.stderr.write(`polkadot-open: ${err.message}\n`);
  process.exit(3);
}
if (pair.isLocked) {
  process.stderr.write('polkadot-open: the pair is still locked\n');
  process.exit(1);
}
