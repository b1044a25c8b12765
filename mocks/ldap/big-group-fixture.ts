import assert from 'node:assert/strict';
import { adminHeaders, type StartedMock } from '../admin';

/**
 * Loads a test forest into a started mock DC: `members` users under OU=Users and one group,
 * CN=Everyone, that holds them all (for the ranged-retrieval tests). Users sign in as big\userN.
 */
export async function loadBigGroup(mock: StartedMock, base: string, members: number): Promise<void> {
  const users = Array.from({ length: members }, (_, i) => `CN=User ${i},OU=Users,${base}`);
  const ldif = [
    `dn: ${base}\nobjectClass: top\nobjectClass: domain\ndc: big`,
    `dn: OU=Users,${base}\nobjectClass: organizationalUnit\nou: Users`,
    ...users.map((dn, i) => `dn: ${dn}\nobjectClass: user\ncn: User ${i}\nsAMAccountName: user${i}`),
    `dn: CN=Everyone,${base}\nobjectClass: group\ncn: Everyone\n${users.map((u) => `member: ${u}`).join('\n')}`,
  ].join('\n\n');
  const put = await fetch(`${mock.urls.admin}/__admin/data`, {
    method: 'PUT',
    body: ldif,
    headers: adminHeaders(),
  });
  assert.equal(put.status, 200, await put.text());
}
