import { escapeXml } from './xml';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  messages: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  types: 'http://schemas.microsoft.com/exchange/services/2006/types',
  autodiscover: 'http://schemas.microsoft.com/exchange/2010/Autodiscover',
  wsa: 'http://www.w3.org/2005/08/addressing',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  poxRequest: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006',
  poxResponse: 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006',
  poxOutlook: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
} as const;

export const XML_TYPE = 'text/xml; charset=utf-8';

export function envelope(body: string, header = ''): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<s:Envelope xmlns:s="${NS.soap}">${header ? `<s:Header>${header}</s:Header>` : ''}<s:Body>${body}</s:Body></s:Envelope>`
  );
}

/** A SOAP 1.1 fault; `code` is an Exchange response code placed in the detail. */
export function soapFault(faultcode: 'Client' | 'Server', message: string, code: string): string {
  return envelope(
    `<s:Fault><faultcode>s:${faultcode}</faultcode><faultstring xml:lang="en-US">${escapeXml(message)}</faultstring>` +
      `<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode>` +
      `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${escapeXml(message)}</e:Message></detail></s:Fault>`,
  );
}
