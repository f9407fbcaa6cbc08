#!/usr/bin/env node
// A floor for `account list --json` (reference only): start Node, open the vault read-only with
// better-sqlite3, read every account row and print public JSON for each — no address encoding
// (keepsake computes each SS58 address), no CLI. What is left is Node + SQLite + JSON.
//
//   node bench/list-floor.js VAULT
import Database from 'better-sqlite3-multiple-ciphers';

const [file] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: node bench/list-floor.js VAULT\n');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const rows = db.prepare('SELECT name, type, public_key, network, genesis_hash, file_json IS NOT NULL AS has_key, verified FROM accounts ORDER BY id').all();
db.close();
const out = rows.map((r) => ({
  name: r.name,
  type: r.type,
  publicKey: `0x${r.public_key.toString('hex')}`,
  network: r.network,
  genesisHash: r.genesis_hash,
  hasKey: r.has_key === 1,
  verified: r.verified === 1,
}));
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
