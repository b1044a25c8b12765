import type { DirectoryEntry } from '../../src/tenant/entry';
import { forestOf, type Tenant } from '../../src/tenant/tenant';
import { mulberry32 } from '../../src/util/seeded-random';
import {
  type Domain,
  dnIn,
  domainHead,
  galSyncContactOf,
  groupOf,
  organizationalUnit,
  type PersonSpec,
  userOf,
} from './people';

export const CONTOSO: Domain = {
  domain: 'corp.contoso.com',
  netbios: 'CORP',
  baseDn: 'DC=corp,DC=contoso,DC=com',
};
export const FABRIKAM: Domain = { domain: 'fabrikam.net', netbios: 'FABRIKAM', baseDn: 'DC=fabrikam,DC=net' };

/** Contoso's people (Lync Server on-premises); four carry a defect in their GALSync contact or account. */
const CONTOSO_PEOPLE: PersonSpec[] = [
  { given: 'Hana', sn: 'Sato', sam: 'hsato' },
  {
    given: 'Luis',
    sn: 'Ferreira',
    sam: 'lferreira',
    contact: { 'msRTCSIP-PrimaryUserAddress': 'luis.ferreira@corp.contoso.com' },
  },
  { given: 'Priya', sn: 'Nair', sam: 'pnair', contact: { targetAddress: 'priya.nair@corp.contoso.com' } },
  { given: 'Omar', sn: 'Haddad', sam: 'ohaddad', contact: { mailNickname: null } },
  { given: 'Greta', sn: 'Nilsson', sam: 'gnilsson', user: { displayName: ' ' } },
  { given: 'Chloé', sn: 'Martin', sam: 'cmartin', local: 'chloe.martin' },
  { given: 'Ines', sn: 'Duarte', sam: 'iduarte' },
];

/** Fabrikam's people (Lync Online through DirSync); Zara signs in with a SIP address that is not her mail. */
const FABRIKAM_PEOPLE: PersonSpec[] = [
  { given: 'Noah', sn: 'Clarke', sam: 'nclarke' },
  {
    given: 'Zara',
    sn: 'Ahmed',
    sam: 'zahmed',
    user: { 'msRTCSIP-PrimaryUserAddress': 'sip:zara@fabrikam.onmicrosoft.com' },
  },
  // Contoso's contact for Mateo has no targetAddress: no GAL-05 finding, DirSync never reads Contoso.
  { given: 'Mateo', sn: 'Rossi', sam: 'mrossi', contact: { targetAddress: null } },
];

const GIVEN = ['Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hedda'];
const SURNAMES = ['Adeyemi', 'Bianchi', 'Castro', 'Dubois', 'Eriksen', 'Fujita'];
const OUS = ['Users', 'Groups', 'GALSync', 'External Contacts', 'Service Accounts'];

/**
 * A tenant with none of the sample's people or domains: Contoso on-premises and Fabrikam online, each
 * with its own users (mail and SIP addresses), GALSync contacts in the other forest, groups (Sales
 * nesting Sales EMEA), CSLyncRecordingUsers with direct and nested members, and planted defects.
 */
export function buildOtherTenant(generated = 12): Tenant {
  const contoso: DirectoryEntry[] = [
    domainHead(CONTOSO),
    ...OUS.map((ou) => organizationalUnit(CONTOSO, ou)),
  ];
  const fabrikam: DirectoryEntry[] = [
    domainHead(FABRIKAM),
    ...OUS.map((ou) => organizationalUnit(FABRIKAM, ou)),
  ];
  const pair = (home: DirectoryEntry[], homeDomain: Domain, other: DirectoryEntry[], otherDomain: Domain) => {
    return (p: PersonSpec) => {
      const user = userOf(homeDomain, p);
      home.push(user);
      if (!['sAMAccountName', 'displayName', 'cn'].some((a) => (user.first(a) ?? '').trim() === ''))
        other.push(galSyncContactOf(otherDomain, user, p));
      return user;
    };
  };
  const inContoso = pair(contoso, CONTOSO, fabrikam, FABRIKAM);
  const inFabrikam = pair(fabrikam, FABRIKAM, contoso, CONTOSO);
  const [hana, luis, priya, , , chloe, ines] = CONTOSO_PEOPLE.map(inContoso);
  FABRIKAM_PEOPLE.forEach(inFabrikam);
  const random = mulberry32(4242);
  const extra = Array.from({ length: generated }, (_, i) => {
    const given = GIVEN[Math.floor(random() * GIVEN.length)];
    const sn = `${SURNAMES[i % SURNAMES.length]}${i + 1}`;
    return (i % 3 === 2 ? inFabrikam : inContoso)({ given, sn, sam: `${given[0]}${sn}`.toLowerCase() });
  });
  fabrikam.push(partnerContact());
  const service = userOf(
    CONTOSO,
    { given: 'Lync', sn: 'Policy Task', sam: 'svc-lyncpolicy', local: 'svc-lyncpolicy' },
    'OU=Service Accounts',
  );
  const supervisors = groupOf(CONTOSO, 'Recording Supervisors', [hana.dn]);
  const salesEmea = groupOf(CONTOSO, 'Sales EMEA', [chloe.dn, ines.dn]);
  contoso.push(
    service,
    supervisors,
    groupOf(CONTOSO, 'CSLyncRecordingUsers', [luis.dn, priya.dn, supervisors.dn]),
    groupOf(CONTOSO, 'RTCUniversalServerAdmins', [service.dn]),
    salesEmea,
    groupOf(CONTOSO, 'Sales', [
      salesEmea.dn,
      ...extra.filter((u) => u.dn.endsWith(CONTOSO.baseDn)).map((u) => u.dn),
    ]),
  );
  return {
    forests: [forestOf(contoso, 'onpremises', 'other-tenant'), forestOf(fabrikam, 'online', 'other-tenant')],
  };
}

/** A partner's contact made by hand in Fabrikam, with every address right. */
function partnerContact(): DirectoryEntry {
  const mail = 'kim.lee@partner.example';
  const contact = userOf(FABRIKAM, { given: 'Kim', sn: 'Lee', sam: 'kim.lee' }).clone(
    dnIn(FABRIKAM, 'OU=External Contacts', 'Kim Lee'),
  );
  contact.set('objectClass', ['top', 'person', 'organizationalPerson', 'contact']);
  for (const a of ['sAMAccountName', 'userPrincipalName', 'userAccountControl']) contact.delete(a);
  contact
    .set('mail', [mail])
    .set('proxyAddresses', [`SMTP:${mail}`])
    .set('targetAddress', [`SMTP:${mail}`]);
  return contact.set('msRTCSIP-PrimaryUserAddress', [`sip:${mail}`]);
}
