import { NOTES_MECHANISM } from '../model/mechanism';
import type { MechanismFault } from './mechanism-fault';

/** An external contact as if the Unified Contact Store held it: a licensed user with its name and SIP address. */
function licensedCopyOf(name: string, mail: string) {
  const [given, sn] = name.split(' ');
  return {
    dn: `CN=${name},OU=Users,DC=xyz,DC=corp`,
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      cn: [name],
      givenName: [given],
      sn: [sn],
      displayName: [name],
      mail: [mail],
      userPrincipalName: [mail],
      'msRTCSIP-PrimaryUserAddress': [`sip:${mail}`],
    },
  };
}

/**
 * The selftest's faults. In the mocks each is injected through the typed admin clients after every
 * scenario's reset and again after every step (so a step that configures the mock does not undo it);
 * in the model, as its mechanism facts for the scenario. Every catalog rule needs at least one.
 */
export const MECHANISM_FAULTS: MechanismFault[] = [
  {
    id: 'oab-schedule-2013',
    rules: ['OAB-02', 'OAB-03', 'OAB-05'],
    fault:
      "Exchange runs the 2013 OAB schedule (generation every 8 hours, no 480-minute poll) where the notes' 2010 schedule is expected",
    inMocks: { exchange: (exchange) => exchange.setOabSchedule('exchange2013') },
    inModel: {
      oab: {
        profiles: {
          ...NOTES_MECHANISM.oab.profiles,
          exchange2010: { ...NOTES_MECHANISM.oab.profiles.exchange2013, name: 'exchange2010' },
        },
      },
    },
  },
  {
    id: 'edge-sends-no-issuer-list',
    rules: ['REPL-01', 'REPL-02', 'REPL-03', 'REPL-04', 'REPL-05'],
    fault:
      "the Edge's Schannel sends no trusted issuer list (SendTrustedIssuerList = 0 read at a restart), so its 16 KB limit never bites",
    inMocks: {
      edge: async (edge) => {
        await edge.setSendTrustedIssuerList(0);
        await edge.restart();
      },
    },
    inModel: { repl: { issuerList: 'never-sent' } },
  },
  {
    id: 'owa-resolves-contacts',
    rules: ['PRES-01'],
    fault: "OWA's Lync integration resolves every mail recipient, external contacts included",
    inMocks: { 'lync-online': (lyncOnline) => lyncOnline.setMechanism({ owaResolvesContacts: true }) },
    inModel: { pres: { owaResolvesExternalContacts: true } },
  },
  {
    id: 'federation-off',
    rules: ['PRES-04'],
    fault: "Lync Online's federation (external access) is off, so partners' signed-in users are not reached",
    inMocks: { 'lync-online': (lyncOnline) => lyncOnline.setMechanism({ federationOff: true }) },
    inModel: { pres: { federatedWithPartners: false } },
  },
  {
    id: 'lync-online-300-contacts',
    rules: ['PRES-02'],
    fault: 'Lync Online lets a user pin 300 contacts, not 250',
    inMocks: { 'lync-online': (lyncOnline) => lyncOnline.setLimits({ maxContacts: 300 }) },
    inModel: { pres: { maxContacts: 300 } },
  },
  {
    id: 'lync-online-300-subscriptions',
    rules: ['PRES-03'],
    fault:
      'Lync Online allows 300 concurrent presence subscriptions per user and 2,000 categories per watched user',
    inMocks: {
      'lync-online': (lyncOnline) =>
        lyncOnline.setLimits({ maxSubscriptions: 300, maxCategorySubscription: 2000 }),
    },
    inModel: { pres: { maxSubscriptions: 300, maxCategorySubscription: 2000 } },
  },
  {
    id: 'ucs-holds-external-contacts',
    rules: ['SRCH-01', 'SRCH-02', 'SRCH-04', 'SRCH-05', 'SRCH-09', 'SRCH-11'],
    fault:
      'the Unified Contact Store holds GAL external contacts (Jed Hill, Anna Berg), so EWS look-ups find them',
    inMocks: {
      exchange: (exchange) =>
        exchange.upsertRecipients([
          licensedCopyOf('Jed Hill', 'jed.hill@xyz.corp'),
          licensedCopyOf('Anna Berg', 'anna.berg@xyz.corp'),
        ]),
    },
    through: {
      rules: ['SRCH-05', 'SRCH-09', 'SRCH-11'],
      link: 'what an EWS look-up returns, which the clients of those rules also read',
    },
    inModel: { srch: { ucsHoldsExternalContacts: true } },
  },
  {
    id: 'oab-without-contacts',
    rules: ['SRCH-03', 'SRCH-05', 'SRCH-06', 'SRCH-10', 'SRCH-11'],
    fault:
      'the OAB is generated from an address list of mailboxes only, so no external contact reaches cached Outlook',
    inMocks: { exchange: (exchange) => exchange.setMechanism({ oabWithoutContacts: true }) },
    through: {
      rules: ['SRCH-05', 'SRCH-06', 'SRCH-10', 'SRCH-11'],
      link: 'what the downloaded OAB holds, which the clients of those rules also read',
    },
    inModel: { srch: { oabHoldsExternalContacts: false } },
  },
  {
    id: 'mixed-versions-pair',
    rules: ['SRCH-05', 'SRCH-11'],
    fault:
      'Lync for Windows pairs over MAPI with an Outlook of another version too, so mixed versions get the supplement',
    inMocks: {},
    noMockSide:
      'Lync for Windows decides whether it pairs with the Outlook beside it (a client simulator); no mock sees either version',
    inModel: { srch: { mixedVersionsGetSupplement: true } },
  },
  {
    id: 'exchange-sign-in-by-sip-address',
    rules: ['SRCH-06'],
    fault: 'Exchange accepts a SIP address that is not a mail address as the sign-in name',
    inMocks: { exchange: (exchange) => exchange.setMechanism({ signInBySipAddress: true }) },
    inModel: { srch: { exchangeSignInBySipAddress: true } },
  },
  {
    id: 'autodiscover-unknown-domain',
    rules: ['SRCH-07'],
    fault: "Exchange Online's Autodiscover does not know the tenant's domain: every address gets error 500",
    inMocks: { exchange: (exchange) => exchange.setMechanism({ autodiscoverUnknownDomain: true }) },
    inModel: { srch: { autodiscoverKnowsTenantDomain: false } },
  },
  {
    id: 'oab-diffs-kept-one-day',
    rules: ['OAB-07'],
    fault:
      'Exchange keeps each differential OAB file for one day, not 30: an Outlook closed for two days must download the Full file',
    inMocks: { exchange: (exchange) => exchange.setMechanism({ diffRetentionDays: 1 }) },
    inModel: { oab: { diffRetentionDays: 1 } },
  },
  {
    id: 'oab-diffs-from-wrong-base',
    rules: ['OAB-07'],
    fault:
      "Exchange's OAB generator makes each differential file from a copy of the last OAB that differs from the one it published (KB192839's signature mismatch): every patch fails its CRC and Outlook downloads the Full file",
    inMocks: { exchange: (exchange) => exchange.setMechanism({ diffsFromWrongBase: true }) },
    inModel: { oab: { diffsMatchPreviousGeneration: false } },
  },
  {
    id: 'oab-poll-interval-1440',
    rules: ['OAB-01', 'OAB-03', 'OAB-05', 'OAB-06'],
    fault:
      'the OAB virtual directory polls for a new OAB every 1,440 minutes (PollInterval changed from 480), at 03:00',
    inMocks: { exchange: (exchange) => exchange.setMechanism({ distributionPollMinutes: 1440 }) },
    inModel: {
      oab: {
        profiles: {
          ...NOTES_MECHANISM.oab.profiles,
          exchange2010: {
            ...NOTES_MECHANISM.oab.profiles.exchange2010,
            distributionIntervalMinutes: 1440,
            distributionAnchorMinutes: 3 * 60,
          },
        },
      },
    },
  },
  {
    id: 'xyz-without-lync-schema',
    rules: ['GAL-01', 'GAL-02', 'GAL-03', 'GAL-04', 'GAL-05', 'GAL-06', 'GAL-07'],
    fault:
      "XYZ's forest has no Lync schema extension, so a contact carrying msRTCSIP-PrimaryUserAddress cannot be written",
    inMocks: { 'ldap-online': (dc) => dc.setMechanism({ withoutLyncSchema: true }) },
    through: {
      rules: ['GAL-03', 'GAL-04', 'GAL-05', 'GAL-06', 'GAL-07'],
      link: "the contact's write, which XYZ refuses whole: no contact is left whose prefixes, export or names could be checked",
    },
    inModel: { gal: { targetSchemaHasLync: false } },
  },
  {
    id: 'galsync-projects-blank-users',
    rules: ['GAL-07'],
    fault:
      "GALSync's management agent projects a user whose sAMAccountName, displayName or CN reaches the metaverse blank",
    inMocks: {},
    noMockSide:
      "what GALSync projects is the sync engine's decision (a client simulator between the two DCs); the DCs only store what it writes",
    inModel: { gal: { blankRequiredRejected: false } },
  },
  {
    id: 'dirsync-exports-without-mail-nickname',
    rules: ['GAL-05'],
    fault:
      'the directory sync exports a contact that carries targetAddress alone (a sync rule scoped on targetAddress only)',
    inMocks: {},
    noMockSide:
      "which contacts DirSync exports is the sync engine's rule (a client simulator that reads XYZ's DC); no mock decides it",
    inModel: { gal: { exportNeedsMailNickname: false } },
  },
  {
    id: 'abc-domain-not-prepared',
    rules: ['POL-01', 'POL-02', 'POL-03', 'POL-04', 'POL-05', 'POL-06', 'POL-07'],
    fault:
      "Lync's domain preparation never ran in ABC: RTCUniversalServerAdmins has no write access to users' msRTCSIP-* attributes",
    inMocks: { 'ldap-onpremises': (dc) => dc.setMechanism({ lyncAdminsWithoutUserRights: true }) },
    through: {
      rules: ['POL-03', 'POL-04', 'POL-05', 'POL-06', 'POL-07'],
      link: "the task's grant (Grant-CsConferencingPolicy's write), which is refused: no one gets the policy",
    },
    inModel: { pol: { lyncAdminsMayWriteUsers: false } },
  },
  {
    id: 'powershell-reads-any-quotes',
    rules: ['POL-03'],
    fault:
      "the task's PowerShell reads typographic and double quotes around the module path as quotes (its tokenizer takes \u2018 \u2019 \u201c \u201d), so the task fires whatever the quotes",
    inMocks: {},
    noMockSide:
      'the scheduled task reads the script where it runs (the policy task, a client simulator); no mock sees the script',
    inModel: { pol: { onlyPlainSingleQuotesFire: false } },
  },
  {
    id: 'powershell-first-argument-is-file',
    rules: ['POL-06'],
    fault:
      'the PowerShell the action starts reads a first argument that is not a switch as -File (as PowerShell 6 and later do), so a quoted location with a space runs',
    inMocks: {},
    noMockSide:
      'Task Scheduler and powershell.exe read the action on the Lync server (the Task Scheduler simulator); no mock sees it',
    inModel: { pol: { firstArgumentIsFile: true } },
  },
  {
    id: 'script-expands-nested-groups',
    rules: ['POL-04'],
    fault:
      "the task's script expands nested groups (it reads each member group's members too), so a nested member gets the policy",
    inMocks: {},
    noMockSide:
      "what the script reads is the script's (the policy task, a client simulator); the DC answers member as AD does",
    inModel: { pol: { scriptReadsDirectMembersOnly: false } },
  },
  {
    id: 'script-revokes-leavers',
    rules: ['POL-05'],
    fault: "the task's script also revokes RecordingAllowed from users who left CSLyncRecordingUsers",
    inMocks: {},
    noMockSide:
      "what the task grants or revokes is its script's (the policy task, a client simulator); no mock runs it",
    inModel: { pol: { taskOnlyGrants: false } },
  },
  {
    id: 'abc-max-val-range-5000',
    rules: ['POL-07'],
    fault: "ABC's domain controllers answer up to 5,000 values per read (MaxValRange raised with ntdsutil)",
    inMocks: { 'ldap-onpremises': (dc) => dc.setMechanism({ maxValRange: 5000 }) },
    inModel: { pol: { maxValRange: 5000 } },
  },
  {
    id: 'pool-address-book-not-replicated',
    rules: ['SRCH-08'],
    fault: "the pool's User Replicator has stopped, so the Lync address book holds nobody from AD",
    inMocks: { 'lync-fe': (pool) => pool.setMechanism({ addressBookNotReplicated: true }) },
    inModel: { srch: { poolAddressBookReplicated: false } },
  },
  {
    id: 'provisioning-serves-root-only',
    rules: ['PHONE-01', 'PHONE-03'],
    fault:
      "the pool's certificate provisioning service hands out the root alone (the intermediate is not in the pool's store)",
    inMocks: { 'lync-fe': (pool) => pool.setMechanism({ provisioningRootOnly: true }) },
    inModel: { phone: { provisioningServesIntermediates: false } },
  },
  {
    id: 'registrar-sends-chain',
    rules: ['PHONE-02'],
    fault: "the pool's registrar presents its intermediate with its certificate (bound with the whole chain)",
    inMocks: { 'lync-fe': (pool) => pool.setMechanism({ registrarSendsChain: true }) },
    inModel: { phone: { registrarSendsIntermediates: true } },
  },
  {
    id: 'registrar-refuses-user',
    rules: ['PHONE-01', 'PHONE-03', 'PHONE-04'],
    fault: "the user is not enabled for Lync, so the registrar answers the phone's REGISTER with 403",
    inMocks: { 'lync-fe': (pool) => pool.setMechanism({ registrarRefusesUser: true }) },
    through: {
      rules: ['PHONE-01', 'PHONE-03', 'PHONE-04'],
      link: 'the registration after the TLS handshake, which every sign-in ends with',
    },
    inModel: { phone: { registrarAcceptsUser: false } },
  },
  {
    id: 'oab-not-web-distributed',
    rules: ['OAB-04', 'SRCH-10'],
    fault:
      'the OAB is not offered for web-based distribution, so Autodiscover names no OAB URL and Outlook cannot download it (0x8004010F)',
    inMocks: { exchange: (exchange) => exchange.setMechanism({ oabNotWebDistributed: true }) },
    inModel: { oab: { webDistributed: false } },
  },
  {
    id: 'registrar-not-restarted',
    rules: ['PHONE-04'],
    fault:
      'the Front-End service was not restarted after the root-issued certificate was assigned: the registrar still presents the one it started with, issued from the intermediate',
    inMocks: { 'lync-fe': (pool) => pool.setMechanism({ registrarNotRestarted: true }) },
    inModel: { phone: { registrarPresentsAssignedCertificate: false } },
  },
  {
    id: 'outlook-checks-every-12-hours',
    rules: ['OAB-04'],
    fault: 'Outlook checks for a new OAB every 12 hours (a download interval set by policy), not every 24',
    inMocks: {},
    noMockSide:
      "Outlook's own timer decides when it checks (the client simulator); Exchange's journal only records the checks",
    inModel: {
      oab: {
        profiles: {
          ...NOTES_MECHANISM.oab.profiles,
          exchange2010: { ...NOTES_MECHANISM.oab.profiles.exchange2010, downloadIntervalHours: 12 },
        },
      },
    },
  },
  {
    id: 'schannel-reads-registry-live',
    rules: ['REPL-05'],
    fault: "the Edge's Schannel reads SendTrustedIssuerList as soon as it is written, without a restart",
    inMocks: { edge: (edge) => edge.setMechanism({ registryReadLive: true }) },
    inModel: { repl: { registryReadAtStartOnly: false } },
  },
];

/** Whether `fault` reaches `rule` only through a neighbouring link (`through`), not its own mechanism. */
export function isThrough(fault: MechanismFault, rule: string): boolean {
  return fault.through?.rules.includes(rule) ?? false;
}

/** Rules some fault catches, but none through the rule's own mechanism. */
export function rulesWithoutOwnFault(faults: MechanismFault[]): string[] {
  const all = [...new Set(faults.flatMap((f) => f.rules))];
  return all.filter((rule) => !faults.some((f) => f.rules.includes(rule) && !isThrough(f, rule)));
}
