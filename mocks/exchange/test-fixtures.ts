import { buildSampleTenant } from '../../src/tenant/sample';
import { adminHeaders, type StartedMock } from '../admin';

/**
 * Unit-test fixture: the sample tenant's online forest, cut down to what DirSync would export
 * (mail users, and contacts with mailNickname and targetAddress). The features use the real
 * DirSync over LDAP instead (src/harness/cloud-directory.ts).
 */
export function exportedSampleEntries() {
  const xyz = buildSampleTenant().forests.find((f) => f.role === 'online')!;
  return xyz.entries.filter((e) =>
    e.isA('contact') ? e.has('mailNickname') && e.has('targetAddress') : e.isA('user') && e.has('mail'),
  );
}

export async function seedSample(mock: StartedMock): Promise<void> {
  const body = JSON.stringify(exportedSampleEntries().map((e) => e.toJSON()));
  const r = await fetch(`${mock.urls.admin}/__admin/data`, {
    method: 'PUT',
    body,
    headers: { 'content-type': 'application/json', ...adminHeaders() },
  });
  if (!r.ok) throw new Error(`seeding failed: ${r.status} ${await r.text()}`);
}

export const PAT = { login: 'pkim@xyz.corp', password: 'Pa55w.rd' };
export const basic = (c: { login: string; password: string }) =>
  `Basic ${Buffer.from(`${c.login}:${c.password}`).toString('base64')}`;
