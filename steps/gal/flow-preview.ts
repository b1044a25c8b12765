import { runGalSync } from '../../src/clients/ldap/galsync';
import { pagedSearch, readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import {
  dirSyncExportsContact,
  type GalSyncFlow,
  projectContact,
  sipAddressFormat,
  targetAddressFormat,
} from '../../src/model/gal';
import { DirectoryEntry } from '../../src/tenant/entry';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

/** A fresh OU GALSync writes into, so the preview shows what the flow writes and nothing already there. */
export const PREVIEW_CONTAINER = 'OU=lync-harness flow preview';
const COMPARED = ['msRTCSIP-PrimaryUserAddress', 'targetAddress', 'mailNickname', 'displayName'];

export interface FlowPreview {
  flow: string;
  findings: Finding[];
  /** Users where the model's contact and the contact that landed over LDAP differ. */
  disagreements: string[];
  usersRead: number;
}

/**
 * Runs GALSync with the given flow over LDAP for every on-premises user its source filter selects, into
 * a fresh OU of the online forest, reads the contacts back, and sets each beside the model's projection
 * of the same user from the tenant data. One finding per user and rule (GAL-02, -03, -04, -05, -07).
 */
export async function previewFlow(world: HarnessWorld, configured: GalSyncFlow): Promise<FlowPreview> {
  const flow: GalSyncFlow = { ...configured, target: { container: PREVIEW_CONTAINER } };
  const abc = await world.tenantSpace.directory('onpremises');
  const xyz = await world.tenantSpace.directory('online');
  const container = `${PREVIEW_CONTAINER},${xyz.forest.baseDn}`;
  await withLdap(xyz.admin, async (client) => {
    if (!(await readEntry(client, container, ['1.1'])))
      await client.add(container, {
        objectClass: ['top', 'organizationalUnit'],
        ou: 'lync-harness flow preview',
      });
  });
  const run = await runGalSync(abc.admin, xyz.admin, flow);
  const landed = await withLdap(xyz.admin, (c) =>
    pagedSearch(c, container, '(objectClass=contact)', COMPARED),
  );
  const landedByDn = new Map(landed.map((e) => [key(e.dn), e]));
  const tenantUsers = new Map(abc.forest.entries.map((e) => [key(e.dn), e]));
  const read = [...run.written.map((w) => w.source), ...run.rejected.map((r) => r.dn)];
  const preview: FlowPreview = {
    flow: configured.name,
    findings: [],
    disagreements: [],
    usersRead: read.length,
  };
  for (const dn of read) {
    const user = tenantUsers.get(key(dn));
    if (!user) {
      preview.disagreements.push(`${dn}: GALSync read a user the tenant data does not hold`);
      continue;
    }
    judgeUser(preview, user, flow, xyz.forest.baseDn, landedByDn, abc.forest.domain);
  }
  return preview;
}

function judgeUser(
  preview: FlowPreview,
  user: DirectoryEntry,
  flow: GalSyncFlow,
  targetBase: string,
  landedByDn: Map<string, DirectoryEntry>,
  forest: string,
): void {
  const model = projectContact(user, flow, targetBase).value;
  const add = (rule: string, holds: boolean, severity: Finding['severity'], message: string) =>
    preview.findings.push({
      rule,
      dn: user.dn,
      forest,
      outcome: holds ? 'holds' : 'finding',
      ...(holds ? {} : { severity }),
      message: `flow "${flow.name}": ${message}`,
      witnesses: ['model', 'ldap'],
    });
  if (model.outcome === 'rejected') {
    if (landedByDn.has(key(contactDn(user, targetBase))))
      preview.disagreements.push(`${user.dn}: rejected by the model, written over LDAP`);
    add('GAL-07', false, 'blocking', `not projected: blank ${model.blank.join(', ')}`);
    return;
  }
  const seen = landedByDn.get(key(model.dn));
  if (!seen) {
    preview.disagreements.push(`${user.dn}: the model projects ${model.dn}, none landed over LDAP`);
    return;
  }
  const modelContact = new DirectoryEntry(model.dn, model.attributes);
  for (const attribute of COMPARED) {
    if ((modelContact.first(attribute) ?? '') !== (seen.first(attribute) ?? ''))
      preview.disagreements.push(
        `${user.dn}: ${attribute} model "${modelContact.first(attribute) ?? ''}", ldap "${seen.first(attribute) ?? ''}"`,
      );
  }
  const sip = sipAddressFormat(modelContact.first('msRTCSIP-PrimaryUserAddress'));
  add(
    'GAL-02',
    sip.value !== 'absent',
    'warning',
    sip.value === 'absent' ? 'the contact gets no SIP address' : 'the contact gets a SIP address',
  );
  if (sip.value !== 'absent') add('GAL-03', sip.value === 'ok', 'blocking', sip.reason);
  const target = targetAddressFormat(modelContact.first('targetAddress'));
  if (target.value !== 'absent') add('GAL-04', target.value === 'ok', 'blocking', target.reason);
  const exported = dirSyncExportsContact(modelContact);
  add('GAL-05', exported.value, 'warning', exported.reason);
}

function contactDn(user: DirectoryEntry, targetBase: string): string {
  return `CN=${(user.first('cn') ?? '').replace(/([,+"\\<>;=])/g, '\\$1')},${PREVIEW_CONTAINER},${targetBase}`;
}

function key(dn: string): string {
  return dn.toLowerCase().replace(/\s*,\s*/g, ',');
}
