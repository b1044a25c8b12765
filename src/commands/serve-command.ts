import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { discoverPox } from '../clients/exchange/autodiscover';
import { DIRECTORY_PASSWORD, type DirectoryKind } from '../harness/directory';
import { type Environment, startEnvironment } from '../harness/environment';
import type { StartedService } from '../harness/service-set';
import { loadTenant } from '../tenant/load';
import {
  autodiscoverCommand,
  certProvisioningCommand,
  edgeCommand,
  ldapsearchCommand,
  mailboxOf,
  oabCommand,
  peopleSearchCommand,
  resolveNamesCommand,
} from './serve-commands';
import { UsageError } from './usage-error';

export const SERVE_HELP = `lync-harness serve: start every mock service on loopback, seeded with a tenant, until Ctrl-C

Usage: lync-harness serve [--tenant FILE ...] [--sample-size N] [--ldap mock|samba] [--once]

  --tenant FILE      a forest's LDIF export (online=FILE / onpremises=FILE as for run); default: the sample tenant
  --sample-size N    extra generated objects in the sample tenant
  --ldap KIND        mock (default) or samba: beside each forest's mock DC, a Samba AD DC seeded alike on
                     a loopback address of its own (127.0.0.2, ...; as root, with Samba's packages)
  --once             start, print the endpoints, check each service's health, stop (for scripts and CI)

Every service is seeded from the tenant (the domain controllers with its forests, Exchange Online with
what DirSync exports, Lync Online with the online forest's people, the Edge and the pool with the run's
certificates) and prints its endpoints and command lines that work as printed (ldapsearch, curl,
openssl s_client). Accounts of the data bind by DN, UPN or DOMAIN\\user with the password ${DIRECTORY_PASSWORD}.`;

export async function serveCommand(args: string[]): Promise<number> {
  const options = parse(args);
  if (options.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  const tenant = loadTenant({ files: options.tenants, sampleSize: options.sampleSize });
  const env = startEnvironment({ mode: 'embedded', tenant, ldap: options.ldap });
  try {
    await env.seedAll();
    for (const forest of tenant.forests)
      if (forest.addedByHarness.length)
        console.log(
          `${forest.domain}: added by the harness, not in your export: ${forest.addedByHarness.join('; ')}`,
        );
    console.log(
      `admin API token (Authorization: Bearer …; also in ${ADMIN_TOKEN_VARIABLE} for child processes): ${adminToken()}`,
    );
    for (const [name, lines] of await describe(env)) {
      const service = await env.services.get(name);
      console.log(name);
      for (const [kind, url] of Object.entries(service.urls)) console.log(`  ${kind.padEnd(14)}${url}`);
      for (const line of lines) console.log(`  try           ${line}`);
      await service.admin.health();
    }
    if (options.once) return 0;
    console.log('\nServing on loopback; press Ctrl-C to stop.');
    // The services run in processes of their own: this timer keeps the harness waiting for the signal.
    const waiting = setInterval(() => {}, 1 << 30);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    clearInterval(waiting);
    return 0;
  } catch (error) {
    console.error(`lync-harness serve: the services did not start: ${(error as Error).message}`);
    return 1;
  } finally {
    await env.stop();
  }
}

/** Every seeded service with command lines that show it answering with the tenant's data. */
async function describe(env: Environment): Promise<Array<[string, string[]]>> {
  const space = env.tenant;
  const out: Array<[string, string[]]> = [];
  for (const role of ['onpremises', 'online'] as const)
    if (space.hasForest(role)) {
      for (const { dc } of await space.directories(role))
        out.push([dc.service.name, [ldapsearchCommand(dc)]]);
    }
  if (space.hasForest('online')) {
    const cloud = await space.cloud();
    out.push([cloud.exchange.name, await exchangeLines(cloud)]);
    const lync = await space.lyncOnline();
    out.push([lync.service.name, [peopleSearchCommand(lync)].filter((l): l is string => !!l)]);
  }
  const pool: StartedService = await env.frontEnd();
  const edge: StartedService = await env.edge();
  out.push([pool.name, [certProvisioningCommand(pool)]]);
  out.push([
    edge.name,
    [edgeCommand(edge), `npx lync-harness probe-issuers ${new URL(edge.urls.https).host}`],
  ]);
  return out;
}

/** Autodiscover as a client asks it (the answer names EWS and the OAB), then EWS and the OAB themselves. */
async function exchangeLines(cloud: Awaited<ReturnType<Environment['tenant']['cloud']>>): Promise<string[]> {
  const mailbox = mailboxOf(cloud);
  if (!mailbox) return [];
  const lines = [autodiscoverCommand(cloud, mailbox)];
  const found = await discoverPox(cloud.records(), mailbox, { login: mailbox, password: cloud.password });
  if (!found.ok) return lines;
  // EWS answers from the Unified Contact Store: look up another licensed user, whom it finds.
  const someone =
    cloud.users.find((e) => e.first('givenName') && e.first('mail') !== mailbox) ?? cloud.users[0];
  const query = someone.first('givenName') || someone.first('displayName')?.split(' ')[0] || mailbox;
  lines.push(resolveNamesCommand(found.ewsUrl, cloud, mailbox, query));
  if (found.oabUrl) lines.push(oabCommand(found.oabUrl, cloud, mailbox));
  return lines;
}

function parse(args: string[]) {
  const options = {
    tenants: [] as string[],
    sampleSize: 0,
    once: false,
    help: false,
    ldap: 'mock' as DirectoryKind,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--help' || a === '-h') options.help = true;
    else if (a === '--once') options.once = true;
    else if (a === '--tenant') options.tenants.push(value());
    else if (a === '--ldap') {
      const kind = value();
      if (kind !== 'mock' && kind !== 'samba')
        throw new UsageError(`--ldap must be mock or samba, got ${kind}`);
      options.ldap = kind;
    } else if (a === '--sample-size') {
      options.sampleSize = Number(value());
      if (!Number.isInteger(options.sampleSize) || options.sampleSize < 0)
        throw new UsageError('--sample-size takes a whole number >= 0');
    } else throw new UsageError(`unknown option ${a}`);
  }
  return options;
}
