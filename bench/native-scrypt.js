#!/usr/bin/env node
// The floor: the least any program can do to open a Polkadot{.js} file — start Node, derive
// the key with ONE native scrypt (node:crypto, libuv thread) and exit. No decryption, no key check.
//
//   node bench/native-scrypt.js [FILE PWFILE]
//
// With FILE and PWFILE it takes the salt and N/p/r from FILE's header and the password from PWFILE
// (the same work as opening that file); without them it uses N=2^17, r=8, p=1 and a fixed salt.
// Either way: exactly one crypto.scrypt with dkLen 64.
import { scrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [file, pwFile] = process.argv.slice(2);
let password = Buffer.from('keepsake-bench');
let salt = Buffer.alloc(32, 7);
let N = 1 << 17;
let r = 8;
let p = 1;
if (file !== undefined && pwFile !== undefined) {
  const encoded = Buffer.from(JSON.parse(readFileSync(file, 'utf8')).encoded, 'base64');
  salt = encoded.subarray(0, 32);
  N = encoded.readUInt32LE(32);
  p = encoded.readUInt32LE(36);
  r = encoded.readUInt32LE(40);
  password = Buffer.from(readFileSync(pwFile, 'utf8').split(/\r?\n/)[0], 'utf8');
}

scrypt(password, salt, 64, { N, r, p, maxmem: 128 * N * r + 4 * 1024 * 1024 }, (err, key) => {
  if (err) {
    process.stderr.write(`native-scrypt: ${err.message}\n`);
    process.exit(1);
  }
  if (key.length !== 64) process.exit(1);
});
