import { createHash } from 'node:crypto';
import type { Recipient } from './directory';
import { NS } from './soap';
import { escapeXml } from './xml';

/** The build the Autodiscover answers report (POX ServerVersion, SOAP CasVersion): Exchange 2013 CU. */
export const CAS_VERSION = '15.0.1044.021';

/** Where the mock's own services live, as Autodiscover hands them out. */
export interface ServiceUrls {
  ews: string;
  /** None when the OAB is not offered for web-based distribution: Autodiscover then names no OAB URL. */
  oab?: string;
  origin: string;
}

const ADMIN_GROUP =
  '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers';
/** The RPC-over-HTTP proxy of Exchange Online, and the certificate name Outlook Anywhere checks. */
const RPC_PROXY = 'outlook.office365.com';
const CERT_PRINCIPAL = 'msstd:outlook.com';

/**
 * POX ServerVersion: 32 bits in hex, 0111 in the top nibble, then major (6 bits), minor (6 bits), a
 * set bit 15 and the build (15 bits) ([MS-OXDSCLI] ServerVersion; Exchange 2007's 72008287 is 8.0.647).
 */
export function serverVersionHex(casVersion: string): string {
  const [major, minor, build] = casVersion.split('.').map(Number);
  const value = (0x7 << 28) | (major << 22) | (minor << 16) | 0x8000 | (build & 0x7fff);
  return (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Exchange Online names the RPC server of a mailbox by a GUID of the mailbox, at the user's domain. */
function mailboxServer(user: Recipient): string {
  const hex = createHash('sha1').update(user.legacyExchangeDN.toLowerCase()).digest('hex');
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `${guid}@${user.smtp.split('@')[1] ?? 'outlook.com'}`;
}

const el = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

/** The web-service URLs every Outlook-provider block carries (EXCH inside, EXPR outside). */
function serviceElements(urls: ServiceUrls): string {
  return (
    el('ASUrl', urls.ews) +
    el('EwsUrl', urls.ews) +
    el('EmwsUrl', urls.ews) +
    el('EcpUrl', `${urls.origin}/ecp/`) +
    el('EcpUrl-um', '?rfr=olk&p=customize/voicemail.aspx&exsvurl=1') +
    el('EcpUrl-photo', '?rfr=olk&p=PersonalSettings/EditAccount.aspx&exsvurl=1') +
    el('OOFUrl', urls.ews) +
    el('UMUrl', `${urls.origin}/EWS/UM2007Legacy.asmx`) +
    (urls.oab === undefined ? '' : el('OABUrl', urls.oab))
  );
}

/** EXCH: the mailbox as reached inside the organization (RPC server, its DN, version and database). */
function exchBlock(user: Recipient, urls: ServiceUrls): string {
  const server = mailboxServer(user);
  return (
    `<Protocol>${el('Type', 'EXCH')}${el('Server', server)}${el('ServerDN', `${ADMIN_GROUP}/cn=${server}`)}` +
    `${el('ServerVersion', serverVersionHex(CAS_VERSION))}${el('MdbDN', `${ADMIN_GROUP}/cn=${server}/cn=Microsoft Private MDB`)}` +
    `${serviceElements(urls)}</Protocol>`
  );
}

/** EXPR: Outlook Anywhere from outside (RPC over HTTPS to the proxy), with the same web services. */
function exprBlock(urls: ServiceUrls): string {
  return (
    `<Protocol>${el('Type', 'EXPR')}${el('Server', RPC_PROXY)}${el('SSL', 'On')}${el('AuthPackage', 'Basic')}` +
    `${serviceElements(urls)}${el('CertPrincipalName', CERT_PRINCIPAL)}</Protocol>`
  );
}

/** WEB: Outlook Web App inside and outside, each with the EWS endpoint of its side. */
function webBlock(urls: ServiceUrls): string {
  const owa = `<OWAUrl AuthenticationMethod="Basic, Fba">${escapeXml(`${urls.origin}/owa/`)}</OWAUrl>`;
  const side = (type: string) => `${owa}<Protocol>${el('Type', type)}${el('ASUrl', urls.ews)}</Protocol>`;
  return `<Protocol>${el('Type', 'WEB')}<Internal>${side('EXCH')}</Internal><External>${side('EXPR')}</External></Protocol>`;
}

/** A successful POX answer as Exchange 2010 SP2 and later give it: EXCH, EXPR and WEB blocks. */
export function poxSettings(user: Recipient, urls: ServiceUrls): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${NS.poxResponse}"><Response xmlns="${NS.poxOutlook}">` +
    `<User>${el('DisplayName', user.displayName)}${el('LegacyDN', user.legacyExchangeDN)}` +
    `${el('AutoDiscoverSMTPAddress', user.smtp)}${el('DeploymentId', '5d9c3e1a-7b0f-4f33-9a55-2b7e0f6c8d10')}</User>` +
    `<Account>${el('AccountType', 'email')}${el('Action', 'settings')}` +
    `${exchBlock(user, urls)}${exprBlock(urls)}${webBlock(urls)}</Account></Response></Autodiscover>`
  );
}

/** A POX error answer ([MS-OXDSCLI] error codes: 500 unknown address, 600 invalid request, ...). */
export function poxError(code: number, message: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${NS.poxResponse}"><Response>` +
    `<Error Time="00:00:00.0000000" Id="2477272013"><ErrorCode>${code}</ErrorCode><Message>${escapeXml(message)}</Message>` +
    `<DebugData /></Error></Response></Autodiscover>`
  );
}
