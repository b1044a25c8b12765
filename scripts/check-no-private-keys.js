// Fails when any file of a run folder holds a private key: the PKI made per run hands keys to the mocks
// through their admin API only, and a report (with its evidence files) must never carry one.
// Usage: node scripts/check-no-private-keys.js RUN_DIR [RUN_DIR ...]
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----|"(?:keyPem|privateKey)"\s*:\s*"[^"]/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node scripts/check-no-private-keys.js RUN_DIR [RUN_DIR ...]');
  process.exit(2);
}
const leaks = [];
let checked = 0;
for (const dir of dirs) {
  for (const file of files(dir)) {
    checked++;
    if (PRIVATE_KEY.test(readFileSync(file, 'latin1'))) leaks.push(file);
  }
}
if (leaks.length) {
  console.error(`private key material found in ${leaks.length} report file(s):\n  ${leaks.join('\n  ')}`);
  process.exit(1);
}
console.log(`no private key in ${checked} report files`);
