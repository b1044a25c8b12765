import { type FaultReplies, faultStatus } from '../admin';
import { soapFault, XML_TYPE } from './soap';

/**
 * How Exchange answers an injected fault: `malformed` is XML cut in half; `error` is the HTTP status
 * (a number) or a SOAP fault carrying the Exchange response code (a string).
 */
export const EXCHANGE_FAULTS: FaultReplies = {
  malformed: {
    status: 200,
    contentType: XML_TYPE,
    body: '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Bo',
  },
  error: (code, message) =>
    typeof code === 'number'
      ? {
          status: faultStatus(code),
          contentType: 'text/plain; charset=utf-8',
          body: message ?? `injected HTTP ${code}`,
        }
      : {
          status: 500,
          contentType: XML_TYPE,
          body: soapFault('Server', message ?? `injected ${code}`, String(code)),
        },
};
