/**
 * `npm run bench:scale [-- --sizes 10000,100000] [--with-1m]`: a `lync-harness run` on generated
 * tenants of growing size (the sample tenant plus N generated objects, `--sample-size N`), each timed
 * wall to wall, with the peak resident memory of the whole run (the harness and every mock process it
 * started, summed) and of its largest single process, the CPU seconds of all of them, the load average
 * beside each figure (the machine may be shared), and the rule examples' time apart from the tenant
 * checks' (the examples run on their own fixtures, so they should cost the same at any size); then the
 * slope between sizes per 100,000 objects, so a regression in growth shows. Below each size, what
 * each process peaked at (the harness and each mock service, in the order they started), what each
 * held at the moment the run's summed RSS peaked (which stage to cut), and the run's peak PSS, which
 * counts the pages all Node processes share once. 1,000,000 objects takes long: only
 * with --with-1m.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TARGETS: Record<number, { seconds: number; mb: number }> = {
  100000: { seconds: 30, mb: 1024 },
  1000000: { seconds: 300, mb: 4096 },
};

interface Measurement {
  size: number;
  seconds: number;
  /** User + system CPU of the run and every process it started. */
  cpuSeconds: number;
  /** The 1-minute load average when the run ended. */
  load: string;
  /** Wall seconds of the rule examples and of the tenant checks, summed per scenario (from the messages). */
  examples?: number;
  tenantChecks?: number;
  treePeakMB: number;
  /** The peak of the tree's summed proportional set size: each shared page (node's own code) counted once. */
  treePeakPssMB: number;
  largestPeakMB: number;
  largestName: string;
  /** Every process of the run over 20 MB at its peak, in the order they started. */
  processes: { name: string; peakMB: number }[];
  /** Every process over 20 MB at the moment the run's summed RSS peaked, and the seconds since the start. */
  atPeak: { seconds: number; processes: { name: string; mb: number }[] };
  /** Where the run's report is, kept when a scenario failed. */
  kept?: string;
  exitCode: number | null;
  scenarios: string;
}

const TICKS_PER_SECOND = 100;

/**
 * The resident set of `pid` and every descendant, from /proc (kB), the largest one's name, and their
 * CPU seconds (each one's own, plus what its reaped children used: a mock that ended still counts).
 * The tree is walked through each thread's children list, so a sample reads only the run's processes
 * (the bench shares two cores with the run it measures).
 */
function treeRss(pid: number): {
  total: number;
  largest: number;
  largestName: string;
  cpu: number;
  each: Map<number, number>;
} {
  const each = new Map<number, number>();
  let total = 0;
  let cpu = 0;
  let largest = 0;
  let largestPid = pid;
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop() as number;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const kb = (Number(fields[21]) * 4096) / 1024;
      // utime, stime, cutime, cstime (fields 14-17 of /proc/PID/stat)
      cpu += fields.slice(11, 15).reduce((sum, t) => sum + Number(t), 0) / TICKS_PER_SECOND;
      total += kb;
      each.set(p, kb);
      if (kb > largest) [largest, largestPid] = [kb, p];
      queue.push(...childrenOf(p));
    } catch {
      // the process ended while we read
    }
  }
  return { total, largest, largestName: processName(largestPid), cpu, each };
}

/**
 * The summed proportional set size (kB) of these processes: RSS counts the pages every Node process
 * shares (node's own code, about 40 MB) once per process; PSS splits them among the processes.
 */
function treePss(pids: Iterable<number>): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we read
    }
  }
  return total;
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (list) found.push(...list.split(' ').map(Number));
  }
  return found;
}

/** A process as its command line names it: the mock service, or the harness. */
function processName(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.includes('run')
      ? 'the harness'
      : (argv.find((a) => /^[a-z][a-z/-]+$/.test(a) && a !== argv[0]) ?? 'a mock');
  } catch {
    return 'a process';
  }
}

async function measure(size: number): Promise<Measurement> {
  const out = mkdtempSync(join(tmpdir(), `lh-scale-${size}-`));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'lync-harness.js'), 'run', '--sample-size', String(size), '--quiet', '--out', out],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  let treePeak = 0;
  let treePeakPss = 0;
  let largestPeak = 0;
  let largestName = '';
  let cpuSeconds = 0;
  let samples = 0;
  const each = new Map<number, { name: string; peak: number }>();
  let atPeak: Measurement['atPeak'] = { seconds: 0, processes: [] };
  const sample = () => {
    const now = treeRss(child.pid as number);
    // PSS costs the kernel a walk of each process's pages: read every 10th sample.
    if (samples++ % 10 === 0) treePeakPss = Math.max(treePeakPss, treePss(now.each.keys()));
    // A name is read until it is a service's or the harness's: before its exec a process shows its
    // parent's command line, and a process that is ending shows none.
    for (const [pid, kb] of now.each) {
      const seen = each.get(pid);
      const named =
        seen &&
        !['a mock', 'a process'].includes(seen.name) &&
        (seen.name !== 'the harness' || pid === child.pid);
      each.set(pid, { name: named ? seen.name : processName(pid), peak: Math.max(kb, seen?.peak ?? 0) });
    }
    if (now.total > treePeak) {
      treePeak = now.total;
      const processes = [...now.each]
        .filter(([, kb]) => kb > 20 * 1024)
        .map(([pid, kb]) => ({ name: each.get(pid)?.name ?? 'a process', mb: kb / 1024 }));
      atPeak = { seconds: (performance.now() - started) / 1000, processes };
    }
    cpuSeconds = Math.max(cpuSeconds, now.cpu);
    if (now.largest > largestPeak) [largestPeak, largestName] = [now.largest, now.largestName];
  };
  // Memory is sampled every 100 ms (a measurement, not a condition anything waits for).
  const sampler = setInterval(sample, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const split = scenarioSeconds(join(out, 'messages.ndjson'));
  const kept = exitCode === 0 ? undefined : out;
  if (!kept && existsSync(out)) rmSync(out, { recursive: true, force: true });
  const scenarios = output.match(/\d+ of \d+ selected scenarios ran/)?.[0] ?? 'no summary line';
  return {
    size,
    seconds,
    cpuSeconds,
    load,
    ...split,
    treePeakMB: treePeak / 1024,
    treePeakPssMB: treePeakPss / 1024,
    processes: [...each.values()]
      .filter((p) => p.peak > 20 * 1024)
      .map((p) => ({ name: p.name, peakMB: p.peak / 1024 })),
    atPeak,
    largestPeakMB: largestPeak / 1024,
    largestName,
    kept,
    exitCode,
    scenarios,
  };
}

/** The rule examples' and the tenant checks' wall seconds, each scenario from its start to its end. */
function scenarioSeconds(file: string): { examples?: number; tenantChecks?: number } {
  if (!existsSync(file)) return {};
  const tenantCheck = new Set<string>();
  const pickleOf = new Map<string, string>();
  const startedAt = new Map<string, { at: number; testCase: string }>();
  const split = { examples: 0, tenantChecks: 0 };
  const seconds = (t: { seconds: number; nanos: number }) => t.seconds + t.nanos / 1e9;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line);
    if (m.pickle?.tags.some((t: { name: string }) => t.name === '@tenant-check'))
      tenantCheck.add(m.pickle.id);
    if (m.testCase) pickleOf.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted)
      startedAt.set(m.testCaseStarted.id, {
        at: seconds(m.testCaseStarted.timestamp),
        testCase: m.testCaseStarted.testCaseId,
      });
    if (m.testCaseFinished) {
      const start = startedAt.get(m.testCaseFinished.testCaseStartedId);
      if (!start) continue;
      const took = seconds(m.testCaseFinished.timestamp) - start.at;
      if (tenantCheck.has(pickleOf.get(start.testCase) ?? '')) split.tenantChecks += took;
      else split.examples += took;
    }
  }
  return split;
}

function slope(a: Measurement, b: Measurement): string {
  const per = (b.size - a.size) / 100_000;
  return `${((b.seconds - a.seconds) / per).toFixed(1)} s wall, ${((b.cpuSeconds - a.cpuSeconds) / per).toFixed(1)} s CPU and ${((b.treePeakMB - a.treePeakMB) / per).toFixed(0)} MB per 100k objects (${a.size.toLocaleString('en')} -> ${b.size.toLocaleString('en')})`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const listed = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10000,100000';
  const sizes = listed.split(',').map(Number);
  if (args.includes('--with-1m')) sizes.push(1_000_000);
  if (sizes.some((s) => !Number.isInteger(s) || s < 0)) {
    console.error(`bench:scale: --sizes takes whole numbers separated by commas, got ${listed}`);
    return 2;
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`bench:scale on Node ${process.version}, load average before: ${load}`);
  const results: Measurement[] = [];
  for (const size of sizes) {
    const m = await measure(size);
    results.push(m);
    console.log(
      `${m.size.toLocaleString('en').padStart(9)} objects: ${m.seconds.toFixed(1).padStart(6)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU (load ${m.load}), ` +
        `rule examples ${m.examples?.toFixed(1) ?? '?'} s, tenant checks ${m.tenantChecks?.toFixed(1) ?? '?'} s, ` +
        `peak RSS ${m.treePeakMB.toFixed(0)} MB for the run (largest process ${m.largestPeakMB.toFixed(0)} MB, ${m.largestName}), ` +
        `exit ${m.exitCode}, ${m.scenarios}${m.kept ? `; report kept in ${m.kept}` : ''}`,
    );
    console.log(
      `${''.padStart(18)}peak PSS ${m.treePeakPssMB.toFixed(0)} MB (read each second); each process's peak RSS, in the order they started: ` +
        m.processes.map((p) => `${p.name} ${p.peakMB.toFixed(0)}`).join(', '),
    );
    console.log(
      `${''.padStart(18)}at the run's peak (${m.atPeak.seconds.toFixed(1)} s in): ` +
        m.atPeak.processes.map((p) => `${p.name} ${p.mb.toFixed(0)}`).join(', '),
    );
  }
  for (let i = 1; i < results.length; i++) console.log(`slope: ${slope(results[i - 1], results[i])}`);
  for (const m of results) {
    const target = TARGETS[m.size];
    if (!target) continue;
    const met = m.seconds <= target.seconds && m.treePeakMB < target.mb;
    console.log(
      `target ${met ? 'met' : 'MISSED'}: ${m.size.toLocaleString('en')} objects in <= ${target.seconds} s and < ${target.mb} MB`,
    );
  }
  return results.some((m) => m.exitCode !== 0 && m.exitCode !== 1) ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
