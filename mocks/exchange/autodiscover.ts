import { HttpResponse, http } from 'msw';
import { exchangeResolver } from './basic-auth';
import type { Recipient } from './directory';
import { OAB_GUID } from './oab-store';
import { CAS_VERSION, poxError, poxSettings, type ServiceUrls } from './pox-settings';
import { envelope, NS, soapFault, unsupportedMediaType, XML_TYPE } from './soap';
import type { ExchangeState } from './state';
import { escapeXml, find, findAll, parseXml, XmlRejected } from './xml';

/** Where the mock's own EWS and OAB live, as Autodiscover hands them out. */
/** The URLs handed out; no OAB URL when the OAB is not offered for web-based distribution. */
function urlsFor(state: ExchangeState, request: Request): ServiceUrls {
  const origin = new URL(request.url).origin;
  const oab = state.mechanism.values.oabNotWebDistributed ? undefined : `${origin}/OAB/${OAB_GUID}/`;
  return { ews: `${origin}/EWS/Exchange.asmx`, oab, origin };
}

const xml = (body: string, status = 200) =>
  new HttpResponse(body, { status, headers: { 'Content-Type': XML_TYPE } });

/** POX Autodiscover (the Outlook schema), as Outlook and Lync 2010/2013 send it. */
export function poxAutodiscover(state: ExchangeState) {
  return http.post(
    /\/autodiscover\/autodiscover\.xml$/i,
    exchangeResolver(state, 'autodiscover')('autodiscover.pox', ({ request }) => poxAnswer(state, request)),
  );
}

async function poxAnswer(state: ExchangeState, request: Request): Promise<Response> {
  const contentType = request.headers.get('content-type');
  if ((contentType ?? '').split(';')[0].trim().toLowerCase() !== 'text/xml') {
    state.record({
      operation: 'autodiscover.pox',
      request: { contentType: contentType ?? null },
      outcome: { status: 415 },
    });
    return unsupportedMediaType(contentType, 'text/xml');
  }
  let address: string | undefined;
  try {
    const root = parseXml(await request.text());
    const req = find(root, [NS.poxRequest, 'Request']);
    if (root.ns !== NS.poxRequest || root.name !== 'Autodiscover' || !req)
      throw new XmlRejected('not an Autodiscover request');
    address = find(req, [NS.poxRequest, 'EMailAddress'])?.text;
  } catch (error) {
    state.record({ operation: 'autodiscover.pox', request: {}, outcome: { errorCode: 600 } });
    return xml(poxError(600, `Invalid Request: ${(error as Error).message}`));
  }
  const user = address ? state.autodiscoverUser(address) : undefined;
  state.record({
    operation: 'autodiscover.pox',
    request: { address },
    outcome: { errorCode: user ? 0 : 500 },
  });
  if (!user) return xml(poxError(500, 'The e-mail address cannot be found.'));
  return xml(poxSettings(user, urlsFor(state, request)));
}

/** Each setting Autodiscover knows; undefined when this deployment has no value for it. */
const SETTINGS: Record<string, (u: Recipient, urls: ServiceUrls) => string | undefined> = {
  UserDisplayName: (u) => u.displayName,
  UserDN: (u) => u.legacyExchangeDN,
  InternalEwsUrl: (_u, urls) => urls.ews,
  ExternalEwsUrl: (_u, urls) => urls.ews,
  InternalOABUrl: (_u, urls) => urls.oab,
  ExternalOABUrl: (_u, urls) => urls.oab,
  CasVersion: () => CAS_VERSION,
  EwsSupportedSchemas: () =>
    'Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013',
};

/** SOAP Autodiscover `GetUserSettings` (Exchange 2010+), as Lync 2013 prefers it. */
export function soapAutodiscover(state: ExchangeState) {
  return http.post(
    /\/autodiscover\/autodiscover\.svc$/i,
    exchangeResolver(state, 'autodiscover')('autodiscover.GetUserSettings', ({ request }) =>
      userSettingsAnswer(state, request),
    ),
  );
}

async function userSettingsAnswer(state: ExchangeState, request: Request): Promise<Response> {
  let mailbox: string | undefined;
  let wanted: string[];
  try {
    const body = find(parseXml(await request.text()), [NS.soap, 'Body']);
    const req = find(body, [NS.autodiscover, 'GetUserSettingsRequestMessage'], [NS.autodiscover, 'Request']);
    if (!req) throw new XmlRejected('the body holds no a:GetUserSettingsRequestMessage/a:Request');
    mailbox = find(
      req,
      [NS.autodiscover, 'Users'],
      [NS.autodiscover, 'User'],
      [NS.autodiscover, 'Mailbox'],
    )?.text;
    wanted = findAll(find(req, [NS.autodiscover, 'RequestedSettings']), NS.autodiscover, 'Setting').map(
      (s) => s.text,
    );
  } catch (error) {
    state.record({ operation: 'autodiscover.GetUserSettings', request: {}, outcome: { fault: 'Client' } });
    return xml(soapFault('Client', (error as Error).message, 'InvalidRequest'), 500);
  }
  const user = mailbox ? state.autodiscoverUser(mailbox) : undefined;
  state.record({
    operation: 'autodiscover.GetUserSettings',
    request: { mailbox, settings: wanted },
    outcome: { errorCode: user ? 'NoError' : 'InvalidUser' },
  });
  return xml(userSettingsResponse(user, wanted, urlsFor(state, request), mailbox ?? ''));
}

function userSettingsResponse(
  user: Recipient | undefined,
  wanted: string[],
  urls: ServiceUrls,
  mailbox: string,
) {
  const values = wanted.map((n) => ({ n, value: user ? SETTINGS[n]?.(user, urls) : undefined }));
  const settings = values
    .filter((v) => v.value !== undefined)
    .map(
      ({ n, value }) =>
        `<UserSetting i:type="StringSetting"><Name>${n}</Name><Value>${escapeXml(value!)}</Value></UserSetting>`,
    )
    .join('');
  const settingError = (n: string, code: string, message: string) =>
    `<UserSettingError><ErrorCode>${code}</ErrorCode><ErrorMessage>${message}</ErrorMessage><SettingName>${escapeXml(n)}</SettingName></UserSettingError>`;
  const errors = wanted
    .map((n) =>
      !SETTINGS[n]
        ? settingError(n, 'InvalidSetting', 'The requested setting is invalid.')
        : user && SETTINGS[n](user, urls) === undefined
          ? settingError(n, 'SettingIsNotAvailable', 'The requested setting is not available.')
          : '',
    )
    .join('');
  const userCode = user ? 'NoError' : 'InvalidUser';
  const userMessage = user ? 'No error.' : `Invalid user: '${escapeXml(mailbox)}'`;
  return envelope(
    `<GetUserSettingsResponseMessage xmlns="${NS.autodiscover}"><Response xmlns:i="${NS.xsi}">` +
      `<ErrorCode>NoError</ErrorCode><ErrorMessage /><UserResponses><UserResponse>` +
      `<ErrorCode>${userCode}</ErrorCode><ErrorMessage>${userMessage}</ErrorMessage><RedirectTarget i:nil="true" />` +
      `<UserSettingErrors>${errors}</UserSettingErrors><UserSettings>${settings}</UserSettings>` +
      `</UserResponse></UserResponses></Response></GetUserSettingsResponseMessage>`,
    `<h:ServerVersionInfo xmlns:h="${NS.autodiscover}"><h:MajorVersion>15</h:MajorVersion><h:MinorVersion>0</h:MinorVersion></h:ServerVersionInfo>`,
  );
}
