#!/usr/bin/env node
// The floor of opening a locked vault: start Node, derive one SQLCipher 4 key — PBKDF2-HMAC-SHA512,
// 256,000 iterations, 32 bytes (node:crypto, OpenSSL) — and exit. No database, no decryption.
//
//   node bench/native-pbkdf2.js [PWFILE]
import { pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [pwFile] = process.argv.slice(2);
const password = pwFile === undefined ? 'keepsake-bench' : readFileSync(pwFile, 'utf8').split(/\r?\n/)[0];
pbkdf2Sync(password, Buffer.alloc(16, 7), 256_000, 32, 'sha512');
