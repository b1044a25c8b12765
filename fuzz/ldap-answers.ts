import type { Talk } from './wire';

/** One LDAP response as far as the fuzzer cares: its message, operation and result code. */
export interface LdapAnswer {
  messageId: number;
  op: number;
  resultCode?: number;
  /** responseName of an ExtendedResponse (the Notice of Disconnection has 1.3.6.1.4.1.1466.20036). */
  name?: string;
}

const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';
/** Responses that end an operation (a search's entries and references do not). */
const DONE = new Set([0x61, 0x65, 0x67, 0x69, 0x6b, 0x6d, 0x6f, 0x78]);
const NAMES: Record<number, string> = {
  0: 'success',
  1: 'operationsError',
  2: 'protocolError',
  12: 'unavailableCriticalExtension',
  21: 'invalidAttributeSyntax',
  32: 'noSuchObject',
  34: 'invalidDNSyntax',
  49: 'invalidCredentials',
  50: 'insufficientAccessRights',
  53: 'unwillingToPerform',
  64: 'namingViolation',
  65: 'objectClassViolation',
  68: 'entryAlreadyExists',
  80: 'other',
};

function header(b: Buffer, at: number): { tag: number; start: number; end: number } | undefined {
  if (at + 2 > b.length) return undefined;
  let length = b[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > b.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + b[start + i];
    start += count;
  }
  return { tag: b[at], start, end: start + length };
}

/** The whole LDAPMessages at the start of a reply (stops at the first partial or unreadable one). */
export function ldapAnswers(reply: Buffer): LdapAnswer[] {
  const out: LdapAnswer[] = [];
  for (let at = 0; ; ) {
    const message = header(reply, at);
    if (message?.tag !== 0x30 || message.end > reply.length) return out;
    const id = header(reply, message.start);
    const op = id && header(reply, id.end);
    if (!id || !op || op.end > message.end) return out;
    let messageId = 0;
    for (let i = id.start; i < id.end; i++) messageId = messageId * 256 + reply[i];
    const answer: LdapAnswer = { messageId, op: op.tag };
    const code = DONE.has(op.tag) ? header(reply, op.start) : undefined;
    if (code && code.tag === 0x0a && code.end === code.start + 1) answer.resultCode = reply[code.start];
    if (op.tag === 0x78) {
      const name = reply.subarray(op.start, op.end).indexOf(Buffer.from(NOTICE_OF_DISCONNECTION));
      if (name >= 0) answer.name = NOTICE_OF_DISCONNECTION;
    }
    out.push(answer);
    at = message.end;
  }
}

/** Done once `expected` operations have ended, or the server gave notice of disconnection. */
export function ldapComplete(expected: number): (reply: Buffer) => boolean {
  return (reply) => {
    const answers = ldapAnswers(reply);
    return answers.some((a) => a.name) || answers.filter((a) => DONE.has(a.op)).length >= expected;
  };
}

/** The kind of answer, for the run's tally: the last operation's result, or how the connection ended. */
export function ldapAnswerKind(result: Talk, sessionBind: boolean): string {
  const answers = ldapAnswers(result.reply).filter((a) => DONE.has(a.op));
  const own = sessionBind ? answers.slice(1) : answers;
  const last = own.find((a) => a.name) ?? own[own.length - 1];
  if (last?.name) return 'notice of disconnection';
  if (last?.resultCode === 2) return 'protocol error';
  if (last?.resultCode !== undefined)
    return `result ${last.resultCode} ${NAMES[last.resultCode] ?? ''}`.trim();
  if (result.ending === 'answered')
    return result.reply.length && !answers.length ? 'unreadable answer' : 'closed';
  return result.ending;
}
