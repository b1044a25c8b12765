import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LdifError } from '../../src/tenant/ldif-error';
import { loadDirectory, loadDirectoryStream } from './directory-load';
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

  it('as it arrives, in pieces of any size: the same tree as from the text, and errors on the same lines', async () => {
    const people = Array.from(
      { length: 8000 },
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
    const whole = shown(loadDirectory(ldif, WHEN).dit);
    assert.ok(Buffer.byteLength(ldif) > 2 * 256 * 1024, 'more than one piece');
    for (const size of [7, 4096, 1 << 20])
      assert.deepEqual(shown((await loadDirectoryStream(arriving(ldif, size), WHEN)).dit), whole, `${size}`);
    const crlf = ldif.replaceAll('\n', '\r\n');
    assert.deepEqual(shown((await loadDirectoryStream(arriving(crlf, 1000), WHEN)).dit), whole, 'CRLF');
    const broken = `${ldif}\ndn: CN=a,,DC=abc,DC=corp\ncn: x\n`;
    const line = broken.split('\n').length - 2;
    assert.throws(
      () => loadDirectory(broken, WHEN),
      (e: LdifError) => e instanceof LdifError && e.line === line,
    );
    await assert.rejects(
      loadDirectoryStream(arriving(broken, 1000), WHEN),
      (e: LdifError) => e instanceof LdifError && e.line === line,
    );
    const changed = `${ldif}\ndn: CN=Renée 7,OU=Staff,DC=abc,DC=corp\nchangetype: delete\n`;
    const { dit } = await loadDirectoryStream(arriving(changed, 1000), WHEN);
    assert.equal(dit.get('CN=Renée 7,OU=Staff,DC=abc,DC=corp'), undefined);
    assert.equal(dit.size, 8001); // the head, the added OU, 8,000 people, one deleted
  });

  it('refuses a change record that comes after the first 16 MB, naming its line', async () => {
    const people = Array.from(
      { length: 60_000 },
      (_, i) => `dn: CN=P${i},OU=Staff,DC=abc,DC=corp\nobjectClass: user\ndescription: ${'x'.repeat(250)}`,
    );
    const ldif = `${['dn: DC=abc,DC=corp\nobjectClass: domainDNS', ...people].join('\n\n')}\n`;
    const late = `${ldif}\ndn: CN=P7,OU=Staff,DC=abc,DC=corp\nchangetype: delete\n`;
    const line = late.split('\n').length - 1; // its changetype line
    await assert.rejects(
      loadDirectoryStream(arriving(late, 65536), WHEN),
      (e: LdifError) => e instanceof LdifError && e.line === line && /after the first 16 MB/.test(e.message),
    );
  });
});

/** The text's UTF-8 bytes as a client's body arrives: pieces of `size` bytes. */
async function* arriving(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
