import { HttpResponse } from 'msw';
import { faultStatus } from '../admin';
import { soapFault, XML_TYPE } from './soap';
import type { ExchangeState } from './state';

/**
 * Applies an injected fault (admin API) to the next answer of `operation`: `delay` waits then answers
 * normally, `reset` drops the connection, `malformed` sends XML cut in half, `error` answers with the
 * HTTP status (a number) or a SOAP fault carrying the Exchange response code (a string).
 */
export async function injectedFault(state: ExchangeState, operation: string): Promise<Response | undefined> {
  const fault = state.faults.take(operation);
  if (!fault) return undefined;
  state.record({
    operation,
    request: {},
    outcome: { fault: fault.kind, code: fault.code },
    fault: fault.kind,
  });
  switch (fault.kind) {
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return undefined;
    case 'reset':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse(
        '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Bo',
        {
          status: 200,
          headers: { 'Content-Type': XML_TYPE },
        },
      );
    default:
      return typeof fault.code === 'number'
        ? new HttpResponse(fault.message ?? `injected HTTP ${fault.code}`, {
            status: faultStatus(fault.code),
          })
        : new HttpResponse(
            soapFault('Server', fault.message ?? `injected ${fault.code}`, String(fault.code)),
            {
              status: 500,
              headers: { 'Content-Type': XML_TYPE },
            },
          );
  }
}
