import type { LyncOnlinePerson } from '../../src/harness/lync-online-seed';
import type { ContactFacts } from '../../src/model/pres';

/**
 * The presence examples' people, as the fixtures' Lync Online knows them: XYZ Corp's Pat Kim, Lee
 * Chan and their colleagues (licensed, signed in), and external contacts from GALSync: Anna Berg of
 * ABC (signed in on ABC's Lync, federated), Jed Hill with the notes' made-up SIP address, Erik Moss
 * whose contact lacks a SIP address.
 */
export function named(people: LyncOnlinePerson[], name: string): LyncOnlinePerson {
  const person = people.find((p) => p.name === name);
  if (!person) throw new Error(`[pres] the fixtures' Lync Online has no person named "${name}"`);
  return person;
}

/** Pat Kim's colleagues (`Colleague 001`, ...), in order: people to pin up to the limits. */
export function colleagues(people: LyncOnlinePerson[]): LyncOnlinePerson[] {
  return people.filter((p) => p.kind === 'user' && /^Colleague \d+$/.test(p.name));
}

export function facts(person: LyncOnlinePerson): ContactFacts {
  return { kind: person.kind, sipAddress: person.sip, reachableAs: person.endpoint };
}
