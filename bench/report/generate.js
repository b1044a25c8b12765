// One measured step in its own process, so its peak memory is its own:
//   node bench/report/generate.js report DIR   builds the report of the run in DIR
//   node bench/report/generate.js anchor DIR   reads every evidence file once and writes it once
// Prints one JSON line: { ms (wall), cpuMs (user + system: fairer on a busy machine), maxRssMB }.
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [mode, dir] = process.argv.slice(2);
const { loadCatalog } = require('../../src/catalog/catalog');
const { createManifest } = require('../../src/report/manifest');
const { readRunMessages } = require('../../src/report/run-messages');
const { writeRunReport } = require('../../src/report/write-report');

const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
if (mode === 'report') {
  const catalog = loadCatalog();
  const config = JSON.parse(readFileSync(join(dir, 'run-config.json'), 'utf8'));
  const run = readRunMessages(join(dir, 'messages.ndjson'));
  const manifest = { ...createManifest(config, catalog), status: 'passed' };
  writeRunReport({ outDir: dir, catalog, run, manifest });
} else {
  // The least any report must do with every outcome: parse it once and write it once.
  const out = [];
  for (const name of readdirSync(join(dir, 'evidence')).filter((n) => n.endsWith('.json'))) {
    const list = JSON.parse(readFileSync(join(dir, 'evidence', name), 'utf8'));
    out.push(JSON.stringify(list));
  }
  writeFileSync(join(dir, 'anchor.json'), out.join('\n'));
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
