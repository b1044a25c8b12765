/** One admin call that puts a mechanism fault into a mock service. */
export interface FaultCall {
  /** The service, as the harness names it (`exchange`, `edge`, `lync-online`; a tenant space's copy too). */
  service: string;
  method: 'PUT' | 'POST';
  path: string;
  body?: unknown;
}

/** A fault a real deployment could have, the rules whose scenarios must catch it, and how to inject it. */
export interface MechanismFault {
  rules: string[];
  fault: string;
  calls: FaultCall[];
}

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
 * The selftest's faults: each is injected through the mock's admin API after every scenario's reset and
 * again after every step (so a step that configures the mock does not undo it). Rules not listed have
 * no mechanism fault yet: `lync-harness selftest` names them.
 */
export const MECHANISM_FAULTS: MechanismFault[] = [
  {
    rules: ['OAB-02', 'OAB-03', 'OAB-05'],
    fault:
      "Exchange runs the 2013 OAB schedule (generation every 8 hours, no 480-minute poll) where the model expects the notes' 2010 schedule",
    calls: [
      {
        service: 'exchange',
        method: 'PUT',
        path: '/__admin/oab/schedule',
        body: { profile: 'exchange2013' },
      },
    ],
  },
  {
    rules: ['REPL-01', 'REPL-03', 'REPL-04', 'REPL-05'],
    fault:
      "the Edge's Schannel sends no trusted issuer list (SendTrustedIssuerList = 0 read at a restart), so its 16 KB limit never bites",
    calls: [
      { service: 'edge', method: 'PUT', path: '/__admin/registry', body: { SendTrustedIssuerList: 0 } },
      { service: 'edge', method: 'POST', path: '/__admin/restart' },
    ],
  },
  {
    rules: ['PRES-02'],
    fault: 'Lync Online lets a user pin 300 contacts, not 250',
    calls: [{ service: 'lync-online', method: 'PUT', path: '/__admin/limits', body: { maxContacts: 300 } }],
  },
  {
    rules: ['PRES-03'],
    fault:
      'Lync Online allows 300 concurrent presence subscriptions per user and 2,000 categories per watched user',
    calls: [
      {
        service: 'lync-online',
        method: 'PUT',
        path: '/__admin/limits',
        body: { maxSubscriptions: 300, maxCategorySubscription: 2000 },
      },
    ],
  },
  {
    rules: ['SRCH-01', 'SRCH-02', 'SRCH-04'],
    fault:
      'the Unified Contact Store holds GAL external contacts (Jed Hill, Anna Berg), so EWS look-ups find them',
    calls: [
      {
        service: 'exchange',
        method: 'POST',
        path: '/__admin/recipients',
        body: [
          licensedCopyOf('Jed Hill', 'jed.hill@xyz.corp'),
          licensedCopyOf('Anna Berg', 'anna.berg@xyz.corp'),
        ],
      },
    ],
  },
];

export const SELFTEST_FAULT_ENV = 'LYNC_HARNESS_SELFTEST_FAULT';
