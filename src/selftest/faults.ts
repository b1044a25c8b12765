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
          exchange2010: {
            name: 'exchange2010',
            generationMinutes: [5 * 60, 13 * 60, 21 * 60],
            distributionIntervalMinutes: 0,
            distributionAnchorMinutes: 0,
            downloadIntervalHours: 24,
          },
          exchange2013: {
            name: 'exchange2013',
            generationMinutes: [5 * 60, 13 * 60, 21 * 60],
            distributionIntervalMinutes: 0,
            distributionAnchorMinutes: 0,
            downloadIntervalHours: 24,
          },
        },
      },
    },
  },
  {
    id: 'edge-sends-no-issuer-list',
    rules: ['REPL-01', 'REPL-03', 'REPL-04', 'REPL-05'],
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
    rules: ['SRCH-01', 'SRCH-02', 'SRCH-04'],
    fault:
      'the Unified Contact Store holds GAL external contacts (Jed Hill, Anna Berg), so EWS look-ups find them',
    inMocks: {
      exchange: (exchange) =>
        exchange.upsertRecipients([
          licensedCopyOf('Jed Hill', 'jed.hill@xyz.corp'),
          licensedCopyOf('Anna Berg', 'anna.berg@xyz.corp'),
        ]),
    },
    inModel: { srch: { ucsHoldsExternalContacts: true } },
  },
];
