import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The names a provisioned domain was made with; an instance's smb.conf must repeat them. */
export interface DomainNames {
  /** `ABC.CORP` */
  realm: string;
  /** `ABC` */
  workgroup: string;
  /** The DC's own NetBIOS name. */
  netbiosName: string;
}

/**
 * The smb.conf of one DC instance in `dir` (a copy of a provisioned domain): every path inside the
 * instance, only the LDAP server, listening on `address` alone. AD's LDAP rules as a client meets
 * them, except that simple binds over plain LDAP are allowed (the mocks and the suite use them).
 */
export function writeSmbConf(dir: string, names: DomainNames, address: string, extra: string[] = []): string {
  const conf = join(dir, 'etc', 'smb.conf');
  const lines = [
    '[global]',
    `netbios name = ${names.netbiosName}`,
    `realm = ${names.realm}`,
    `workgroup = ${names.workgroup}`,
    'server role = active directory domain controller',
    `private dir = ${join(dir, 'private')}`,
    `lock directory = ${dir}`,
    `pid directory = ${dir}`,
    `state directory = ${join(dir, 'state')}`,
    `cache directory = ${join(dir, 'cache')}`,
    `binddns dir = ${join(dir, 'bind-dns')}`,
    // An address that no interface carries is taken as given when written with a netmask.
    `interfaces = ${address}/8`,
    'bind interfaces only = yes',
    'server services = ldap',
    'ldap server require strong auth = no',
    `log file = ${join(dir, 'samba.log')}`,
    'log level = 1',
    // No fsync per transaction: an instance is thrown away or restored from its snapshot, never
    // recovered after a host crash, and a load of thousands of objects is several times faster.
    'ldb:nosync = true',
    ...extra,
  ];
  writeFileSync(conf, `${lines.join('\n')}\n`);
  return conf;
}
