import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LdifError } from '../../src/tenant/ldif-error';
import { loadDirectory, loadDirectoryBytes } from './directory-load';
import type { Dit } from './dit';

const WHEN = '20150309083000.0Z';
const person = (forest: string) => `CN=Person,CN=Schema,CN=Configuration,${forest}`;

describe('mock DC load: the forest, categories and DNs of a plain export', () => {
  it('categories follow the naming context most objects share, even when the file starts elsewhere', () => {
    const ldif = [
      'dn: CN=Stray,OU=Old,DC=other,DC=corp\nobjectClass: user\ncn: Stray',
      'dn: DC=abc,DC=corp\nobjectClass: domainDNS\ndc: abc',
      'dn: CN=Ann,DC=abc,DC=corp\nobjectClass: user\ncn: Ann',
      'dn: CN=Bo,DC=abc,DC=corp\nobjectClass: contact\ncn: Bo',
      `dn: CN=Cy,DC=abc,DC=corp\nobjectClass: contact\ncn: Cy\nobjectCategory: ${person('DC=kept,DC=corp')}`,
    ].join('\n\n');
    const { dit, addedParents } = loadDirectory(ldif, WHEN);
    assert.equal(dit.baseDn, 'DC=abc,DC=corp');
    for (const cn of ['Stray,OU=Old,DC=other', 'Ann,DC=abc', 'Bo,DC=abc'])
      assert.deepEqual(
        dit.get(`CN=${cn},DC=corp`)?.entry.get('objectCategory'),
        [person('DC=abc,DC=corp')],
        cn,
      );
    assert.deepEqual(dit.get('CN=Cy,DC=abc,DC=corp')?.entry.get('objectCategory'), [
      person('DC=kept,DC=corp'),
    ]);
    assert.deepEqual(addedParents, ['DC=other,DC=corp', 'OU=Old,DC=other,DC=corp']);
  });

  it('one object spelled two ways is a duplicate, and a malformed DN is refused, each naming its line', () => {
    const head = 'dn: DC=abc,DC=corp\nobjectClass: domainDNS\n\n';
    assert.throws(
      () =>
        loadDirectory(
          `${head}dn: CN=Renée,DC=abc,DC=corp\ncn: x\n\ndn: cn=ren\\c3\\a9e,dc=abc,dc=corp\ncn: y\n`,
          WHEN,
        ),
      (e: LdifError) => e instanceof LdifError && e.line === 7 && /duplicate entry/.test(e.message),
    );
    assert.throws(
      () => loadDirectory(`${head}dn: CN=a,,DC=abc,DC=corp\ncn: x\n`, WHEN),
      (e: LdifError) => e instanceof LdifError && e.line === 4 && /invalid DN/.test(e.message),
    );
  });

  it('USNs an export carries keep the counter above them', () => {
    const ldif = [
      'dn: DC=abc,DC=corp\nobjectClass: domainDNS\nuSNCreated: 4100\nuSNChanged: 5000',
      'dn: CN=New,DC=abc,DC=corp\nobjectClass: contact',
    ].join('\n\n');
    const { dit } = loadDirectory(ldif, WHEN);
    assert.deepEqual(dit.get('DC=abc,DC=corp')?.entry.get('uSNChanged'), ['5000']);
    assert.deepEqual(dit.get('CN=New,DC=abc,DC=corp')?.entry.get('uSNCreated'), ['5001']);
    assert.equal(dit.usn, 5001);
  });

  it('from bytes, a piece at a time: the same tree as from the text, and errors on the same lines', () => {
    const people = Array.from(
      { length: 1200 },
      (_, i) => `dn: CN=Renée ${i},OU=Staff,DC=abc,DC=corp\nobjectClass: user\nsAMAccountName: renee${i}`,
    );
    const ldif = `${['dn: DC=abc,DC=corp\nobjectClass: domainDNS', ...people].join('\n\n')}\n`;
    const shown = (dit: Dit) =>
      [...dit.all()].map(
        (s) =>
          `${s.dn}|${s.entry
            .names()
            .map((n) => s.entry.texts(n).join(';'))
            .join('|')}`,
      );
    assert.deepEqual(
      shown(loadDirectoryBytes(Buffer.from(ldif), WHEN).dit),
      shown(loadDirectory(ldif, WHEN).dit),
    );
    const broken = `${ldif}\ndn: CN=a,,DC=abc,DC=corp\ncn: x\n`;
    const line = broken.split('\n').length - 2;
    for (const load of [
      () => loadDirectory(broken, WHEN),
      () => loadDirectoryBytes(Buffer.from(broken), WHEN),
    ])
      assert.throws(load, (e: LdifError) => e instanceof LdifError && e.line === line, 'line');
    const changed = `${ldif}\ndn: CN=Renée 7,OU=Staff,DC=abc,DC=corp\nchangetype: delete\n`;
    assert.equal(
      loadDirectoryBytes(Buffer.from(changed), WHEN).dit.get('CN=Renée 7,OU=Staff,DC=abc,DC=corp'),
      undefined,
    );
    assert.equal(loadDirectoryBytes(Buffer.from(changed), WHEN).dit.size, 1201); // the head, the added OU, 1,200 people, one deleted
  });
});
