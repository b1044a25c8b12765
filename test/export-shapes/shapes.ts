import type { DirectoryEntry } from '../../src/tenant/entry';
import { writeLdif } from '../../src/tenant/ldif-writer';
import { buildSampleTenant } from '../../src/tenant/sample';
import type { Forest, ForestRole, Tenant } from '../../src/tenant/tenant';
import { inAdOrder, withOperational } from './ad-attributes';
import { type LdapsearchOptions, ldapsearch } from './ldapsearch-writer';
import { type LdifdeOptions, ldifde } from './ldifde-writer';
import { buildOtherTenant } from './other-tenant';
import { type Planted, plantedDefects } from './planted';
import { rangedRecords } from './ranged';
import {
  renamed,
  withAccentedPeople,
  withBigGroup,
  withoutOperationalAttributes,
  withUnusualObjects,
} from './tenant-edits';

export interface ShapeFile {
  name: string;
  role?: ForestRole;
  bytes: Buffer;
}

/** What a user would hand the harness: the files of one export shape and the defects they carry. */
export interface ExportShape {
  name: string;
  files: ShapeFile[];
  planted: Planted[];
}

export interface ShapeDefinition {
  name: string;
  /** The directory the files describe, made from the sample tenant (other-tenant ignores it). */
  directory(sample: Tenant): Tenant;
  files(directory: Tenant): ShapeFile[];
  /** Objects of the directory the files leave out (the loader adds them back as missing parents). */
  leavesOut?(entry: DirectoryEntry, forest: Forest): boolean;
}

const same = (sample: Tenant) => sample;
const short = (forest: Forest) => forest.domain.split('.')[0];

/** Each object as a domain controller returns it: operational attributes added, AD's attribute order. */
const exported = (forest: Forest) => forest.entries.map((e, i) => inAdOrder(withOperational(e, i)));

const ldifdeFiles =
  (options: LdifdeOptions = {}) =>
  (directory: Tenant): ShapeFile[] =>
    directory.forests.map((f) => ({
      name: `${short(f)}.ldf`,
      role: f.role,
      bytes: ldifde(exported(f), options),
    }));

const ldapsearchFiles =
  (
    options: Omit<LdapsearchOptions, 'base'>,
    mode: (f: Forest) => LdapsearchOptions['mode'] = () => options.mode,
  ) =>
  (directory: Tenant): ShapeFile[] =>
    directory.forests.map((f) => ({
      name: `${short(f)}.ldif`,
      role: f.role,
      bytes: ldapsearch(exported(f), {
        ...options,
        mode: mode(f),
        base: f.baseDn,
        references: referencesOf(f),
      }),
    }));

/** The referrals AD answers a subtree search from a domain head with. */
function referencesOf(forest: Forest): string[] {
  return [
    `ldap://ForestDnsZones.${forest.domain}/DC=ForestDnsZones,${forest.baseDn}`,
    `ldap://DomainDnsZones.${forest.domain}/DC=DomainDnsZones,${forest.baseDn}`,
    `ldap://${forest.domain}/CN=Configuration,${forest.baseDn}`,
  ];
}

/** The OU itself and everything below it (what `ldifde -d "OU=..."` exports with its default subtree scope). */
const within = (dn: string, ou: string) =>
  dn.toLowerCase() === ou.toLowerCase() || dn.toLowerCase().endsWith(`,${ou.toLowerCase()}`);

const isHead = (entry: DirectoryEntry, forest: Forest) =>
  entry.dn.toLowerCase() === forest.baseDn.toLowerCase();

export const SHAPES: ShapeDefinition[] = [
  { name: 'ldifde-domain', directory: same, files: ldifdeFiles() },
  {
    name: 'ldifde-ou',
    directory: same,
    files: (directory) =>
      directory.forests.flatMap((f) =>
        f.entries
          .filter((e) => /^OU=/i.test(e.dn) && e.isA('organizationalUnit'))
          .map((ou) => ({
            name: `${short(f)}-${ou.first('ou')!.toLowerCase().replace(/\s+/g, '-')}.ldf`,
            role: f.role,
            bytes: ldifde(exported(f).filter((e) => within(e.dn, ou.dn))),
          })),
      ),
    leavesOut: isHead,
  },
  { name: 'ldifde-unicode', directory: withAccentedPeople, files: ldifdeFiles({ unicode: true }) },
  {
    name: 'crlf',
    directory: same,
    files: (directory) =>
      directory.forests.map((f) => ({
        name: `${short(f)}.ldif`,
        role: f.role,
        bytes: Buffer.from(writeLdif(f.entries).replace(/\n/g, '\r\n'), 'utf8'),
      })),
  },
  {
    // ldifde -u's output saved again as "UTF-8" by Notepad: a byte-order mark, raw non-ASCII text.
    name: 'utf8-bom',
    directory: withAccentedPeople,
    files: (directory) =>
      ldifdeFiles({ unicode: true })(directory).map((file) => ({
        ...file,
        bytes: Buffer.from(file.bytes.toString('utf16le'), 'utf8'),
      })),
  },
  { name: 'ldapsearch-wrapped', directory: same, files: ldapsearchFiles({ mode: 'LLL' }) },
  { name: 'ldapsearch-nowrap', directory: same, files: ldapsearchFiles({ mode: 'LLL', wrap: false }) },
  {
    name: 'ldapsearch-commented',
    directory: withAccentedPeople,
    files: ldapsearchFiles({ mode: 'extended' }, (f) => (f.role === 'onpremises' ? 'extended' : 'L')),
  },
  {
    name: 'ranged',
    directory: (sample) => withBigGroup(sample),
    files: (directory) =>
      directory.forests.map((f) => ({
        name: `${short(f)}.ldif`,
        role: f.role,
        bytes: ldapsearch(rangedRecords(exported(f)), { mode: 'LLL', base: f.baseDn }),
      })),
  },
  {
    name: 'no-operational',
    directory: withoutOperationalAttributes,
    files: (directory) =>
      directory.forests.map((f) => ({
        name: `${short(f)}.ldif`,
        role: f.role,
        bytes: ldapsearch(f.entries, { mode: 'LLL', base: f.baseDn }),
      })),
  },
  {
    name: 'split-files',
    directory: same,
    files: (directory) => {
      const [onPremises, online] = directory.forests;
      const only = (test: (e: DirectoryEntry) => boolean, what: string, filter: string): ShapeFile => ({
        name: `${short(onPremises)}-${what}.ldif`,
        bytes: ldapsearch(exported(onPremises).filter(test), {
          mode: 'LLL',
          base: onPremises.baseDn,
          filter,
        }),
      });
      return [
        only((e) => e.isA('user'), 'users', '(objectClass=user)'),
        only((e) => e.isA('group'), 'groups', '(objectClass=group)'),
        only((e) => e.isA('contact'), 'contacts', '(objectClass=contact)'),
        {
          name: `${short(online)}.ldif`,
          bytes: ldapsearch(exported(online), { mode: 'LLL', base: online.baseDn }),
        },
      ];
    },
    leavesOut: (entry, forest) =>
      forest.role === 'onpremises' && !['user', 'group', 'contact'].some((c) => entry.isA(c)),
  },
  {
    name: 'deep-domain',
    directory: (sample) =>
      renamed(sample, [
        { domain: 'corp.abc.com', netbios: 'CORP', baseDn: 'DC=corp,DC=abc,DC=com' },
        { domain: 'emea.xyz.net', netbios: 'EMEA', baseDn: 'DC=emea,DC=xyz,DC=net' },
      ]),
    files: ldifdeFiles(),
  },
  { name: 'unusual-objects', directory: withUnusualObjects, files: ldifdeFiles() },
  {
    name: 'other-tenant',
    directory: () => buildOtherTenant(),
    files: (directory) => {
      const [contoso, fabrikam] = directory.forests;
      return [
        ...ldifdeFiles()({ forests: [contoso] }),
        ...ldapsearchFiles({ mode: 'LLL' })({ forests: [fabrikam] }),
      ];
    },
  },
];

/** One shape's files and planted defects, from the bundled sample tenant unless another is given. */
export function buildShape(definition: ShapeDefinition, sample: Tenant = buildSampleTenant()): ExportShape {
  const directory = definition.directory(sample);
  return { name: definition.name, files: definition.files(directory), planted: plantedDefects(directory) };
}

/** Every export shape. */
export function buildExportShapes(sample: Tenant = buildSampleTenant()): ExportShape[] {
  return SHAPES.map((definition) => buildShape(definition, sample));
}
