import { type Credentials, list, pick, postXml, readXml, text } from './http';

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
  const doc = readXml(answer.text);
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
    sip: text(pick(r, 'Contact', 'ImAddresses', 'Entry')),
  }));
  return { ok: true, responseCode: text(pick(message, 'ResponseCode')) ?? '', resolutions };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
