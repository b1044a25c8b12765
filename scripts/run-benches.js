// `npm run bench`: every benchmark in turn. Each prints ratios against an anchor measured in the same
// run (slapd, libmspack, openssl s_server, a parse-and-write pass, the embedded suite). Pass names to
// run a subset: `npm run bench -- ldap tls`.
const { spawnSync } = require('node:child_process');
const { scripts } = require('../package.json');

const all = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .map((name) => name.slice('bench:'.length));
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const failed = [];
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`bench: no benchmark "${name}" (have: ${all.join(', ')})`);
    process.exit(2);
  }
  console.log(`\n==== bench:${name} ====`);
  const result = spawnSync('npm', ['run', '--silent', `bench:${name}`], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
console.log(
  `\nbench: ${chosen.length - failed.length} of ${chosen.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
