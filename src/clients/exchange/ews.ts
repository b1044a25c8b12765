import { XMLParser } from 'fast-xml-parser';
import { type Credentials, list, pick, postXml, readXml, text, XML_OPTIONS } from './http';

/**
 * A ResolveNames answer carries up to 100 resolutions with full contact data, of which the client reads
 * only the IM address: each Contact is left as its text, and only its ImAddresses element is parsed.
 */
const answerParser = new XMLParser({ ...XML_OPTIONS, stopNodes: ['*.Contact'] });
const IM_ADDRESSES = /<(?:[\w.-]+:)?ImAddresses[\s>][\s\S]*?<\/(?:[\w.-]+:)?ImAddresses>/;

export interface ResolvedName {
  name: string;
  email: string;
  mailboxType: string;
  sip?: string;
}

export type ResolveResult =
  | { ok: true; responseCode: string; resolutions: ResolvedName[] }
  | { ok: false; reason: 'credential-prompt' | 'fault' | 'error'; detail: string };

/** EWS `ResolveNames` (SOAP 1.1, the Exchange 2010 SP2 schema), asking for full contact data. */
export async function resolveNames(
  ewsUrl: string,
  entry: string,
  credentials: Credentials,
): Promise<ResolveResult> {
  const body =
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
    `xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">` +
    `<soap:Header><t:RequestServerVersion Version="Exchange2010_SP2" /></soap:Header><soap:Body>` +
    `<m:ResolveNames ReturnFullContactData="true" SearchScope="ActiveDirectory"><m:UnresolvedEntry>${escapeText(entry)}</m:UnresolvedEntry></m:ResolveNames>` +
    `</soap:Body></soap:Envelope>`;
  const answer = await postXml(ewsUrl, body, credentials, {
    SOAPAction: '"http://schemas.microsoft.com/exchange/services/2006/messages/ResolveNames"',
  });
  if (answer.status === 401)
    return { ok: false, reason: 'credential-prompt', detail: `401 ${answer.challenge ?? ''}`.trim() };
  const doc = answerParser.parse(answer.text) as Record<string, unknown>;
  const fault = pick(doc, 'Envelope', 'Body', 'Fault');
  if (fault) return { ok: false, reason: 'fault', detail: text(pick(fault, 'faultstring')) ?? 'SOAP fault' };
  if (answer.status !== 200) return { ok: false, reason: 'error', detail: `HTTP ${answer.status}` };
  const message = pick(
    doc,
    'Envelope',
    'Body',
    'ResolveNamesResponse',
    'ResponseMessages',
    'ResolveNamesResponseMessage',
  );
  const resolutions = list(pick(message, 'ResolutionSet', 'Resolution')).map((r) => ({
    name: text(pick(r, 'Mailbox', 'Name')) ?? '',
    email: text(pick(r, 'Mailbox', 'EmailAddress')) ?? '',
    mailboxType: text(pick(r, 'Mailbox', 'MailboxType')) ?? '',
    sip: imAddress(pick(r, 'Contact')),
  }));
  return { ok: true, responseCode: text(pick(message, 'ResponseCode')) ?? '', resolutions };
}

/** The first IM address of a resolution's Contact (kept as its XML text). */
function imAddress(contact: unknown): string | undefined {
  const element = typeof contact === 'string' ? IM_ADDRESSES.exec(contact)?.[0] : undefined;
  return element === undefined ? undefined : text(pick(readXml(element), 'ImAddresses', 'Entry'));
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
