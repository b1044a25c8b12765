import { escapeXml } from './xml';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
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

/** SOAP 1.1 travels as text/xml, SOAP 1.2 as application/soap+xml (SOAP 1.2 Part 2, §7.1.4). */
export interface SoapVersion {
  envelopeNs: string;
  contentType: string;
}
export const SOAP11: SoapVersion = { envelopeNs: NS.soap, contentType: XML_TYPE };
export const SOAP12: SoapVersion = {
  envelopeNs: NS.soap12,
  contentType: 'application/soap+xml; charset=utf-8',
};

/** The SOAP version a request's Content-Type names; undefined for any other type (or none). */
export function soapVersionOf(contentType: string | null): SoapVersion | undefined {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return media === 'text/xml' ? SOAP11 : media === 'application/soap+xml' ? SOAP12 : undefined;
}

export function envelope(body: string, header = '', version = SOAP11): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<s:Envelope xmlns:s="${version.envelopeNs}">${header ? `<s:Header>${header}</s:Header>` : ''}<s:Body>${body}</s:Body></s:Envelope>`
  );
}

const ERRORS_NS = 'http://schemas.microsoft.com/exchange/services/2006/errors';

/** A SOAP fault; `code` is an Exchange response code placed in the detail. */
export function soapFault(
  faultcode: 'Client' | 'Server',
  message: string,
  code: string,
  version = SOAP11,
): string {
  const detail =
    `<e:ResponseCode xmlns:e="${ERRORS_NS}">${code}</e:ResponseCode>` +
    `<e:Message xmlns:e="${ERRORS_NS}">${escapeXml(message)}</e:Message>`;
  if (version === SOAP12) {
    const value = faultcode === 'Client' ? 'Sender' : 'Receiver';
    return envelope(
      `<s:Fault><s:Code><s:Value>s:${value}</s:Value></s:Code><s:Reason><s:Text xml:lang="en-US">${escapeXml(message)}</s:Text></s:Reason>` +
        `<s:Detail>${detail}</s:Detail></s:Fault>`,
      '',
      SOAP12,
    );
  }
  return envelope(
    `<s:Fault><faultcode>s:${faultcode}</faultcode><faultstring xml:lang="en-US">${escapeXml(message)}</faultstring>` +
      `<detail>${detail}</detail></s:Fault>`,
  );
}

/**
 * WCF's answer to a body type its binding does not read: 415 naming both types, no SOAP envelope
 * ("Cannot process the message because the content type ... was not the expected type ...").
 */
export function unsupportedMediaType(contentType: string | null, expected = XML_TYPE): Response {
  const given = (contentType ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
  return new Response(
    `Cannot process the message because the content type '${given}' was not the expected type '${expected}'.`,
    { status: 415, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
}
