// npm run mutation [-- --mutate src/model/<module>.ts ...]: runs StrykerJS (stryker.config.json), then
// keeps each mutated module's score in reports/mutation/scores.json (a run of one module leaves the
// others' scores as they were) and prints every module's last score and this run's survivors.
// One module at a time reuses its own incremental file, so a re-run tests only what changed.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'reports', 'mutation');
const args = process.argv.slice(2);

function incrementalArgs() {
  if (args.includes('--incremental') || args.includes('--force')) return [];
  const at = args.indexOf('--mutate');
  const target = at >= 0 ? args[at + 1] : undefined;
  if (!target || target.includes(',') || target.includes('*')) return [];
  const name = basename(target).replace(/\.ts$/, '');
  return ['--incremental', '--incrementalFile', join('reports', 'mutation', 'incremental', `${name}.json`)];
}

const stryker = join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', ...args, ...incrementalArgs()], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
});
if (run.status !== 0) process.exit(run.status ?? 1);

const report = JSON.parse(readFileSync(join(out, 'mutation.json'), 'utf8'));
const scoresFile = join(out, 'scores.json');
const scores = existsSync(scoresFile) ? JSON.parse(readFileSync(scoresFile, 'utf8')) : {};
const survivors = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const undetected = count('Survived', 'NoCoverage');
  scores[file] = {
    score: detected + undetected ? Math.round((1000 * detected) / (detected + undetected)) / 10 : null,
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    at: new Date().toISOString(),
  };
  for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage'))
    survivors.push(
      `${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${m.replacement ?? ''}`,
    );
}
mkdirSync(out, { recursive: true });
writeFileSync(scoresFile, `${JSON.stringify(scores, null, 2)}\n`);

console.log('\nMutation score per module (reports/mutation/scores.json, last run of each):');
for (const [file, s] of Object.entries(scores).sort()) {
  const detail = `killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}`;
  console.log(
    `  ${file.padEnd(32)} ${String(s.score ?? '-').padStart(5)}%  (${detail}; ${s.at.slice(0, 16)})`,
  );
}
if (survivors.length)
  console.log(`\nSurvivors of this run (${survivors.length}):\n  ${survivors.join('\n  ')}`);
