import { Then, When } from '@cucumber/cucumber';
import {
  blankRequiredAttributes,
  dirSyncExportsContact,
  sipAddressFormat,
  targetAddressFormat,
} from '../../src/model/gal';
import type { Verdict } from '../../src/model/verdict';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { FindingOutcome } from '../support/tenant-check';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';
import { checkFlowPreview, previewFlow } from './flow-preview';
import { namedFlow } from './gal-context';
import { sourceFinding } from './source-side';
import { checkExistingObjects, galRule } from './tenant-check';

const isContact = (e: DirectoryEntry) => e.isA('contact');
const isUser = (e: DirectoryEntry) => e.isA('user') && !e.isA('computer');

/** A prefix rule concerns only objects that carry the attribute. */
function format(v: Verdict<string>): FindingOutcome | undefined {
  return v.value === 'absent'
    ? undefined
    : { holds: v.value === 'ok', severity: 'blocking', message: v.reason };
}

const contactCheck = { ldapFilter: '(objectClass=contact)', select: isContact };

/** Each tenant check by its words in the feature: the rule, and the check over the existing objects. */
const CHECKS: Record<string, { rule: string; run(w: HarnessWorld): Promise<void> }> = {
  'the sip: prefix': {
    rule: 'GAL-03',
    run: (w) =>
      checkExistingObjects(w, {
        ...contactCheck,
        rule: 'GAL-03',
        attributes: ['msRTCSIP-PrimaryUserAddress'],
        decide: (e) => sipAddressFormat(e.first('msRTCSIP-PrimaryUserAddress')),
        finding: format,
      }),
  },
  'the SMTP: prefix': {
    rule: 'GAL-04',
    run: (w) =>
      checkExistingObjects(w, {
        ...contactCheck,
        rule: 'GAL-04',
        attributes: ['targetAddress'],
        decide: (e) => targetAddressFormat(e.first('targetAddress')),
        finding: format,
      }),
  },
  'export to Office 365': {
    rule: 'GAL-05',
    run: (w) =>
      checkExistingObjects(w, {
        ...contactCheck,
        rule: 'GAL-05',
        // DirSync exports the online forest only.
        roles: ['online'],
        attributes: ['mailNickname', 'targetAddress'],
        decide: dirSyncExportsContact,
        finding: (v) => ({ holds: v.value, severity: 'warning', message: v.reason }),
      }),
  },
  'blank required attributes': {
    rule: 'GAL-07',
    run: (w) =>
      checkExistingObjects(w, {
        rule: 'GAL-07',
        ldapFilter: '(&(objectClass=user)(!(objectClass=computer)))',
        attributes: ['sAMAccountName', 'displayName', 'cn'],
        select: isUser,
        decide: blankRequiredAttributes,
        finding: (v) => ({ holds: v.value.length === 0, severity: 'blocking', message: v.reason }),
      }),
  },
};

/**
 * A GAL rule over the tenant: every object that exists (read from each forest's mock DC beside the
 * tenant data) and, on the source side, every contact the run's flow would write (GALSync over LDAP).
 */
When(
  'every object of the tenant is checked for {}',
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld, what: string) {
    const check = CHECKS[what];
    if (!check)
      throw new Error(`[gal] no tenant check named "${what}"; known: ${Object.keys(CHECKS).join(', ')}`);
    galRule(this).rule = check.rule;
    await check.run(this);
    const preview = previewFlow(this.tenantSpace, namedFlow(this, 'configured'));
    await checkFlowPreview(this, preview, check.rule, sourceFinding(preview, check.rule));
  },
);

Then('each object that breaks the rule is reported as a finding', async function (this: HarnessWorld) {
  await this.reportTenantCheck(galRule(this).rule ?? 'GAL-01');
});
