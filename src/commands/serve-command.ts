import { DIRECTORY_PASSWORD, DIRECTORY_SERVICE, seededDirectory } from '../harness/directory';
import { serviceFactories } from '../harness/registry';
import { ServiceSet } from '../harness/service-set';
import { loadTenant } from '../tenant/load';
import type { ForestRole } from '../tenant/tenant';
import { UsageError } from './usage-error';

export const SERVE_HELP = `lync-harness serve: start every mock service on loopback, seeded with a tenant, until Ctrl-C

Usage: lync-harness serve [--tenant FILE ...] [--sample-size N] [--once]

  --tenant FILE      a forest's LDIF export (online=FILE / onpremises=FILE as for run); default: the sample tenant
  --sample-size N    extra generated objects in the sample tenant
  --once             start, print the endpoints, check each service's health, stop (for scripts and CI)

Every service prints its endpoints; each mock domain controller also prints an ldapsearch command line
that works as printed. Accounts of the data bind by DN, UPN or DOMAIN\\user with the password ${DIRECTORY_PASSWORD}.`;

export async function serveCommand(args: string[]): Promise<number> {
  const options = parse(args);
  if (options.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  const tenant = loadTenant({ files: options.tenants, sampleSize: options.sampleSize });
  const services = new ServiceSet('embedded');
  const world = { services, tenant };
  try {
    for (const name of Object.keys(serviceFactories)) {
      const role = (Object.keys(DIRECTORY_SERVICE) as ForestRole[]).find(
        (r) => DIRECTORY_SERVICE[r] === name,
      );
      const hasForest = role && tenant.forests.some((f) => f.role === role);
      const service = hasForest ? (await seededDirectory(world, role)).service : await services.get(name);
      console.log(`${name}`);
      for (const [kind, url] of Object.entries(service.urls)) console.log(`  ${kind.padEnd(14)}${url}`);
      if (hasForest)
        console.log(
          `  try           ${ldapsearchLine(service.urls.ldap, tenant.forests.find((f) => f.role === role)!)}`,
        );
      await service.admin.health();
    }
    if (options.once) return 0;
    console.log('\nServing on loopback; press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    return 0;
  } finally {
    await services.stopAll();
  }
}

function ldapsearchLine(url: string, forest: { domain: string; baseDn: string }): string {
  return `ldapsearch -x -H ${url} -D 'administrator@${forest.domain}' -w '${DIRECTORY_PASSWORD}' -b '${forest.baseDn}' -E pr=500/noprompt '(anr=a)' cn mail`;
}

function parse(args: string[]) {
  const options = { tenants: [] as string[], sampleSize: 0, once: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--help' || a === '-h') options.help = true;
    else if (a === '--once') options.once = true;
    else if (a === '--tenant') options.tenants.push(value());
    else if (a === '--sample-size') {
      options.sampleSize = Number(value());
      if (!Number.isInteger(options.sampleSize) || options.sampleSize < 0)
        throw new UsageError('--sample-size takes a whole number >= 0');
    } else throw new UsageError(`unknown option ${a}`);
  }
  return options;
}
