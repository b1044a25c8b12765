/** The bodies Exchange's clients send (namespaces as the mock reads them), for the XML mutator to start from. */
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const MESSAGES = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const TYPES = 'http://schemas.microsoft.com/exchange/services/2006/types';
const AUTODISCOVER = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
const POX = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const POX_SCHEMA = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

export function resolveNamesBody(entry: string, fullData = true): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<soap:Envelope xmlns:soap="${SOAP}" xmlns:t="${TYPES}" xmlns:m="${MESSAGES}">` +
    `<soap:Header><t:RequestServerVersion Version="Exchange2013" /></soap:Header>` +
    `<soap:Body><m:ResolveNames ReturnFullContactData="${fullData}" SearchScope="ActiveDirectory">` +
    `<m:UnresolvedEntry>${entry}</m:UnresolvedEntry></m:ResolveNames></soap:Body></soap:Envelope>`
  );
}

export function poxAutodiscoverBody(address: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${POX}"><Request>` +
    `<EMailAddress>${address}</EMailAddress><AcceptableResponseSchema>${POX_SCHEMA}</AcceptableResponseSchema>` +
    `</Request></Autodiscover>`
  );
}

export function getUserSettingsBody(
  mailbox: string,
  settings = ['InternalEwsUrl', 'ExternalOABUrl'],
): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<soap:Envelope xmlns:a="${AUTODISCOVER}" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:soap="${SOAP}">` +
    `<soap:Header><a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion></soap:Header>` +
    `<soap:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User><a:Mailbox>${mailbox}</a:Mailbox>` +
    `</a:User></a:Users><a:RequestedSettings>${settings.map((s) => `<a:Setting>${s}</a:Setting>`).join('')}` +
    `</a:RequestedSettings></a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>`
  );
}
