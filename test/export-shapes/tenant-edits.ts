import type { DirectoryEntry } from '../../src/tenant/entry';
import { DirectoryEntry as Entry } from '../../src/tenant/entry';
import type { Forest, Tenant } from '../../src/tenant/tenant';
import { withoutOperational } from './ad-attributes';
import { type Domain, dnIn, galSyncContactOf, groupOf, type PersonSpec, userOf } from './people';

/** A copy of the tenant whose entries can be changed without touching the original. */
export function cloneTenant(tenant: Tenant): Tenant {
  return { forests: tenant.forests.map((f) => ({ ...f, entries: f.entries.map((e) => e.clone()) })) };
}

const [onPremises, online] = [0, 1];

/** A user in `home` and the contact GALSync made for it in `other`. */
function addPerson(tenant: Tenant, home: number, p: PersonSpec, container?: string): DirectoryEntry {
  const user = userOf(tenant.forests[home], p, container);
  tenant.forests[home].entries.push(user);
  tenant.forests[1 - home].entries.push(galSyncContactOf(tenant.forests[1 - home], user, p));
  return user;
}

/** People whose names are not ASCII: Renée and Jürgen on-premises, Åsa online (each with a GALSync contact). */
export function withAccentedPeople(sample: Tenant): Tenant {
  const tenant = cloneTenant(sample);
  const { domain, netbios } = tenant.forests[onPremises];
  addPerson(tenant, onPremises, { given: 'Renée', sn: 'Lambert', sam: 'rlambert', local: 'renee.lambert' });
  addPerson(tenant, onPremises, {
    given: 'Jürgen',
    sn: 'Weiß',
    sam: 'jweiss',
    local: 'juergen.weiss',
    user: {
      proxyAddresses: [
        `SMTP:juergen.weiss@${domain}`,
        `X500:/o=${netbios}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jweiss`,
      ],
    },
  });
  addPerson(tenant, online, { given: 'Åsa', sn: 'Öberg', sam: 'aoberg', local: 'asa.oberg' });
  return tenant;
}

/**
 * Objects the sample never has: computers, a disabled user, a contact hidden from address lists, a user
 * with Lync switched off, X500 proxy addresses, non-ASCII names and a CN with an escaped comma.
 */
export function withUnusualObjects(sample: Tenant): Tenant {
  const tenant = withAccentedPeople(sample);
  const abc = tenant.forests[onPremises];
  const xyz = tenant.forests[online];
  addPerson(tenant, onPremises, {
    given: 'Anna',
    sn: 'Berg',
    cn: 'Berg, Anna',
    sam: 'anberg',
    local: 'anna.m.berg',
  });
  abc.entries.push(
    new Entry(`CN=Computers,${abc.baseDn}`, { objectClass: ['top', 'container'], cn: 'Computers' }),
  );
  for (const name of ['WS-0142', 'LYNC-FE01'])
    abc.entries.push(
      new Entry(dnIn(abc, 'CN=Computers', name), {
        objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
        cn: name,
        sAMAccountName: `${name}$`,
        userAccountControl: '4096',
        dNSHostName: `${name.toLowerCase()}.${abc.domain}`,
      }),
    );
  abc.entries.push(
    userOf(abc, { given: 'Olaf', sn: 'Dahl', sam: 'odahl', user: { userAccountControl: '514' } }),
  );
  const vendor = 'vera.vendor@northwind.example';
  xyz.entries.push(
    new Entry(dnIn(xyz, 'OU=External Contacts', 'Vera Vendor'), {
      objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
      cn: 'Vera Vendor',
      displayName: 'Vera Vendor',
      mail: vendor,
      mailNickname: 'vera.vendor',
      targetAddress: `SMTP:${vendor}`,
      proxyAddresses: [
        `SMTP:${vendor}`,
        'X500:/o=Northwind/ou=External (FYDIBOHF25SPDLT)/cn=Recipients/cn=vvendor',
      ],
      'msRTCSIP-PrimaryUserAddress': `sip:${vendor}`,
      msExchHideFromAddressLists: 'TRUE',
    }),
  );
  xyz.entries.push(
    userOf(xyz, { given: 'Tom', sn: 'Reyes', sam: 'treyes', user: { 'msRTCSIP-UserEnabled': 'FALSE' } }),
  );
  return tenant;
}

/** The on-premises forest gets `count` more users, all members of one group (AD returns them in ranges). */
export function withBigGroup(sample: Tenant, count = 1600): Tenant {
  const tenant = cloneTenant(sample);
  const abc = tenant.forests[onPremises];
  const members: string[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    const user = userOf(abc, { given: 'Staff', sn: n, sam: `staff${n}` });
    abc.entries.push(user);
    members.push(user.dn);
  }
  abc.entries.push(groupOf(abc, 'All Staff', members));
  return tenant;
}

/** Every object without the attributes AD keeps itself (the export asked for user attributes only). */
export function withoutOperationalAttributes(sample: Tenant): Tenant {
  return { forests: sample.forests.map((f) => ({ ...f, entries: f.entries.map(withoutOperational) })) };
}

/**
 * The tenant with its naming contexts renamed (`DC=abc,DC=corp` to `DC=corp,DC=abc,DC=com`): every DN,
 * every DN-valued attribute and every address in the old domain, consistently.
 */
export function renamed(sample: Tenant, names: Domain[]): Tenant {
  return {
    forests: sample.forests.map((forest, i) => {
      const to = names[i];
      const renames = sample.forests.map((f, k) => ({ from: f, to: names[k] }));
      const rename = (text: string) =>
        renames.reduce(
          (t, { from, to: into }) =>
            t
              .replace(new RegExp(escapeRegExp(from.baseDn), 'gi'), into.baseDn)
              .replace(new RegExp(`@${escapeRegExp(from.domain)}\\b`, 'gi'), `@${into.domain}`),
          text,
        );
      const entries = forest.entries.map((e) => renamedEntry(e, rename));
      const head = entries.find((e) => e.dn === to.baseDn);
      head?.set('dc', [to.domain.split('.')[0]]);
      return { ...forest, ...to, entries } satisfies Forest;
    }),
  };
}

function renamedEntry(entry: DirectoryEntry, rename: (text: string) => string): DirectoryEntry {
  const copy = new Entry(rename(entry.dn));
  for (const name of entry.names())
    copy.set(
      name,
      entry.get(name).map((v) => (typeof v === 'string' ? rename(v) : v)),
    );
  return copy;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
