import { type Credentials, pick, postXml, readXml, text } from './http';

/**
 * Where a client looks for Autodiscover: the domain's Autodiscover record. A domain without one
 * (or one pointing at a server that does not answer) gives no EWS connection (SRCH-07).
 */
export type AutodiscoverRecords = Record<string, string | undefined>;

export type Discovery =
  | { ok: true; ewsUrl: string; oabUrl?: string; displayName?: string }
  | {
      ok: false;
      reason: 'no-record' | 'unreachable' | 'credential-prompt' | 'address-not-found' | 'error';
      detail: string;
    };

const REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

/** POX Autodiscover, as Outlook and Lync send it, for `address` (Lync uses its SIP address here). */
export async function discoverPox(
  records: AutodiscoverRecords,
  address: string,
  credentials: Credentials,
): Promise<Discovery> {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  const url = records[domain];
  if (!url) return { ok: false, reason: 'no-record', detail: `no Autodiscover record for ${domain}` };
  const body =
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${REQUEST_NS}"><Request>` +
    `<EMailAddress>${address}</EMailAddress><AcceptableResponseSchema>${RESPONSE_NS}</AcceptableResponseSchema>` +
    `</Request></Autodiscover>`;
  let answer: Awaited<ReturnType<typeof postXml>>;
  try {
    answer = await postXml(url, body, credentials);
  } catch (error) {
    return unreachable(url, error);
  }
  if (answer.status === 401)
    return { ok: false, reason: 'credential-prompt', detail: `401 ${answer.challenge ?? ''}`.trim() };
  if (answer.status !== 200) return { ok: false, reason: 'error', detail: `HTTP ${answer.status}` };
  const response = pick(readXml(answer.text), 'Autodiscover', 'Response');
  const errorCode = text(pick(response, 'Error', 'ErrorCode'));
  if (errorCode)
    return {
      ok: false,
      reason: errorCode === '500' ? 'address-not-found' : 'error',
      detail: `Autodiscover error ${errorCode}`,
    };
  const protocols = pick(response, 'Account', 'Protocol');
  const expr = (Array.isArray(protocols) ? protocols : [protocols]).find(
    (p) => text(pick(p, 'Type')) === 'EXPR',
  );
  // Exchange 2010 SP2 and later name the EWS endpoint EwsUrl; Exchange 2007 gave only ASUrl.
  const ewsUrl = text(pick(expr, 'EwsUrl')) ?? text(pick(expr, 'ASUrl'));
  if (!ewsUrl) return { ok: false, reason: 'error', detail: 'the answer carries no EWS URL' };
  return {
    ok: true,
    ewsUrl,
    oabUrl: text(pick(expr, 'OABUrl')),
    displayName: text(pick(response, 'User', 'DisplayName')),
  };
}

/** SOAP Autodiscover `GetUserSettings` (what Lync 2013 tries first). */
export async function getUserSettings(
  serviceUrl: string,
  mailbox: string,
  settings: string[],
  credentials: Credentials,
) {
  const a = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
  const body =
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${a}" xmlns:wsa="http://www.w3.org/2005/08/addressing">` +
    `<soap:Header><a:RequestedServerVersion>Exchange2010</a:RequestedServerVersion>` +
    `<wsa:Action>${a}/Autodiscover/GetUserSettings</wsa:Action><wsa:To>${serviceUrl}</wsa:To></soap:Header>` +
    `<soap:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User><a:Mailbox>${mailbox}</a:Mailbox></a:User></a:Users>` +
    `<a:RequestedSettings>${settings.map((s) => `<a:Setting>${s}</a:Setting>`).join('')}</a:RequestedSettings>` +
    `</a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>`;
  const answer = await postXml(serviceUrl, body, credentials, {
    SOAPAction: `"${a}/Autodiscover/GetUserSettings"`,
  });
  if (answer.status !== 200)
    return { status: answer.status, errorCode: undefined, settings: {} as Record<string, string> };
  const user = pick(
    readXml(answer.text),
    'Envelope',
    'Body',
    'GetUserSettingsResponseMessage',
    'Response',
    'UserResponses',
    'UserResponse',
  );
  const found: Record<string, string> = {};
  const items = pick(user, 'UserSettings', 'UserSetting');
  for (const s of Array.isArray(items) ? items : items ? [items] : [])
    found[text(pick(s, 'Name'))!] = text(pick(s, 'Value')) ?? '';
  return { status: answer.status, errorCode: text(pick(user, 'ErrorCode')), settings: found };
}

/** SOAP Autodiscover as a Discovery (what Lync 2013 for Windows tries before POX). */
export async function discoverSoap(
  records: AutodiscoverRecords,
  address: string,
  credentials: Credentials,
): Promise<Discovery> {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  const url = records[domain];
  if (!url) return { ok: false, reason: 'no-record', detail: `no Autodiscover record for ${domain}` };
  const serviceUrl = url.replace(/autodiscover\.xml$/i, 'autodiscover.svc');
  let answer: Awaited<ReturnType<typeof getUserSettings>>;
  try {
    answer = await getUserSettings(
      serviceUrl,
      address,
      ['UserDisplayName', 'ExternalEwsUrl', 'ExternalOABUrl'],
      credentials,
    );
  } catch (error) {
    return unreachable(serviceUrl, error);
  }
  if (answer.status === 401)
    return { ok: false, reason: 'credential-prompt', detail: '401 from GetUserSettings' };
  if (answer.errorCode === 'InvalidUser')
    return { ok: false, reason: 'address-not-found', detail: 'InvalidUser' };
  const ewsUrl = answer.settings.ExternalEwsUrl;
  if (answer.status !== 200 || !ewsUrl)
    return {
      ok: false,
      reason: 'error',
      detail: `GetUserSettings: HTTP ${answer.status} ${answer.errorCode ?? ''}`,
    };
  return {
    ok: true,
    ewsUrl,
    oabUrl: answer.settings.ExternalOABUrl,
    displayName: answer.settings.UserDisplayName,
  };
}

/** The endpoint did not answer at all (no listener, connection reset): no Autodiscover, so no EWS. */
function unreachable(url: string, error: unknown): Discovery {
  return {
    ok: false,
    reason: 'unreachable',
    detail: `${url}: ${(error as Error).cause ?? (error as Error).message}`,
  };
}
