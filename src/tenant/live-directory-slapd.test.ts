import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { AttributeValue } from './entry';
import { readLdif } from './ldif-reader';
import { readLiveDirectory } from './live-directory';
import { type StartedSlapd, startSlapd } from './slapd-fixture';

const run = promisify(execFile);

const SUFFIX = 'dc=example,dc=org';
const READER = `cn=reader,${SUFFIX}`;
const READER_PASSWORD = 'Reader-Secret-1';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x80, 0xc3]);

/** The directory slapadd loads: an organization, people (one with a binary photo), a group and a reader. */
function exampleLdif(): string {
  const people = Array.from({ length: 40 }, (_, i) =>
    [
      `dn: uid=user${i},ou=people,${SUFFIX}`,
      'objectClass: inetOrgPerson',
      `uid: user${i}`,
      `cn: User ${i}`,
      `sn: Number${i}`,
      `mail: user${i}@example.org`,
      ...(i === 0 ? [`jpegPhoto:: ${PHOTO.toString('base64')}`, 'description: Grüße aus Köln'] : []),
    ].join('\n'),
  );
  const members = people.map((_, i) => `member: uid=user${i},ou=people,${SUFFIX}`);
  return [
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example`,
    `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    ...people,
    `dn: cn=staff,${SUFFIX}\nobjectClass: groupOfNames\ncn: staff\n${members.join('\n')}`,
    `dn: ${READER}\nobjectClass: person\ncn: reader\nsn: Reader\nuserPassword: ${READER_PASSWORD}`,
  ].join('\n\n');
}

const shown = (values: AttributeValue[]) =>
  values.map((v) => (typeof v === 'string' ? v : `bytes:${Buffer.from(v).toString('base64')}`));

describe('readLiveDirectory against OpenLDAP slapd', () => {
  let slapd: StartedSlapd;
  const source = readLdif(exampleLdif()).map((r) => (r.type === 'content' ? r.entry : assert.fail(r.type)));

  before(async () => {
    slapd = await startSlapd(SUFFIX, exampleLdif());
  });
  after(() => slapd?.stop());

  const assertSameAsLoaded = (entries: { dn: string; get(name: string): AttributeValue[] }[]) => {
    assert.deepEqual(
      entries.map((e) => e.dn.toLowerCase()).sort(),
      source.map((e) => e.dn.toLowerCase()).sort(),
    );
    const byDn = new Map(entries.map((e) => [e.dn.toLowerCase(), e]));
    for (const loaded of source) {
      const read = byDn.get(loaded.dn.toLowerCase())!;
      for (const name of loaded.names()) {
        if (name === 'userPassword') continue;
        assert.deepEqual(shown(read.get(name)), shown(loaded.get(name)), `${loaded.dn}: ${name}`);
      }
    }
  };

  it('reads anonymously, the base DN taken from the rootDSE namingContexts', async () => {
    const live = await readLiveDirectory({ url: slapd.url });
    assert.equal(live.baseDn, SUFFIX);
    assertSameAsLoaded(live.entries);
  });

  it('reads with a bind DN and password', async () => {
    const live = await readLiveDirectory({ url: slapd.url, bindDn: READER, password: READER_PASSWORD });
    assertSameAsLoaded(live.entries);
    const photo = live.entries.find((e) => e.dn.startsWith('uid=user0,'))!.get('jpegPhoto')[0];
    assert.deepEqual(Buffer.from(photo as Uint8Array), PHOTO);
  });

  it('names a refused bind and a base DN that does not exist', async () => {
    await assert.rejects(readLiveDirectory({ url: slapd.url, bindDn: READER, password: 'wrong' }), {
      message: new RegExp(
        `^\\[tenant:ldap\\] ${slapd.url} refused the bind as "${READER}" \\(invalid credentials, result 49\\)`,
      ),
    });
    await assert.rejects(readLiveDirectory({ url: slapd.url, baseDn: `ou=gone,${SUFFIX}` }), {
      message: /^\[tenant:ldap\] the base DN "ou=gone,dc=example,dc=org" does not exist on/,
    });
  });

  it('reads over ldaps:// once the certificate is trusted, and says how to trust it when it is not', async () => {
    await assert.rejects(readLiveDirectory({ url: slapd.ldapsUrl }), {
      message:
        /^\[tenant:ldap\] TLS with ldaps:.* failed \(DEPTH_ZERO_SELF_SIGNED_CERT.*set NODE_EXTRA_CA_CERTS/,
    });
    // Node reads NODE_EXTRA_CA_CERTS at start-up only, so the trusting reader is a fresh process.
    const script = `require(${JSON.stringify(join(__dirname, 'live-directory'))}).readLiveDirectory({ url: process.argv[1] })
      .then((r) => console.log(JSON.stringify({ baseDn: r.baseDn, entries: r.entries.length })))`;
    const { stdout } = await run(
      process.execPath,
      ['--require', 'ts-node/register', '-e', script, slapd.ldapsUrl],
      {
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', NODE_EXTRA_CA_CERTS: slapd.certificate },
      },
    );
    assert.deepEqual(JSON.parse(stdout), { baseDn: SUFFIX, entries: source.length });
  });
});
