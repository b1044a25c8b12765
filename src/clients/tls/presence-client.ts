import { httpCall } from '../../util/http-call';

/**
 * Lync 2013 (Lync Online) for one signed-in user, over UCWA-style resources: search, the contact list,
 * presence subscriptions, viewing a contact's presence, and instant messages.
 */
export interface PersonCard {
  name: string;
  mail: string;
  sip: string | null;
  kind: 'user' | 'contact';
}

export interface ShownPresence {
  /** What the client shows: an availability ("Available", "Away", ..., "Presence unknown") or the server's message. */
  shown: string;
  availability: string;
}

export class LyncOnlineClient {
  private readonly base: string;

  constructor(
    serviceUrl: string,
    readonly me: string,
  ) {
    this.base = `${serviceUrl}/ucwa/oauth/v1/applications/${encodeURIComponent(me)}`;
  }

  async search(query: string): Promise<PersonCard[]> {
    return (
      await this.call<{ contacts: PersonCard[] }>('GET', `/people/search?query=${encodeURIComponent(query)}`)
    ).body.contacts;
  }

  /** Pins a contact and subscribes to its presence, as the client does when a contact is added. */
  async addContact(uri: string): Promise<{ added: boolean; subscribed: boolean; message?: string }> {
    const added = await this.call<{ added: boolean; message?: string }>('POST', '/people/contacts', { uri });
    if (!added.body.added) return { added: false, subscribed: false, message: added.body.message };
    const sub = await this.call<{ subscriptions: Array<{ state: string; message?: string }> }>(
      'POST',
      '/people/presenceSubscriptions',
      { uris: [uri] },
    );
    const result = sub.body.subscriptions[0];
    return { added: true, subscribed: result.state === 'active', message: result.message };
  }

  async contactCount(): Promise<number> {
    return (await this.call<{ contacts: string[] }>('GET', '/people/contacts')).body.contacts.length;
  }

  async viewPresence(uri: string): Promise<ShownPresence> {
    const { body } = await this.call<{ availability: string; message?: string }>(
      'GET',
      `/people/${encodeURIComponent(uri)}/presence`,
    );
    if (body.message === 'Maximum Followers Reached')
      return { shown: body.message, availability: body.availability };
    return {
      shown: body.availability === 'Unknown' ? 'Presence unknown' : body.availability,
      availability: body.availability,
    };
  }

  async sendIm(to: string, text: string): Promise<boolean> {
    return (await this.call<{ delivered: boolean }>('POST', '/communication/messaging', { to, text })).body
      .delivered;
  }

  /** OWA's Lync integration: presence and the IM button only for someone it resolves as a Lync Online user. */
  async owaImButton(mail: string): Promise<boolean> {
    const lookup = await this.call<PersonCard>('GET', `/people/lookup?mail=${encodeURIComponent(mail)}`);
    return lookup.status === 200 && Boolean(lookup.body.sip);
  }

  /** Full Outlook: the IM button when the address-book card carries a SIP address. */
  async outlookImButton(mail: string): Promise<boolean> {
    const card = await this.call<PersonCard>('GET', `/people/card?mail=${encodeURIComponent(mail)}`);
    return card.status === 200 && Boolean(card.body.sip);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await httpCall(`${this.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = response.json<T>();
    if (response.status >= 500 || response.status === 403)
      throw new Error(`[lync] ${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return { status: response.status, body: json };
  }
}
