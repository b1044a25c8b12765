import { AdminInputError, type AdminRoute, type Journal, parseJson } from '../admin';

/** Where the pool's Address Book Service hands out its files (in-band provisioning names it). */
export const ABS_PATH = '/abs/int/handler';

/** One object the User Replicator found in AD with a SIP address. */
export interface AddressBookEntry {
  displayName: string;
  sip: string;
  mail?: string;
  kind: 'user' | 'contact';
}

/**
 * The pool's Address Book Service: the objects the User Replicator read from AD, served as the full
 * file of the day, F-<days since 1 January 2000, 4 hex digits>.lsabs. The real file is compressed and
 * binary; this one is our own text form (a header line, then one JSON object per line).
 */
export class AddressBookService {
  private entries: AddressBookEntry[] = [];

  route(): AdminRoute {
    return (req) => {
      const data = parseJson(req.body, '{ entries: [{ displayName, sip, mail?, kind }] }');
      if (!Array.isArray(data.entries))
        throw new AdminInputError('"entries" must be an array', 'bad-address-book', 'entries');
      this.entries = data.entries.map((e, i) => checkEntry(e, i));
      return { json: { entries: this.entries.length } };
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** Answers GET <ABS_PATH>/F-xxxx.lsabs for the day `now` falls on; anything else is a 404. */
  serve(method: string, file: string, now: Date, journal: Journal): Response {
    const today = fullFileName(now);
    const ok = method === 'GET' && file === today;
    journal.record({
      operation: 'abs.download',
      request: { method, file },
      outcome: ok ? { status: 200, entries: this.entries.length } : { status: 404, today },
    });
    if (!ok)
      return new Response(`no address book file ${file}; today's is ${today}\n`, {
        status: 404,
        headers: { 'content-type': 'text/plain' },
      });
    const lines = [
      `LSABS full ${today} ${this.entries.length}`,
      ...this.entries.map((e) => JSON.stringify(e)),
    ];
    return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'application/octet-stream' } });
  }
}

/** The full file's name for a day: F- and the days since 1 January 2000 in four hex digits. */
export function fullFileName(now: Date): string {
  const days = Math.floor((now.getTime() - Date.UTC(2000, 0, 1)) / 86_400_000);
  return `F-${days.toString(16).padStart(4, '0')}.lsabs`;
}

function checkEntry(value: unknown, index: number): AddressBookEntry {
  const e = value as Partial<AddressBookEntry> | null;
  if (
    !e ||
    typeof e.displayName !== 'string' ||
    typeof e.sip !== 'string' ||
    !/^sip:[^@\s]+@\S+$/i.test(e.sip)
  )
    throw new AdminInputError(
      `entries[${index}] needs a displayName and a sip:user@domain address`,
      'bad-address-book',
      `entries[${index}]`,
    );
  return {
    displayName: e.displayName,
    sip: e.sip,
    mail: e.mail,
    kind: e.kind === 'contact' ? 'contact' : 'user',
  };
}
