import type { ContactFacts } from '../../src/model/pres';

/** A person of the presence fixtures: what Lync Online's directory holds and who is signed in. */
export interface FixturePerson {
  name: string;
  mail: string;
  sip?: string;
  kind: 'user' | 'contact';
  endpoint?: string;
}

/**
 * XYZ Corp on Lync Online (Pat Kim, Lee Chan and generated colleagues), and external contacts from
 * GALSync: Anna Berg of ABC (signed in on ABC's Lync, federated), Jed Hill with the notes' fake SIP
 * address, Erik Moss whose contact lacks a SIP address.
 */
export const NAMED: FixturePerson[] = [
  {
    name: 'Pat Kim',
    mail: 'pat.kim@xyz.corp',
    sip: 'sip:pat.kim@xyz.corp',
    kind: 'user',
    endpoint: 'Available',
  },
  {
    name: 'Lee Chan',
    mail: 'lee.chan@xyz.corp',
    sip: 'sip:lee.chan@xyz.corp',
    kind: 'user',
    endpoint: 'Available',
  },
  {
    name: 'Anna Berg',
    mail: 'anna.berg@abc.corp',
    sip: 'sip:anna.berg@abc.corp',
    kind: 'contact',
    endpoint: 'Away',
  },
  {
    name: 'Jed Hill',
    mail: 'jed.hill@fabrikam.example',
    sip: 'sip:jed.hill@fabrikam.example',
    kind: 'contact',
  },
  { name: 'Erik Moss', mail: 'erik.moss@abc.corp', kind: 'contact' },
];

export const COLLEAGUES: FixturePerson[] = Array.from({ length: 300 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return {
    name: `Colleague ${n}`,
    mail: `colleague${n}@xyz.corp`,
    sip: `sip:colleague${n}@xyz.corp`,
    kind: 'user',
    endpoint: 'Available',
  };
});

export function fixtureBody(existingFollowers: Record<string, number> = {}): string {
  return JSON.stringify({ people: [...NAMED, ...COLLEAGUES], existingFollowers });
}

export function named(name: string): FixturePerson {
  const person = NAMED.find((p) => p.name === name);
  if (!person)
    throw new Error(
      `[pres] no person "${name}" in the fixtures; known: ${NAMED.map((p) => p.name).join(', ')}`,
    );
  return person;
}

export function facts(person: FixturePerson): ContactFacts {
  return { kind: person.kind, sipAddress: person.sip, reachableAs: person.endpoint };
}
