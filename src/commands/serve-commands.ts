import type { SeededCloud } from '../harness/cloud-directory';
import type { SeededLyncOnline } from '../harness/data-space';
import type { SeededDirectory } from '../harness/directory';
import type { StartedService } from '../harness/service-set';
import { EDGE_FQDN } from '../pki/lab';

/**
 * Shell command lines that show a seeded service answering with the tenant's data, each one working
 * as printed (real clients: ldapsearch, curl, openssl s_client).
 */
const REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

/** Quotes a word for a POSIX shell. */
export function sh(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function ldapsearchCommand(dc: SeededDirectory): string {
  const { admin, forest } = dc;
  return `ldapsearch -x -H ${admin.url} -D ${sh(`administrator@${forest.domain}`)} -w ${sh(admin.password)} -b ${sh(forest.baseDn)} -E pr=500/noprompt '(objectCategory=person)' cn mail`;
}

/** A mailbox of the export to sign in with: the first user with a mail address. */
export function mailboxOf(cloud: SeededCloud): string | undefined {
  return cloud.users.find((e) => e.first('mail'))?.first('mail');
}

export function autodiscoverCommand(cloud: SeededCloud, mailbox: string): string {
  const body = `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${REQUEST_NS}"><Request><EMailAddress>${mailbox}</EMailAddress><AcceptableResponseSchema>${RESPONSE_NS}</AcceptableResponseSchema></Request></Autodiscover>`;
  return `curl -s -u ${sh(`${mailbox}:${cloud.password}`)} -H 'Content-Type: text/xml' --data ${sh(body)} ${cloud.exchange.urls.autodiscover}`;
}

export function resolveNamesCommand(
  ewsUrl: string,
  cloud: SeededCloud,
  mailbox: string,
  query: string,
): string {
  const body =
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
    `xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">` +
    `<soap:Body><m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>${query}</m:UnresolvedEntry></m:ResolveNames></soap:Body></soap:Envelope>`;
  return `curl -s -u ${sh(`${mailbox}:${cloud.password}`)} -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: "http://schemas.microsoft.com/exchange/services/2006/messages/ResolveNames"' --data ${sh(body)} ${ewsUrl}`;
}

export function oabCommand(oabUrl: string, cloud: SeededCloud, mailbox: string): string {
  return `curl -s -u ${sh(`${mailbox}:${cloud.password}`)} ${oabUrl}oab.xml`;
}

export function edgeCommand(edge: StartedService): string {
  const { hostname, port } = new URL(edge.urls.https);
  return `openssl s_client -connect ${hostname}:${port} -tls1_2 -servername ${EDGE_FQDN} </dev/null`;
}

export function certProvisioningCommand(pool: StartedService): string {
  return `curl -s ${pool.urls.http}/CertProv/CertProvisioningService.svc`;
}

export function peopleSearchCommand(lync: SeededLyncOnline): string | undefined {
  const me = lync.people.find((p) => p.kind === 'user' && p.endpoint);
  const query = lync.people.find((p) => p.kind === 'contact')?.name.split(' ')[0];
  if (!me?.sip || !query) return undefined;
  return `curl -s ${sh(`${lync.service.urls.http}/ucwa/oauth/v1/applications/${me.sip}/people/search?query=${encodeURIComponent(query)}`)}`;
}
