import { Then, When } from '@cucumber/cucumber';
import {
  blankRequiredAttributes,
  dirSyncExportsContact,
  sipAddressFormat,
  targetAddressFormat,
} from '../../src/model/gal';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';
import { previewFlow } from './flow-preview';
import { namedFlow } from './gal-context';
import { sourceFindings } from './source-side';
import { checkTenant, type Outcome, type TenantCheck } from './tenant-check';

const isContact = (e: DirectoryEntry) => e.isA('contact');
const isUser = (e: DirectoryEntry) => e.isA('user') && !e.isA('computer');

const CHECKS: Record<string, TenantCheck> = {
  'the sip: prefix': {
    rule: 'GAL-03',
    ldapFilter: '(objectClass=contact)',
    attributes: ['msRTCSIP-PrimaryUserAddress'],
    select: isContact,
    classify: (e) => format(sipAddressFormat(e.first('msRTCSIP-PrimaryUserAddress'))),
  },
  'the SMTP: prefix': {
    rule: 'GAL-04',
    ldapFilter: '(objectClass=contact)',
    attributes: ['targetAddress'],
    select: isContact,
    classify: (e) => format(targetAddressFormat(e.first('targetAddress'))),
  },
  'export to Office 365': {
    rule: 'GAL-05',
    // DirSync exports the online forest only.
    roles: ['online'],
    ldapFilter: '(objectClass=contact)',
    attributes: ['mailNickname', 'targetAddress'],
    select: isContact,
    classify: (e) => {
      const v = dirSyncExportsContact(e);
      return { outcome: v.value ? 'holds' : 'finding', severity: 'warning', message: v.reason };
    },
  },
  'blank required attributes': {
    rule: 'GAL-07',
    ldapFilter: '(&(objectClass=user)(!(objectClass=computer)))',
    attributes: ['sAMAccountName', 'displayName', 'cn'],
    select: isUser,
    classify: (e) => {
      const v = blankRequiredAttributes(e);
      return { outcome: v.value.length ? 'finding' : 'holds', severity: 'blocking', message: v.reason };
    },
  },
};

function format(v: { value: string; reason: string }): Outcome {
  if (v.value === 'absent') return { outcome: 'skip', message: v.reason };
  return { outcome: v.value === 'ok' ? 'holds' : 'finding', severity: 'blocking', message: v.reason };
}

const findingsOf = (w: HarnessWorld) =>
  w.area<{ rule?: string; list: Finding[] }>('gal-tenant', () => ({ list: [] }));

/**
 * A GAL rule over the tenant: every object that exists (read from each forest's mock DC beside the
 * tenant data) and, on the source side, every contact the run's flow would write (GALSync over LDAP).
 */
When('every object of the tenant is checked for {}', async function (this: HarnessWorld, what: string) {
  const check = CHECKS[what];
  if (!check)
    throw new Error(`[gal] no tenant check named "${what}"; known: ${Object.keys(CHECKS).join(', ')}`);
  const store = findingsOf(this);
  store.rule = check.rule;
  store.list = await checkTenant(this, check);
  const preview = await previewFlow(this.tenantSpace, namedFlow(this, 'configured'));
  await this.verifyNoDisagreements(
    check.rule,
    `every contact GALSync writes with flow "${preview.flow}" is the contact the model projects`,
    'ldap',
    preview.disagreements,
    { usersRead: preview.usersRead },
  );
  store.list.push(...sourceFindings(preview, check.rule));
});

Then('each object that breaks the rule is reported as a finding', async function (this: HarnessWorld) {
  const store = findingsOf(this);
  await this.reportFindings(store.rule!, store.list);
});
