import { execFileSync } from 'node:child_process';
import { Change } from 'ldapts';
import { LdifError } from '../../src/tenant/ldif-error';
import { readLdif } from '../../src/tenant/ldif-reader';
import { type Forest, forestFromRecords } from '../../src/tenant/tenant';
import {
  AdminInputError,
  adminRoutes,
  type MockOptions,
  mockCore,
  type StartedMock,
  startAdminServer,
} from '../admin';
import { Passwords } from '../ldap/bind';
import { baseDnOf, domainTemplate, SAMBA_ADMIN_PASSWORD } from './domain-template';
import { adminClient, attribute } from './ldap-writes';
import { loopbackAddressForDc } from './loopback-address';
import { grantLyncAdmins } from './lync-domain-prep';
import { requireSamba, SAMBA } from './samba-binaries';
import { SambaInstance } from './samba-instance';
import { seedObjects, unicodePwd } from './seed';

export interface SambaDcOptions extends MockOptions {
  /** The service name: `samba-onpremises` or `samba-online`. */
  service?: string;
}

/**
 * A real Active Directory domain controller, Samba's, behind the admin API the mock DCs serve, so the
 * harness seeds and resets it the same way. It listens on a loopback address of its own (Samba's LDAP
 * ports are fixed at 389/636). `PUT /__admin/data` (LDIF) provisions the forest's domain from a cached
 * template (schema extended) and writes its objects over LDAP; `POST /__admin/reset` restores the
 * seeded database when anything was written since. It keeps no journal and takes no faults.
 */
export async function startSambaDc(options: SambaDcOptions = {}): Promise<StartedMock> {
  requireSamba();
  const name = options.service ?? 'samba';
  const core = mockCore(name);
  const address = loopbackAddressForDc();
  const passwords = new Passwords();
  passwords.fallback = SAMBA_ADMIN_PASSWORD;
  let instance: SambaInstance | undefined;
  let forest: Forest | undefined;
  let loads = Promise.resolve();
  const version = sambaVersion();
  const stats: Record<string, unknown> = { version, address: address.address };

  const load = async (body: string) => {
    const records = parse(body);
    const next = forestFromRecords(records, 'onpremises', 'data');
    await instance?.stop();
    instance = undefined;
    const template = await domainTemplate(next.domain);
    const started = process.hrtime.bigint();
    instance = await SambaInstance.start(template, address.address);
    const client = await adminClient(instance.url, template.names.workgroup, passwords.of(['administrator']));
    try {
      const report = await seedObjects(client, next.baseDn, next.entries, (e) =>
        passwords.of(accountNames(e)),
      );
      if (report.refused.length)
        throw new AdminInputError(
          `Samba refused ${report.refused.length} object(s): ${report.refused.slice(0, 5).join('; ')}`,
          'refused',
        );
      const granted = await grantLyncAdmins({
        client,
        url: instance.url,
        conf: instance.conf,
        baseDn: baseDnOf(template.names),
        workgroup: template.names.workgroup,
        adminPassword: SAMBA_ADMIN_PASSWORD,
      });
      await instance.snapshot();
      forest = next;
      const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      Object.assign(stats, {
        baseDn: baseDnOf(template.names),
        provisionSeconds: template.provisionSeconds,
        loadSeconds,
        entries: report.added,
        dropped: report.dropped,
        lyncAdminAces: granted,
        pid: instance.pid,
      });
      return {
        entries: next.entries.length,
        baseDn: next.baseDn,
        addedParents: next.addedByHarness,
        dropped: report.dropped,
        server: {
          service: name,
          server: `Samba AD DC ${version}`,
          loadSeconds,
          provisionSeconds: template.provisionSeconds,
          entries: report.added,
        },
      };
    } catch (error) {
      await instance?.stop();
      instance = undefined;
      forest = undefined;
      throw error;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };

  const routes = adminRoutes({
    ...core,
    reset: async () => {
      await loads;
      await instance?.restore();
    },
    load: (body) => {
      const result = loads.then(() => load(body));
      loads = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    routes: {
      'PUT /__admin/passwords': async (req) => {
        try {
          passwords.set(JSON.parse(req.body || '{}'));
        } catch {
          throw new AdminInputError(
            'the body must be JSON: { "default": "...", "accounts": { "name": "..." } }',
          );
        }
        if (instance && forest) await setPasswords(instance, forest, passwords);
        return { json: { updated: true } };
      },
      'POST /__admin/faults': () => {
        throw new AdminInputError(`${name} is a real Samba DC: it takes no injected faults`, 'no-faults');
      },
      'GET /__admin/stats': () => ({ json: stats }),
    },
  });
  const admin = await startAdminServer(routes, '127.0.0.1', options.adminPort ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    name,
    urls: {
      ldap: `ldap://${address.address}:389`,
      ldaps: `ldaps://${address.address}:636`,
      admin: admin.url,
    },
    adminToken: admin.token,
    stop: () => {
      stopped ??= (async () => {
        await admin.stop();
        await instance?.stop();
        address.release();
      })();
      return stopped;
    },
  };
}

function parse(body: string) {
  try {
    return readLdif(body, 'data');
  } catch (error) {
    if (error instanceof LdifError)
      throw new AdminInputError(error.message, 'bad-ldif', `line ${error.line}`);
    throw error;
  }
}

function accountNames(entry: { dn: string; first(n: string): string | undefined }): string[] {
  return [entry.first('sAMAccountName'), entry.first('userPrincipalName'), entry.dn].filter(
    (n): n is string => !!n,
  );
}

/** Passwords set after the load: each named account's unicodePwd, then a new snapshot. */
async function setPasswords(instance: SambaInstance, forest: Forest, passwords: Passwords): Promise<void> {
  const names = instance.template.names;
  const client = await adminClient(instance.url, names.workgroup, SAMBA_ADMIN_PASSWORD);
  try {
    for (const entry of forest.entries.filter((e) =>
      e.texts('objectClass').some((c) => c.toLowerCase() === 'user'),
    ))
      await client.modify(
        entry.dn,
        new Change({
          operation: 'replace',
          modification: attribute('unicodePwd', [unicodePwd(passwords.of(accountNames(entry)))]),
        }),
      );
  } finally {
    await client.unbind().catch(() => undefined);
  }
  await instance.snapshot();
}

function sambaVersion(): string {
  return execFileSync(SAMBA, ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^Version\s+/i, '');
}
