import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockFactories as serviceFactories } from '../../mocks/registry';
import { AdminClient } from '../../src/harness/admin-client';
import { prepareContainerMode, startContainerService } from '../../src/harness/containers';

/**
 * Container mode against embedded mode, measured in one run on the same machine:
 * - the whole suite's wall time in each mode (the anchor is the embedded run), and their ratio;
 * - per service, start-to-ready in a container (start until the admin API's health answers) next to
 *   the same factory started in-process, median of REPEATS.
 * Targets (issue 6): containers within 1.5x of embedded for the suite; each service ready < 1 s.
 */
const PROJECT = join(__dirname, '..', '..');
const OUT = join(PROJECT, 'reports', 'bench-modes');
const REPEATS = 3;
const SUITE_RATIO_TARGET = 1.5;
const READY_TARGET_MS = 1000;

export async function benchModes(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const image = await prepareContainerMode(); // built before timing anything
  console.log(`image ${image.image}${image.built ? ` (built now in ${ms(image.ms)})` : ''}`);

  const services = await startTimes();
  const embedded = suite('embedded');
  // The image built above, so that no rebuild (after someone's edit) lands inside the timing.
  const containers = suite('containers', { LYNC_HARNESS_MOCK_IMAGE: image.image });
  const ratio = containers.ms / embedded.ms;

  console.log('\nservice             embedded start   container start-to-ready');
  for (const s of services)
    console.log(
      `${s.name.padEnd(20)}${ms(s.embeddedMs).padStart(14)}   ${ms(s.containerMs).padStart(12)}  ${s.containerMs < READY_TARGET_MS ? 'ok' : 'OVER 1 s'}`,
    );
  console.log(`\nwhole suite, embedded:   ${ms(embedded.ms)} (${embedded.status})`);
  console.log(`whole suite, containers: ${ms(containers.ms)} (${containers.status})`);
  console.log(
    `ratio containers / embedded: ${ratio.toFixed(2)}x (target <= ${SUITE_RATIO_TARGET}x: ${ratio <= SUITE_RATIO_TARGET ? 'met' : 'NOT met'})`,
  );
  const result = {
    image: { ...image, client: undefined },
    services,
    embedded,
    containers,
    ratio,
    at: new Date().toISOString(),
  };
  writeFileSync(join(OUT, 'result.json'), JSON.stringify(result, null, 2));
  console.log(`figures: ${join(OUT, 'result.json')}`);
  return 0;
}

async function startTimes() {
  const results = [];
  // Samba's DC is a real server run as local processes, not a mock of the image: it has no container to time.
  for (const name of Object.keys(serviceFactories).filter((n) => !n.startsWith('samba-'))) {
    const embeddedMs: number[] = [];
    const containerMs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      let started = performance.now();
      const mock = await serviceFactories[name]({ host: '127.0.0.1', port: 0 });
      await new AdminClient(mock.urls.admin).health();
      embeddedMs.push(performance.now() - started);
      await mock.stop();
      started = performance.now();
      const service = await startContainerService(name);
      containerMs.push(performance.now() - started);
      await service.stop();
    }
    results.push({ name, embeddedMs: median(embeddedMs), containerMs: median(containerMs) });
  }
  return results;
}

/** One whole-suite run as a user would start it; wall time includes starting and removing services. */
function suite(mode: 'embedded' | 'containers', env: Record<string, string> = {}) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['bin/lync-harness.js', 'run', '--services', mode, '--out', join(OUT, mode), '--quiet'],
    { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  const elapsed = performance.now() - started;
  const summary =
    run.stdout
      .split('\n')
      .find((l) => /scenarios (ran|in)/.test(l))
      ?.trim() ?? '';
  return {
    mode,
    ms: elapsed,
    status: run.status === 0 ? `passed; ${summary}` : `exit ${run.status}; ${summary}`,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
