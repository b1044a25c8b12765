import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { filterSelects } from './ad-filter';

// AD's filter semantics beyond GALSync's own filter, which a mutation run (docs/mutation.md) showed no
// test pinned down. A flow file may use any of them as its source filter.

const entry = (cn: string, objectClass: string[], attrs: Record<string, string> = {}) =>
  new DirectoryEntry(`CN=${cn},OU=Staff,DC=abc,DC=corp`, {
    objectClass: ['top', ...objectClass],
    cn,
    ...attrs,
  });
const pat = entry('Pat', ['person', 'organizationalPerson', 'user'], {
  mail: 'Pat@X.example',
  sn: 'Smith',
  uSNChanged: '150',
  description: 'first line\nsecond line',
});
const selects = (filter: string, e = pat) => filterSelects(filter, e);

test('and, or, not; names and values without case', () => {
  assert.equal(selects('(|(mail=a@b.example)(MAIL=pat@x.EXAMPLE))'), true);
  assert.equal(selects('(|(mail=a@b.example)(mail=c@d.example))'), false);
  assert.equal(selects('(&(mail=*)(sn=Jones))'), false);
  assert.equal(selects('(!(sn=Jones))'), true);
  assert.equal(selects('(telephoneNumber=*)'), false, 'presence of an attribute it does not have');
});

test('substrings: start, any and end in order, the rest literal', () => {
  assert.equal(selects('(mail=*@x.example)'), true);
  assert.equal(selects('(mail=p*@*.example)'), true);
  assert.equal(selects('(mail=*x.ex*)'), true);
  assert.equal(selects('(mail=*@x)'), false, 'the final part must end the value');
  assert.equal(selects('(mail=x.example*)'), false, 'the initial part must start it');
  assert.equal(selects('(mail=*example*x*)'), false, 'any parts in order');
  assert.equal(selects('(mail=pat@x?example*)'), false, 'a ? is a character, not a wildcard');
  assert.equal(
    selects('(mail=pat@x.e*)', entry('Q', ['user'], { mail: 'pat@xZexample' })),
    false,
    '. is literal',
  );
  assert.equal(selects('(description=first*second line)'), true, 'across a line break');
});

test('>= and <= compare numbers as numbers, text as text', () => {
  assert.equal(selects('(uSNChanged>=100)'), true);
  assert.equal(selects('(uSNChanged>=150)'), true);
  assert.equal(selects('(uSNChanged>=151)'), false);
  assert.equal(selects('(uSNChanged>=1000)'), false, 'not "150" >= "1000" as text');
  assert.equal(selects('(uSNChanged<=150)'), true);
  assert.equal(selects('(uSNChanged<=149)'), false);
  assert.equal(selects('(uSNChanged<=99)'), false, 'not "150" <= "99" as text');
  assert.equal(selects('(sn>=M)'), true);
  assert.equal(selects('(sn<=M)'), false);
  assert.equal(selects('(sn<=SMITH)'), true);
});

test("bit rules read AD's signed 32-bit values", () => {
  const group = entry('G', ['group'], { groupType: '-2147483646' });
  assert.equal(selects('(groupType:1.2.840.113556.1.4.803:=2147483648)', group), true, 'the security bit');
  assert.equal(selects('(groupType:1.2.840.113556.1.4.803:=2147483650)', group), true);
  assert.equal(selects('(groupType:1.2.840.113556.1.4.804:=4)', group), false);
});

test('objectCategory: the short name, or the default category of the most specific class', () => {
  const group = entry('G', ['group']);
  const contact = entry('C', ['person', 'organizationalPerson', 'contact']);
  const pc = entry('PC', ['person', 'organizationalPerson', 'user', 'computer']);
  const ou = new DirectoryEntry('OU=Staff,DC=abc,DC=corp', { objectClass: ['top', 'organizationalUnit'] });
  assert.equal(selects('(objectCategory=group)', group), true);
  assert.equal(selects('(objectCategory=person)', group), false);
  assert.equal(selects('(objectCategory=person)', contact), true);
  assert.equal(selects('(objectCategory=computer)', pc), true);
  assert.equal(selects('(objectCategory=CN=Computer,CN=Schema,CN=Configuration,DC=abc,DC=corp)', pc), true);
  assert.equal(selects('(objectCategory=person)', pc), false);
  assert.equal(selects('(objectCategory=*)', ou), false, 'no category the model knows');
  const stamped = entry('S', ['user'], {
    objectCategory: 'cn=Person,CN=Schema,CN=Configuration,DC=abc,DC=corp',
  });
  assert.equal(selects('(objectCategory=person)', stamped), true, 'the short name whatever its case');
});

test('an attribute with several values is selected when any one of them matches', () => {
  const multi = entry('M', ['user'], {});
  multi.set('proxyAddresses', ['SMTP:m@abc.corp', 'sip:m@abc.corp']);
  multi.set('flags', ['1', '2']);
  assert.equal(selects('(proxyAddresses=sip:*)', multi), true);
  assert.equal(selects('(flags:1.2.840.113556.1.4.803:=2)', multi), true);
  assert.equal(selects('(flags>=2)', multi), true);
  assert.equal(selects('(flags<=1)', multi), true);
});

test('ordering and categories, case aside', () => {
  assert.equal(selects('(sn>=SMITH)'), true, 'equal whatever the case');
  assert.equal(selects('(sn>=5)'), true, 'text against a number compares as text');
  const shortName = entry('S', ['user'], { objectCategory: 'Person' });
  assert.equal(selects('(objectCategory=person)', shortName), true, 'a category written by its short name');
});
