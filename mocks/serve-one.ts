/**
 * Starts one registered mock service in this process and prints its ready line (mocks/ready-line.ts).
 * What a mock container and a mock process run (bundled, from serve-one-main.ts), and runs the same
 * from the sources (`node -r ./scripts/register-ts.js mocks/serve-one.ts <service>`).
 *
 *   serve-one <service> [--host 127.0.0.1] [--port N] [--admin-port N] [--sip-port N] [--seed FILE [--seed-type TYPE]]
 *
 * `--seed` loads FILE through the service's own admin API (PUT /__admin/data), exactly as the harness
 * would, before the ready line is printed. SIGTERM / SIGINT stop the service and exit 0.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { adminHeaders } from './admin/admin-token';
import { formatReadyLine } from './ready-line';
import { mockFactories as serviceFactories } from './registry';

const USAGE =
  'Usage: serve-one <service> [--host 127.0.0.1] [--port N] [--admin-port N] [--sip-port N] [--seed FILE [--seed-type TYPE]]';

const SEED_TYPES: Record<string, string> = {
  '.ldif': 'text/ldif',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

export async function serveOne(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'admin-port': { type: 'string' },
      'sip-port': { type: 'string' },
      seed: { type: 'string' },
      'seed-type': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const name = positionals[0];
  if (values.help || !name) {
    console.log(`${USAGE}\nServices: ${Object.keys(serviceFactories).join(', ') || '(none registered)'}`);
    return;
  }
  const factory = serviceFactories[name];
  if (!factory)
    throw new Error(`unknown service "${name}"; known: ${Object.keys(serviceFactories).join(', ')}`);
  const mock = await factory({
    host: values.host,
    port: portOption('--port', values.port),
    adminPort: portOption('--admin-port', values['admin-port']),
    sipPort: portOption('--sip-port', values['sip-port']),
  });
  const stop = () => mock.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Started by the harness (embedded mode): the harness gone, the service goes too.
  if (process.send) process.once('disconnect', stop);
  if (values.seed) await seed(mock.urls.admin, values.seed, values['seed-type']);
  console.log(formatReadyLine({ service: mock.name ?? name, urls: mock.urls }));
  // Test-only: an error nobody catches, thrown and rejected, to show the service outlives it.
  if (process.env.LYNC_MOCK_TEST_STRAY_ERRORS === '1') {
    setImmediate(() => {
      throw new Error('a stray error (test)');
    });
    void Promise.reject(new Error('a stray rejection (test)'));
  }
}

function portOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${flag} takes a port number (0-65535), got "${value}"`);
  return port;
}

async function seed(adminUrl: string, file: string, type?: string): Promise<void> {
  const contentType = type ?? SEED_TYPES[extname(file).toLowerCase()] ?? 'text/plain';
  const response = await fetch(`${adminUrl}/__admin/data`, {
    method: 'PUT',
    headers: { 'content-type': contentType, ...adminHeaders() },
    body: readFileSync(file),
  });
  if (!response.ok) throw new Error(`seeding ${file} answered ${response.status}: ${await response.text()}`);
}

/**
 * A mock serves many clients: one client's request that trips an unexpected error must not end the
 * service for the others. It is logged (the harness shows a dead service's last log lines) and the
 * process keeps serving.
 */
function keepServing(): void {
  const log = (kind: string) => (error: unknown) =>
    console.error(`[serve-one] ${kind}, still serving: ${(error as Error)?.stack ?? error}`);
  process.on('unhandledRejection', log('unhandled rejection'));
  process.on('uncaughtException', log('uncaught exception'));
}

/** Runs serve-one as a program: the service named in `argv`, kept serving; a start that fails exits 1. */
export function runServeOne(argv: string[]): void {
  keepServing();
  serveOne(argv).catch((error) => {
    console.error(`[serve-one] ${(error as Error).message}`);
    process.exit(1);
  });
}

// Run from the sources. The bundled program is an ES module, with no `module`: its entry is serve-one-main.ts.
if (typeof module !== 'undefined' && require.main === module) runServeOne(process.argv.slice(2));
