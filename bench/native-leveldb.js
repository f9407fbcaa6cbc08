#!/usr/bin/env node
// The floor of reading an extension store: start Node, open the LevelDB folder with LevelDB itself
// (classic-level, native), iterate every live entry and parse the account values as JSON, and exit.
// It sees only what is live; keepsake's scan also reads every older version in the files.
//
//   node bench/native-leveldb.js DIR
import { ClassicLevel } from 'classic-level';

const [dir] = process.argv.slice(2);
const db = new ClassicLevel(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
let accounts = 0;
for await (const [key, value] of db.iterator()) {
  if (/(?:^|:)account:0x[0-9a-f]+$/.test(key)) {
    JSON.parse(value);
    accounts += 1;
  }
}
await db.close();
process.stdout.write(`${accounts}\n`);
