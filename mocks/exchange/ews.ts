import { HttpResponse, http } from 'msw';
import { exchangeResolver } from './basic-auth';
import type { Recipient } from './directory';
import {
  envelope,
  NS,
  SOAP11,
  type SoapVersion,
  soapFault,
  soapVersionOf,
  unsupportedMediaType,
} from './soap';
import type { ExchangeState } from './state';
import { escapeXml, find, parseXml, XmlRejected } from './xml';

const MAX_RESOLUTIONS = 100;
const xml = (body: string, status: number, version: SoapVersion) =>
  new HttpResponse(body, { status, headers: { 'Content-Type': version.contentType } });

/**
 * EWS `ResolveNames`, answered from the Unified Contact Store, over SOAP 1.1 (text/xml) or SOAP 1.2
 * (application/soap+xml), answered in the version asked; any other body type is refused with WCF's 415.
 */
export function ewsHandler(state: ExchangeState) {
  const served = exchangeResolver(state, 'outlook.office365.com');
  return http.post(
    /\/ews\/exchange\.asmx$/i,
    served('ews.ResolveNames', ({ request, caller }) => resolveNamesFor(state, request, caller)),
  );
}

async function resolveNamesFor(state: ExchangeState, request: Request, caller: Recipient): Promise<Response> {
  const contentType = request.headers.get('content-type');
  const version = soapVersionOf(contentType);
  if (!version) {
    state.record({
      operation: 'ews.ResolveNames',
      request: { caller: caller.smtp, contentType: contentType ?? null },
      outcome: { status: 415 },
    });
    return unsupportedMediaType(contentType);
  }
  let entry: string;
  let fullData: boolean;
  try {
    const body = find(parseXml(await request.text()), [version.envelopeNs, 'Body']);
    const resolve = find(body, [NS.messages, 'ResolveNames']);
    if (!resolve)
      throw new XmlRejected('the body holds no m:ResolveNames (the only operation this server offers)');
    entry = find(resolve, [NS.messages, 'UnresolvedEntry'])?.text ?? '';
    if (!entry.trim()) throw new XmlRejected('m:UnresolvedEntry is missing or empty');
    fullData = resolve.attrs.ReturnFullContactData === 'true';
  } catch (error) {
    state.record({
      operation: 'ews.ResolveNames',
      request: { caller: caller.smtp },
      outcome: { fault: 'ErrorSchemaValidation' },
    });
    return xml(soapFault('Client', (error as Error).message, 'ErrorSchemaValidation', version), 500, version);
  }
  const found = resolveNames(state.ucs(), entry).slice(0, MAX_RESOLUTIONS);
  const code =
    found.length === 0
      ? 'ErrorNameResolutionNoResults'
      : found.length === 1
        ? 'NoError'
        : 'ErrorNameResolutionMultipleResults';
  state.record({
    operation: 'ews.ResolveNames',
    request: { caller: caller.smtp, entry },
    outcome: { responseCode: code, found: found.map((r) => r.displayName) },
  });
  return xml(resolveNamesResponse(found, code, fullData, version), 200, version);
}

/**
 * Ambiguous name resolution over the store: a routing prefix (`sip:`, `smtp:`) matches any proxy
 * address that starts with the entry; otherwise names, alias and SMTP address by prefix, and
 * "first last" / "last first" pairs.
 */
export function resolveNames(store: Recipient[], entry: string): Recipient[] {
  const text = entry.trim().toLowerCase();
  if (/^[a-z]+:/.test(text))
    return store.filter((r) => r.proxyAddresses.some((p) => p.toLowerCase().startsWith(text)));
  const [first, ...rest] = text.split(/\s+/);
  const second = rest.join(' ');
  return store.filter((r) => {
    const fields = [r.displayName, r.givenName, r.surname, r.alias, r.smtp].map((f) => f.toLowerCase());
    if (fields.some((f) => f.startsWith(text))) return true;
    if (!second) return false;
    const g = r.givenName.toLowerCase();
    const s = r.surname.toLowerCase();
    return (g.startsWith(first) && s.startsWith(second)) || (g.startsWith(second) && s.startsWith(first));
  });
}

const MESSAGES: Record<string, [string, string]> = {
  NoError: ['Success', ''],
  ErrorNameResolutionMultipleResults: ['Warning', 'Multiple results were found.'],
  ErrorNameResolutionNoResults: ['Error', 'No results were found.'],
};

function resolveNamesResponse(
  found: Recipient[],
  code: string,
  fullData: boolean,
  version: SoapVersion = SOAP11,
): string {
  const [responseClass, text] = MESSAGES[code];
  const resolutions = found.map((r) => resolution(r, fullData)).join('');
  const set = found.length
    ? `<m:ResolutionSet TotalItemsInView="${found.length}" IncludesLastItemInRange="true">${resolutions}</m:ResolutionSet>`
    : '';
  return envelope(
    `<m:ResolveNamesResponse xmlns:m="${NS.messages}" xmlns:t="${NS.types}"><m:ResponseMessages>` +
      `<m:ResolveNamesResponseMessage ResponseClass="${responseClass}">${text ? `<m:MessageText>${text}</m:MessageText>` : ''}` +
      `<m:ResponseCode>${code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${set}` +
      `</m:ResolveNamesResponseMessage></m:ResponseMessages></m:ResolveNamesResponse>`,
    `<h:ServerVersionInfo MajorVersion="15" MinorVersion="0" MajorBuildNumber="1044" MinorBuildNumber="21" ` +
      `xmlns:h="${NS.types}" xmlns="${NS.types}" />`,
    version,
  );
}

function resolution(r: Recipient, fullData: boolean): string {
  const mailbox =
    `<t:Mailbox><t:Name>${escapeXml(r.displayName)}</t:Name><t:EmailAddress>${escapeXml(r.smtp)}</t:EmailAddress>` +
    `<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>${r.kind === 'mailbox' ? 'Mailbox' : 'Contact'}</t:MailboxType></t:Mailbox>`;
  if (!fullData) return `<t:Resolution>${mailbox}</t:Resolution>`;
  const im = r.sip
    ? `<t:ImAddresses><t:Entry Key="ImAddress1">${escapeXml(r.sip)}</t:Entry></t:ImAddresses>`
    : '';
  const contact =
    `<t:Contact><t:DisplayName>${escapeXml(r.displayName)}</t:DisplayName><t:GivenName>${escapeXml(r.givenName)}</t:GivenName>` +
    `<t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:${escapeXml(r.smtp)}</t:Entry></t:EmailAddresses>${im}` +
    `<t:Surname>${escapeXml(r.surname)}</t:Surname><t:ContactSource>ActiveDirectory</t:ContactSource></t:Contact>`;
  return `<t:Resolution>${mailbox}${contact}</t:Resolution>`;
}
