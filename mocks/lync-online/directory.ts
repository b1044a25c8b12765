import { AdminInputError, parseJson } from '../admin';

/** A person Lync Online knows: a licensed user of the tenant, or a mail contact (from GALSync). */
export interface Person {
  name: string;
  mail: string;
  /** sip:user@domain; absent when the directory has no SIP address. */
  sip?: string;
  kind: 'user' | 'contact';
  /** The availability of whoever is signed in at this SIP address; absent when it reaches no one. */
  endpoint?: string;
}

export interface Limits {
  /** MaxContacts (Set-CsUserServicesConfiguration): pinned contacts per user. */
  maxContacts: number;
  /** Concurrent presence subscriptions per user (the Lync Online service description). */
  maxSubscriptions: number;
  /** MaxCategorySubscription per publisher; every subscription takes 5 categories. */
  maxCategorySubscription: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxContacts: 250,
  maxSubscriptions: 200,
  maxCategorySubscription: 1000,
};
export const CATEGORIES_PER_SUBSCRIPTION = ['state', 'services', 'contactCard', 'note', 'calendarData'];

export interface Directory {
  people: Person[];
  limits: Limits;
  /** People who already follow a publisher, by the publisher's SIP address (other users' subscriptions). */
  existingFollowers: Record<string, number>;
}

/** Parses PUT /__admin/data; names the first bad person. */
export function parseDirectory(body: string): Directory {
  const data: { people?: unknown; limits?: Partial<Limits>; existingFollowers?: Record<string, number> } =
    parseJson(body, '{ people: [...], limits?, existingFollowers? }');
  if (!Array.isArray(data.people))
    throw new AdminInputError('"people" must be an array', 'bad-people', 'people');
  const people = data.people.map((p: Partial<Person>, i: number) => {
    const where = `people[${i}]`;
    if (typeof p?.name !== 'string' || typeof p.mail !== 'string')
      throw new AdminInputError(`${where} needs "name" and "mail"`, 'bad-person', where);
    if (p.sip !== undefined && !/^sip:[^@\s]+@[^@\s]+$/i.test(p.sip))
      throw new AdminInputError(
        `${where}.sip must be sip:user@domain, got "${p.sip}"`,
        'bad-sip',
        `${where}.sip`,
      );
    if (p.kind !== 'user' && p.kind !== 'contact')
      throw new AdminInputError(`${where}.kind must be "user" or "contact"`, 'bad-person', `${where}.kind`);
    return {
      name: p.name,
      mail: p.mail.toLowerCase(),
      sip: p.sip?.toLowerCase(),
      kind: p.kind,
      endpoint: p.endpoint,
    };
  });
  return {
    people,
    limits: { ...DEFAULT_LIMITS, ...data.limits },
    existingFollowers: data.existingFollowers ?? {},
  };
}
