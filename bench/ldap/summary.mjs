// Prints the bench:ldap summary (mock vs slapd, per query type) and checks the targets.
import fs from 'node:fs';
import path from 'node:path';

const [dir, results] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const gen = read('gen.json');
const slapdStart = read('slapd-start.json');
const mockStart = read('mock-start.json');
const [sv, mv, sl, ml] = ['slapd-verify', 'mock-verify', 'slapd-load', 'mock-load'].map((f) =>
  read(`${f}.json`),
);
const NAMES = {
  a: '(a) mail=',
  b: '(b) msRTCSIP-PrimaryUserAddress=',
  c: '(c) prefix OR, sizeLimit 100',
  d: '(d) contacts, paged 500',
  mix: 'mix',
};
const identical = ['a', 'b', 'c', 'd'].every((t) => sv.types[t].sha256 === mv.types[t].sha256);
for (const t of ['a', 'b', 'c', 'd'])
  if (sv.types[t].sha256 !== mv.types[t].sha256)
    console.log(
      `answers differ for (${t}): slapd ${JSON.stringify(sv.types[t])}, mock ${JSON.stringify(mv.types[t])}`,
    );
const rows = Object.keys(NAMES).map((t) => {
  const s = sl.phases[t];
  const m = ml.phases[t];
  return {
    type: t,
    slapdOps: s.opsPerSec,
    mockOps: m.opsPerSec,
    ratioOps: +(m.opsPerSec / s.opsPerSec).toFixed(2),
    slapdCpuUs: s.serverCpuUsPerOp,
    mockCpuUs: m.serverCpuUsPerOp,
    ratioCpu: +(m.serverCpuUsPerOp / s.serverCpuUsPerOp).toFixed(2),
    // Cores busy during the row (server, and the one-thread client measuring it): near 1.0 is the bound.
    cores: {
      slapd: s.serverCores,
      mock: m.serverCores,
      clientOfSlapd: s.clientCores,
      clientOfMock: m.clientCores,
    },
    clientCpuUs: { slapd: s.clientCpuUsPerOp, mock: m.clientCpuUsPerOp },
  };
});
const loadAverage = (f) =>
  fs.existsSync(path.join(dir, f)) ? Number(fs.readFileSync(path.join(dir, f), 'utf8')) : null;
const summary = {
  date: new Date().toISOString(),
  n: gen.n,
  loadAverage: { start: loadAverage('loadavg-start'), end: loadAverage('loadavg-end') },
  resultsIdentical: identical,
  load: { slapaddMs: slapdStart.slapaddMs, mockMs: mockStart.loadMs },
  peakRssMB: { slapd: sl.peakRssMB, mock: ml.peakRssMB },
  rows,
};
fs.writeFileSync(path.join(results, `summary-${gen.n}-${Date.now()}.json`), JSON.stringify(summary, null, 1));
console.log(
  `bench:ldap N=${gen.n} objects, same results on both servers: ${identical}; load average ${summary.loadAverage.start} at the start, ${summary.loadAverage.end} at the end (2 cores)`,
);
console.log(
  'query                              slapd ops/s   mock ops/s  mock/slapd   slapd µs/op   mock µs/op  cpu ratio',
);
for (const r of rows)
  console.log(
    `${NAMES[r.type].padEnd(34)} ${String(r.slapdOps).padStart(11)} ${String(r.mockOps).padStart(12)} ${String(r.ratioOps).padStart(11)} ${String(r.slapdCpuUs).padStart(13)} ${String(r.mockCpuUs).padStart(12)} ${String(r.ratioCpu).padStart(10)}`,
  );
console.log(
  "cores busy during each row (a one-thread side near 1.0 bounds it) and the client's CPU per operation",
);
console.log(
  'query                              slapd  mock  client(slapd)  client(mock)  client µs/op slapd  mock',
);
for (const r of rows)
  console.log(
    `${NAMES[r.type].padEnd(34)} ${String(r.cores.slapd).padStart(5)} ${String(r.cores.mock).padStart(5)} ${String(r.cores.clientOfSlapd).padStart(14)} ${String(r.cores.clientOfMock).padStart(13)} ${String(r.clientCpuUs.slapd).padStart(19)} ${String(r.clientCpuUs.mock).padStart(5)}`,
  );
console.log(
  `load: slapadd ${slapdStart.slapaddMs} ms, mock (LDIF through the admin API) ${mockStart.loadMs} ms`,
);
console.log(`peak RSS: slapd ${summary.peakRssMB.slapd} MB, mock ${summary.peakRssMB.mock} MB`);
const targets = [
  ['throughput >= slapd on every query type', rows.every((r) => r.ratioOps >= 1)],
  ["server CPU per operation at most slapd's on every query type", rows.every((r) => r.ratioCpu <= 1)],
  ['load faster than slapadd', mockStart.loadMs < slapdStart.slapaddMs],
  ['under 1 GB resident', (summary.peakRssMB.mock ?? Infinity) < 1024],
];
for (const [what, met] of targets) console.log(`target ${met ? 'met' : 'MISSED'}: ${what}`);
