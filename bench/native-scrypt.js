#!/usr/bin/env node
// The floor: the least any program can do to open Polkadot{.js} files — start Node, derive each
// key with native scrypt (node:crypto, libuv threads) and exit. No decryption, no key check.
//
//   node bench/native-scrypt.js [FILE PWFILE]
//   node bench/native-scrypt.js DIR PWFILE
//
// With FILE and PWFILE it takes the salt and N/p/r from FILE's header and the password from PWFILE
// (the same work as opening that file); without them it uses N=2^17, r=8, p=1 and a fixed salt.
// Either way: exactly one crypto.scrypt with dkLen 64.
// With a directory: one scrypt per *.json file in it, each with its own header, as many at a time
// as there are cores (the same parallelism keepsake's restore uses).
import { scrypt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const [path, pwFile] = process.argv.slice(2);
let password = Buffer.from('keepsake-bench');
let jobs = [{ salt: Buffer.alloc(32, 7), N: 1 << 17, r: 8, p: 1 }];
if (path !== undefined && pwFile !== undefined) {
  password = Buffer.from(readFileSync(pwFile, 'utf8').split(/\r?\n/)[0], 'utf8');
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((n) => n.toLowerCase().endsWith('.json'))
        .sort()
        .map((n) => join(path, n))
    : [path];
  jobs = files.map((file) => {
    const encoded = Buffer.from(JSON.parse(readFileSync(file, 'utf8')).encoded, 'base64');
    return { salt: encoded.subarray(0, 32), N: encoded.readUInt32LE(32), p: encoded.readUInt32LE(36), r: encoded.readUInt32LE(40) };
  });
}

const one = ({ salt, N, r, p }) =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, 64, { N, r, p, maxmem: 128 * N * r + 4 * 1024 * 1024 }, (err, key) => {
      if (err) reject(err);
      else if (key.length !== 64) reject(new Error('short key'));
      else resolve();
    }),
  );

let next = 0;
const worker = async () => {
  while (next < jobs.length) await one(jobs[next++]);
};
try {
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), jobs.length) }, worker));
} catch (err) {
  process.stderr.write(`native-scrypt: ${err.message}\n`);
  process.exit(1);
}
