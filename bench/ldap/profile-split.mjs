// Where the mock DC's serving time goes, from a .cpuprofile (bench/ldap/mock-server.ts --cpu-prof):
// each sample goes to the first frame, from the leaf up, that belongs to a stage of the wire path
// (framing, decoding, filter planning, index look-up, entry encoding, journal, socket writes), or to
// V8's own (GC, idle, native). Prints the share of the busy time (idle excluded) per stage and the
// heaviest functions.
//   usage: node bench/ldap/profile-split.mjs FILE.cpuprofile [top N]
import { readFileSync } from 'node:fs';

const STAGES = [
  ['framing', /mocks\/ldap\/framer\.ts$/],
  ['decoding', /mocks\/ldap\/(ber-reader|decode-[a-z-]+)\.ts$/],
  ['filter planning', /mocks\/ldap\/(compile-filter|planner|filter|anr|dn-keys|partition-references)\.ts$/],
  [
    'index look-up',
    /mocks\/ldap\/(indexes|id-set|initials-index|value-pool|compact-entry|dit|directory-state)\.ts$/,
  ],
  ['entry encoding', /mocks\/ldap\/(entry-writer|entry-codec|ber)\.ts$|src\/asn1\/tlv\.ts$/],
  ['journal', /mocks\/(ldap\/journal-summary|admin\/journal)\.ts$/],
  ['request dispatch', /mocks\/ldap\/(server|search|session|bind)\.ts$/],
  ['connection (reads, writes)', /mocks\/ldap\/(ldap-connection|listener)\.ts$/],
  ['socket I/O (node:net, streams)', /^node:(net|stream|internal\/(streams|stream_base_commons|net))/],
];
// The profiler's own work (its start, stop and serialisation) is left out, as idle time is.
const PROFILER = /^node:inspector|bench\/ldap\/mock-server\.ts$/;
const SPECIAL = { '(garbage collector)': 'GC', '(idle)': 'idle', '(program)': 'native (V8, libuv)' };

const [file, top = '15'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const stageOf = new Map();
function stage(id) {
  if (stageOf.has(id)) return stageOf.get(id);
  const { callFrame } = byId.get(id);
  let found = Object.hasOwn(SPECIAL, callFrame.functionName) ? SPECIAL[callFrame.functionName] : undefined;
  if (!found && PROFILER.test(callFrame.url)) found = 'profiler';
  if (!found) found = STAGES.find(([, re]) => re.test(callFrame.url))?.[0];
  if (!found) found = parent.has(id) ? stage(parent.get(id)) : 'other';
  stageOf.set(id, found);
  return found;
}

const time = new Map();
const self = new Map();
let busy = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const s = stage(id);
  time.set(s, (time.get(s) ?? 0) + dt);
  if (s === 'idle' || s === 'profiler') return;
  busy += dt;
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(mocks|src|node_modules)\//, '$1/')}:${lineNumber + 1}`;
  self.set(name, (self.get(name) ?? 0) + dt);
});
const total = [...time.values()].reduce((a, b) => a + b, 0);
const pct = (t, of) => `${((100 * t) / of).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s`);
console.log('stage (share of the busy time)');
for (const [s, t] of [...time].filter(([s]) => s !== 'idle' && s !== 'profiler').sort((a, b) => b[1] - a[1]))
  console.log(`  ${s.padEnd(34)}${pct(t, busy)}`);
console.log(`heaviest functions (self time)`);
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`  ${pct(t, busy)}  ${name}`);
