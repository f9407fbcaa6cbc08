// What both Polkadot{.js} scripts (polkadot-open.js, polkadot-restore.js) do, the way the wallet does it:
// start its crypto, read the password, and unlock a file's pair. Only they import this module.
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/**
 * The script's two arguments PATH and PWFILE (exit 2 with `usage` when one is missing), then, once the
 * wallet's crypto (WASM) is ready: the password (the first line of PWFILE) and an sr25519 keyring.
 */
export async function polkadotStart(usage) {
  const [path, pwFile] = process.argv.slice(2);
  if (path === undefined || pwFile === undefined) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  await cryptoWaitReady();
  return { path, password: readFileSync(pwFile, 'utf8').split(/\r?\n/)[0], keyring: new Keyring({ type: 'sr25519' }) };
}

/** Loads `file` into the keyring and unlocks its pair with the password (scrypt + secretbox); exit 3, naming `label`, when it does not open. */
export function polkadotUnlock(keyring, file, password, label) {
  const pair = keyring.addFromJson(JSON.parse(readFileSync(file, 'utf8')));
  try {
    pair.decodePkcs8(password);
  } catch (err) {
    process.stderr.write(`${label}: ${err.message}\n`);
    process.exit(3);
  }
  return pair;
}
