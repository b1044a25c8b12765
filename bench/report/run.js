// npm run bench:report: report generation for a run on a 100,000-object tenant.
// Targets: under 5 s, report.html under 5 MB, peak resident memory under 1 GB. The anchor, measured
// in the same run, is the bare minimum any report must do: parse every outcome once and write it once.
// On a shared, busy machine wall time swings with the load (printed); CPU time and its ratio to the
// anchor are the steadier figures.
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, statSync } = require('node:fs');
const { loadavg, tmpdir } = require('node:os');
const { join } = require('node:path');
const { writeSyntheticRun } = require('./synthetic-run');

const objects = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'lh-bench-report-'));
const step = (mode) =>
  JSON.parse(
    execFileSync(process.execPath, [join(__dirname, 'generate.js'), mode, dir], { encoding: 'utf8' }),
  );
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);
try {
  const { outcomes } = writeSyntheticRun(dir, objects);
  const anchor = step('anchor');
  const report = step('report');
  const page = statSync(join(dir, 'report.html')).size;
  const csv = statSync(join(dir, 'findings.csv')).size;
  const json = statSync(join(dir, 'findings.json')).size;
  const targets = [
    [
      'time',
      report.ms < 5000,
      `${(report.ms / 1000).toFixed(2)} s wall (< 5 s; 1-minute load ${loadavg()[0].toFixed(1)})`,
    ],
    ['page', page < 5 * 1024 * 1024, `${mb(page)} MB (< 5 MB)`],
    ['memory', report.maxRssMB < 1024, `${report.maxRssMB} MB peak RSS (< 1024 MB)`],
  ];
  console.log(
    `tenant: ${objects.toLocaleString('en')} objects, ${outcomes.toLocaleString('en')} rule outcomes`,
  );
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`anchor (parse + write every outcome once): ${anchor.ms} ms wall, ${anchor.cpuMs} ms CPU`);
  console.log(
    `report generation: ${report.ms} ms wall (${ratio(report.ms, anchor.ms)} x anchor), ${report.cpuMs} ms CPU (${ratio(report.cpuMs, anchor.cpuMs)} x anchor)`,
  );
  console.log(`files: report.html ${mb(page)} MB, findings.csv ${mb(csv)} MB, findings.json ${mb(json)} MB`);
  for (const [name, ok, text] of targets) console.log(`${ok ? 'PASS' : 'MISS'} ${name}: ${text}`);
  const load = loadavg()[0].toFixed(1);
  console.log(
    `SUMMARY wall=${report.ms}ms cpu=${report.cpuMs}ms anchorWall=${anchor.ms}ms anchorCpu=${anchor.cpuMs}ms cpuRatio=${ratio(report.cpuMs, anchor.cpuMs)} page=${mb(page)}MB rss=${report.maxRssMB}MB load=${load}`,
  );
  process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
