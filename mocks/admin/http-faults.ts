import type { Fault } from './faults';

export interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}

/** How one HTTP service words the replies of the `malformed` and `error` faults. */
export interface FaultReplies {
  /** A 200 reply the service's clients cannot parse (cut short). */
  malformed: HttpReply;
  /** The service's error reply for `error` with this code and message. */
  error(code: number | string, message: string | undefined): HttpReply;
}

/** The HTTP status an `error` fault's code stands for: a 4xx/5xx number as given, anything else 500. */
export function faultStatus(code: Fault['code']): number {
  return typeof code === 'number' && code >= 400 && code <= 599 ? code : 500;
}
