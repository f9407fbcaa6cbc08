#!/usr/bin/env node
// What a Polkadot{.js} wallet does to open a backup file: wait for its crypto (WASM) to be ready,
// load the JSON into a keyring, and unlock the pair with the password (scrypt + secretbox).
// Polkadot{.js} does not check the decoded key against the address; neither does this script.
//
//   node bench/polkadot-open.js FILE PWFILE     (exit 0 when the pair unlocks)
import { polkadotStart, polkadotUnlock } from './polkadot.js';

const { path: file, password, keyring } = await polkadotStart('node bench/polkadot-open.js FILE PWFILE');
const pair = polkadotUnlock(keyring, file, password, 'polkadot-open');
if (pair.isLocked) {
  process.stderr.write('polkadot-open: the pair is still locked\n');
  process.exit(1);
}
