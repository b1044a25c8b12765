import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { filterSelects } from './ad-filter';

const user = new DirectoryEntry('CN=Pat,OU=Staff,DC=x', {
  objectClass: ['top', 'person', 'organizationalPerson', 'user'],
  mail: 'Pat@X.example',
  userAccountControl: '514',
});
const computer = new DirectoryEntry('CN=PC1,OU=Staff,DC=x', {
  objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
  objectCategory: 'CN=Computer,CN=Schema,CN=Configuration,DC=x',
});

test("GALSync's source filters as AD reads them", () => {
  const flow = '(&(objectCategory=person)(objectClass=user)(mail=*))';
  assert.equal(filterSelects(flow, user), true, 'a user exported without objectCategory is a person');
  assert.equal(filterSelects(flow, computer), false, 'a computer is no person');
  assert.equal(filterSelects('(mail=pat@x.*)', user), true);
  assert.equal(filterSelects('(!(mail=*))', user), false);
  assert.equal(filterSelects('(objectCategory=CN=Person,CN=Schema,CN=Configuration,DC=x)', user), true);
});

test('bit rules 803 (all bits) and 804 (any bit) differ', () => {
  assert.equal(filterSelects('(userAccountControl:1.2.840.113556.1.4.803:=2)', user), true);
  assert.equal(filterSelects('(userAccountControl:1.2.840.113556.1.4.803:=3)', user), false);
  assert.equal(filterSelects('(userAccountControl:1.2.840.113556.1.4.804:=3)', user), true);
  assert.equal(filterSelects('(userAccountControl:1.2.840.113556.1.4.804:=1)', user), false);
});

test('a filter the model cannot evaluate is refused, not guessed', () => {
  assert.throws(
    () => filterSelects('(memberOf:1.2.840.113556.1.4.1941:=CN=g,DC=x)', user),
    /cannot evaluate/,
  );
});
