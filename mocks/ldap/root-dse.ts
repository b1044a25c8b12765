import { DirectoryEntry } from '../../src/tenant/entry';
import { CODE } from './ad-errors';
import { RESPONSE, result } from './ber';
import { compileFilter } from './compile-filter';
import { Dit } from './dit';
import { encodeEntry } from './entry-codec';
import { type Filter, matches } from './filter';
import { generalizedTime } from './operational';

/** Controls the mock DC honours or accepts, as AD lists them in supportedControl. */
export const SUPPORTED_CONTROLS = [
  '1.2.840.113556.1.4.319', // paged results
  '1.2.840.113556.1.4.801', // SD flags
  '1.2.840.113556.1.4.473', // server-side sort (accepted, not applied)
  '1.2.840.113556.1.4.1339', // domain scope
  '1.2.840.113556.1.4.529', // extended DN (accepted)
];

/** The rootDSE (base "", scope base): readable before any bind, as on a real DC. */
export function rootDse(
  dit: Dit,
  now: Date,
  messageId: number,
  filter: Filter,
  attributes: readonly string[],
): Buffer {
  const base = dit.baseDn;
  const config = `CN=Configuration,${base}`;
  const entry = new DirectoryEntry('', {
    objectClass: 'top',
    namingContexts: [base, config, `CN=Schema,${config}`],
    defaultNamingContext: base,
    rootDomainNamingContext: base,
    configurationNamingContext: config,
    schemaNamingContext: `CN=Schema,${config}`,
    dnsHostName: `dc01.${dit.domain}`,
    serverName: `CN=DC01,CN=Servers,CN=Default-First-Site-Name,CN=Sites,${config}`,
    dsServiceName: `CN=NTDS Settings,CN=DC01,CN=Servers,CN=Default-First-Site-Name,CN=Sites,${config}`,
    ldapServiceName: `${dit.domain}:dc01$@${dit.domain.toUpperCase()}`,
    supportedControl: SUPPORTED_CONTROLS,
    supportedLDAPVersion: ['3', '2'],
    supportedLDAPPolicies: ['MaxPageSize', 'MaxValRange', 'MaxResultSetSize'],
    supportedSASLMechanisms: ['GSSAPI', 'GSS-SPNEGO', 'EXTERNAL', 'DIGEST-MD5'],
    supportedCapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670', '1.2.840.113556.1.4.1791'],
    domainFunctionality: '5',
    forestFunctionality: '5',
    domainControllerFunctionality: '5',
    isGlobalCatalogReady: 'TRUE',
    isSynchronized: 'TRUE',
    currentTime: generalizedTime(now),
    highestCommittedUSN: String(dit.usn),
  });
  const holder = new Dit();
  const stored = holder.insert(entry);
  const found = matches(compileFilter(filter, base), stored, holder);
  const asked = attributes.length ? attributes : ['*'];
  const parts = found ? [encodeEntry(holder, stored, messageId, asked)] : [];
  return Buffer.concat([...parts, result(messageId, RESPONSE.search, CODE.success)]);
}
