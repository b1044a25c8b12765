import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryEntry } from '../../src/tenant/entry';
import { directoryOf } from './directory-load';
import type { Dit } from './dit';
import { sidText } from './sids';

const BASE = 'DC=sid,DC=corp';

function sidBytes(text: string): Uint8Array {
  const [, revision, authority, ...subs] = text.split('-').map(Number);
  const bytes = new Uint8Array(8 + 4 * subs.length);
  bytes[0] = revision;
  bytes[1] = subs.length;
  bytes[7] = authority;
  subs.forEach((sub, i) => {
    new DataView(bytes.buffer).setUint32(8 + 4 * i, sub, true);
  });
  return bytes;
}

function user(cn: string, sid?: string): DirectoryEntry {
  const entry = new DirectoryEntry(`CN=${cn},${BASE}`, { objectClass: ['top', 'user'], cn });
  if (sid) entry.set('objectSid', [sidBytes(sid)]);
  return entry;
}

function sidOf(dit: Dit, cn: string): string {
  return sidText(dit.get(`CN=${cn},${BASE}`)!.entry.get('objectSid')[0] as Uint8Array);
}

describe('mock DC: objectSid of security principals exported without one', () => {
  const head = new DirectoryEntry(BASE, { objectClass: ['top', 'domain', 'domainDNS'], dc: 'sid' });

  it('the domain part is derived from the forest, the same on every load', () => {
    const a = directoryOf([head.clone(), user('a'), user('b')], BASE);
    const b = directoryOf([head.clone(), user('a'), user('b')], BASE);
    assert.equal(sidOf(a, 'a'), sidOf(b, 'a'));
    assert.match(sidOf(a, 'a'), /^S-1-5-21-\d+-\d+-\d+-1000$/);
    assert.equal(sidOf(a, 'b').replace(/-1001$/, '-1000'), sidOf(a, 'a'));
  });

  it('never takes a RID the data already uses in that domain, wherever that object is in the file', () => {
    const domain = sidOf(directoryOf([head.clone(), user('a')], BASE), 'a').replace(/-1000$/, '');
    const dit = directoryOf(
      [head.clone(), user('a'), user('old', `${domain}-1000`), user('older', `${domain}-1207`)],
      BASE,
    );
    assert.equal(sidOf(dit, 'a'), `${domain}-1208`);
    assert.equal(sidOf(dit, 'old'), `${domain}-1000`);
  });

  it("the head's own objectSid names the domain when the export has it", () => {
    const withSid = head.clone().set('objectSid', [sidBytes('S-1-5-21-11-22-33')]);
    const dit = directoryOf(
      [user('new'), withSid, user('x', 'S-1-5-21-11-22-33-4100'), user('y', 'S-1-5-21-9-9-9-9000')],
      BASE,
    );
    assert.equal(sidOf(dit, 'new'), 'S-1-5-21-11-22-33-4101');
  });
});
