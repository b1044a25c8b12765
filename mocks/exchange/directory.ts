import { AdminInputError } from '../admin';
import { EntryStream, NOT_FOLLOWED } from './entries-stream';

/**
 * The cloud directory as Exchange Online sees it after DirSync: mailboxes (users) and mail contacts.
 * Loaded from DirectoryEntry.toJSON() objects; each becomes a Recipient with the addresses Exchange
 * stamps on it.
 */
export interface Recipient {
  dn: string;
  kind: 'mailbox' | 'contact';
  displayName: string;
  givenName: string;
  surname: string;
  alias: string;
  /** Primary SMTP address (mail, or the SMTP: proxy address, or the contact's targetAddress). */
  smtp: string;
  /** `SMTP:`/`smtp:`/`SIP:` proxy addresses, as the OAB and EWS show them. */
  proxyAddresses: string[];
  /** msRTCSIP-PrimaryUserAddress, when set. */
  sip?: string;
  targetAddress?: string;
  legacyExchangeDN: string;
  userPrincipalName?: string;
  /** msExchHideFromAddressLists: TRUE keeps the recipient out of the GAL, the OAB and name resolution. */
  hiddenFromAddressLists: boolean;
  /** msRTCSIP-UserEnabled is not FALSE: the user can sign in to Lync. */
  lyncEnabled: boolean;
}

export interface EntryJson {
  dn: string;
  attributes: Record<string, string[]>;
}

const ORG_DN = '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients';

/** Parses admin data: an array of entries, or `{ entries, password? }` (the tenant's sign-in password). */
export function parseDirectoryData(body: string): { recipients: Recipient[]; password?: string } {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new AdminInputError('[mock:exchange] the data is not JSON; send DirectoryEntry.toJSON() objects');
  }
  const wrapper = data as { entries?: unknown; password?: unknown };
  const list = Array.isArray(data) ? data : wrapper?.entries;
  if (!Array.isArray(list))
    throw new AdminInputError('[mock:exchange] expected an array of { dn, attributes } (or { entries })');
  const recipients: Recipient[] = [];
  list.forEach((item, index) => {
    addRecipient(recipients, item, index);
  });
  const password = typeof wrapper?.password === 'string' ? wrapper.password : undefined;
  return { recipients, password };
}

/**
 * The same as the body arrives, one entry at a time (entries-stream.ts): the document is never held
 * whole as text or objects. A body it cannot follow is parsed whole, which names the problem, when it
 * is within HELD_BYTES (all a whole parse needs is kept that far); past that it is refused as such.
 */
export async function parseDirectoryStream(
  body: AsyncIterable<Buffer>,
): Promise<{ recipients: Recipient[]; password?: string }> {
  const recipients: Recipient[] = [];
  // An element refused is reported only once the whole body is known to be JSON, as a whole-body
  // parse would find a syntax error first.
  let refused: { error: unknown } | undefined;
  const entries = new EntryStream((item, index) => {
    if (refused) return;
    try {
      addRecipient(recipients, item, index);
    } catch (error) {
      refused = { error };
    }
  });
  let held: Buffer[] | undefined = [];
  let heldBytes = 0;
  const received = body[Symbol.asyncIterator]();
  try {
    for (let next = await received.next(); !next.done; next = await received.next()) {
      heldBytes += next.value.length;
      if (held && heldBytes <= HELD_BYTES) held.push(next.value);
      else held = undefined;
      entries.take(next.value);
    }
    const found = entries.finish();
    if (refused) throw refused.error;
    return { recipients, password: typeof found.password === 'string' ? found.password : undefined };
  } catch (error) {
    if (error !== NOT_FOLLOWED) throw error;
    if (!held) throw new AdminInputError(`[mock:exchange] ${NOT_IN_SHAPE}`);
    for (let next = await received.next(); !next.done; next = await received.next()) held.push(next.value);
    return parseDirectoryData(Buffer.concat(held).toString('utf8'));
  }
}

/** Bytes of a load kept in case it has to be parsed whole to name its problem (a tenant's is larger). */
const HELD_BYTES = 16 * 1024 * 1024;
const NOT_IN_SHAPE =
  'the data is not JSON of the shape [ { dn, attributes }, ... ] or { "entries": [ ... ], "password": "..." } (read as it arrived: past 16 MB it is not parsed whole)';

function addRecipient(recipients: Recipient[], item: unknown, index: number): void {
  const entry = item as EntryJson;
  if (typeof entry?.dn !== 'string' || typeof entry.attributes !== 'object' || entry.attributes === null)
    throw new AdminInputError(
      `[mock:exchange] entry ${index} has no dn or attributes`,
      'bad-entry',
      `${index}`,
    );
  const recipient = toRecipient(entry);
  if (recipient) recipients.push(recipient);
}

export function recipientsFromJson(body: string): Recipient[] {
  return parseDirectoryData(body).recipients;
}

function attr(entry: EntryJson, name: string): string[] {
  const key = Object.keys(entry.attributes).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? entry.attributes[key] : [];
}

/** Users with a mail address become mailboxes, contacts become mail contacts; anything else is ignored. */
function toRecipient(entry: EntryJson): Recipient | undefined {
  const classes = attr(entry, 'objectClass').map((c) => c.toLowerCase());
  const kind = classes.includes('contact') ? 'contact' : classes.includes('user') ? 'mailbox' : undefined;
  if (!kind || classes.includes('computer')) return undefined;
  const first = (name: string) => attr(entry, name)[0];
  const proxies = attr(entry, 'proxyAddresses');
  const targetAddress = first('targetAddress');
  const primary = proxies.find((p) => p.startsWith('SMTP:'))?.slice(5);
  const smtp = first('mail') ?? primary ?? targetAddress?.replace(/^smtp:/i, '');
  if (!smtp) return undefined;
  const alias = first('mailNickname') ?? smtp.split('@')[0];
  const sip = first('msRTCSIP-PrimaryUserAddress');
  const stamped = proxies.some((p) => p.toLowerCase() === `smtp:${smtp.toLowerCase()}`);
  // Exchange stamps the Lync address as a SIP: proxy address, which is how Outlook's OAB carries it.
  const sipProxy =
    sip && !proxies.some((p) => p.toLowerCase() === sip.toLowerCase())
      ? [`SIP:${sip.replace(/^sip:/i, '')}`]
      : [];
  // Built at its final length: an array grown by unshift or push keeps room for a dozen more values,
  // which at 100,000 recipients costs more than their addresses.
  const proxyAddresses = (
    stamped ? [...proxies, ...sipProxy] : [`SMTP:${smtp}`, ...proxies, ...sipProxy]
  ).slice();
  return {
    dn: entry.dn,
    kind,
    displayName: first('displayName') ?? first('cn') ?? alias,
    givenName: first('givenName') ?? '',
    surname: first('sn') ?? '',
    alias,
    smtp,
    proxyAddresses,
    sip,
    targetAddress,
    legacyExchangeDN: first('legacyExchangeDN') ?? `${ORG_DN}/cn=${alias}`,
    userPrincipalName: first('userPrincipalName'),
    hiddenFromAddressLists: first('msExchHideFromAddressLists')?.toUpperCase() === 'TRUE',
    lyncEnabled: first('msRTCSIP-UserEnabled')?.toUpperCase() !== 'FALSE',
  };
}
