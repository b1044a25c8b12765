import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipientsFromJson } from '../../../mocks/exchange/directory';
import { writeFullDetails } from '../../../mocks/exchange/oab-details';
import { anrMatches } from './anr';
import { OabFormatError, readFullDetails } from './oab-decoder';
import { OabLookup } from './oab-lookup';

const GIVEN = ['Ann', 'Anna', 'Annika', 'Bo', 'Björn', 'Zoë', 'Jed', 'Ian'];
const SURNAMES = ['Berg', 'Bergström', 'Hill', 'Hale', 'Öst', 'Ng'];

/** A GAL where names share prefixes, repeat, and differ only in case or accents. */
const details = writeFullDetails(
  { name: '\\Global Address List', dn: '/', sequence: 2 },
  recipientsFromJson(
    JSON.stringify(
      Array.from({ length: 600 }, (_, i) => {
        const given = GIVEN[i % GIVEN.length];
        const sn = SURNAMES[(i * 7) % SURNAMES.length];
        const contact = i % 3 === 0;
        return {
          dn: `CN=${given} ${sn} ${i},OU=Staff,DC=xyz,DC=corp`,
          attributes: {
            objectClass: contact ? ['top', 'person', 'contact'] : ['top', 'person', 'user'],
            displayName: [i % 5 ? `${given} ${sn}` : `${sn.toUpperCase()}, ${given}`],
            givenName: [given],
            sn: [sn],
            ...(contact
              ? { mailNickname: [`${given}${i}`], targetAddress: [`SMTP:${given}.${i}@fabrikam.example`] }
              : { mail: [`${given.toLowerCase()}.${sn.toLowerCase()}${i}@xyz.corp`] }),
          },
        };
      }),
    ),
  ),
);

const QUERIES = [
  'Ann',
  'anna',
  'ANNIKA BERG',
  'berg ann',
  'Berg',
  'bergs',
  'zoë',
  'Öst Bo',
  'jed h',
  'j h',
  'hill, jed',
  'an.b',
  'annika.',
  '  Bo  Ng ',
  'x',
  '',
  'ian ng 3',
];

test('a search of the indexed OAB finds exactly what a scan of every record finds, in file order', () => {
  const lookup = OabLookup.of(details);
  const all = readFullDetails(details).records;
  assert.equal(lookup.size, all.length);
  assert.deepEqual([...lookup.records()], all);
  for (const query of QUERIES) {
    const scanned = all.filter((r) => anrMatches(r, query));
    assert.deepEqual(lookup.search(query), scanned, `query "${query}"`);
  }
  assert.ok(lookup.search('Ann').length > 100, 'a first-name prefix finds many');
});

test('an OAB that does not decode is refused before it is indexed', () => {
  const broken = Buffer.from(details);
  broken.writeUInt32LE(0x21, 0);
  assert.throws(() => OabLookup.of(broken), OabFormatError);
  assert.throws(() => OabLookup.of(details.subarray(0, details.length - 3)), OabFormatError);
});
