/** An OAB generation and distribution schedule, and Outlook's download cycle (a mechanism fact). */
export interface OabProfile {
  name: 'exchange2010' | 'exchange2013';
  /** Daily generation times, minutes after midnight (OAB-02). */
  generationMinutes: number[];
  /** Distribution to the CAS every `distributionIntervalMinutes`, anchored at `distributionAnchorMinutes` (OAB-03); none when 0. */
  distributionIntervalMinutes: number;
  distributionAnchorMinutes: number;
  /** Outlook's download cycle (OAB-04). */
  downloadIntervalHours: number;
}

/**
 * The facts of the deployment the reference model's decisions rest on, in one place: the field notes'
 * limits, schedules and behaviours. Every model function reads them from `mechanism()`, never from a
 * constant of its own, so that `lync-harness selftest` can give the model another deployment than the
 * mocks behave as (one fact changed) and see the rules' scenarios fail as a disagreement.
 */
export interface Mechanism {
  oab: {
    /** The generation and distribution schedule of each profile a scenario names (OAB-02..05). */
    profiles: Record<OabProfile['name'], OabProfile>;
    /** How long Exchange keeps each generation's differential file on the virtual directory (OAB-07, KB832761). */
    diffRetentionDays: number;
    /** Each differential file is made from the generation before it, byte for byte as published (OAB-07). */
    diffsMatchPreviousGeneration: boolean;
    /** The OAB is offered for web-based distribution, so Autodiscover names its URL and Outlook downloads it (OAB-04). */
    webDistributed: boolean;
  };
  pres: {
    /** Contacts a Lync Online user can pin (PRES-02). */
    maxContacts: number;
    /** Concurrent presence subscriptions per user (PRES-03). */
    maxSubscriptions: number;
    /** MaxCategorySubscription per publisher, and the categories one contact subscription takes (KB2795173). */
    maxCategorySubscription: number;
    categoriesPerSubscription: number;
    /** OWA's Lync integration resolves tenant users only, not external contacts (PRES-01). */
    owaResolvesExternalContacts: boolean;
    /** The tenant is federated with its partners, so their signed-in users are reached (PRES-04). */
    federatedWithPartners: boolean;
  };
  repl: {
    /** Schannel's cap on the certificate_authorities list, in bytes (REPL-01). */
    issuerListLimitBytes: number;
    /** Whether Schannel honours SendTrustedIssuerList read at start, or never sends the list at all (REPL-03). */
    issuerList: 'as-configured' | 'never-sent';
    /** Schannel reads SendTrustedIssuerList at start only, so a new value needs a restart (REPL-05). */
    registryReadAtStartOnly: boolean;
  };
  gal: {
    /** The target forest's schema has Lync's extension, so a contact can carry msRTCSIP-* attributes (GAL-01). */
    targetSchemaHasLync: boolean;
    /** GALSync rejects a user whose required attribute reaches the metaverse blank (GAL-07). */
    blankRequiredRejected: boolean;
    /** DirSync exports a contact only with mailNickname as well as targetAddress (GAL-05). */
    exportNeedsMailNickname: boolean;
  };
  pol: {
    /** AD's MaxValRange: values of `member` per read (POL-07). */
    maxValRange: number;
    /** Lync's domain preparation gave RTCUniversalServerAdmins write access to users' msRTCSIP-* attributes (POL-02). */
    lyncAdminsMayWriteUsers: boolean;
    /** The task fires only when the import-module path is in plain single quotes (POL-03, the notes' reading). */
    onlyPlainSingleQuotesFire: boolean;
    /** The PowerShell the action starts reads a first argument that is not a switch as -File (PowerShell 6+), not as -Command text (POL-06). */
    firstArgumentIsFile: boolean;
    /** The task's script reads the group's member attribute only, no nested group's (POL-04). */
    scriptReadsDirectMembersOnly: boolean;
    /** The task's script only grants; it revokes nothing from users who left the group (POL-05). */
    taskOnlyGrants: boolean;
  };
  phone: {
    /** The pool's certificate provisioning service hands out the intermediate with the root (PHONE-01). */
    provisioningServesIntermediates: boolean;
    /** The registrar presents its leaf alone, no intermediate (PHONE-02). */
    registrarSendsIntermediates: boolean;
    /** The registrar accepts the signing-in user's REGISTER (the user is enabled for Lync). */
    registrarAcceptsUser: boolean;
    /** The registrar presents the certificate last assigned to the pool, not the one it started with (PHONE-04). */
    registrarPresentsAssignedCertificate: boolean;
  };
  srch: {
    /** The pool's User Replicator has put the forest's users and contacts into the Lync address book (SRCH-08). */
    poolAddressBookReplicated: boolean;
    /** The Unified Contact Store holds licensed Lync Online users only, no GAL external contacts (SRCH-01). */
    ucsHoldsExternalContacts: boolean;
    /** The OAB Outlook downloads holds the GAL's external contacts (SRCH-03). */
    oabHoldsExternalContacts: boolean;
    /** Exchange takes only the UPN or an SMTP address as the sign-in name, not a SIP address (SRCH-06). */
    exchangeSignInBySipAddress: boolean;
    /** Exchange Online's Autodiscover answers for the tenant's domain (SRCH-07). */
    autodiscoverKnowsTenantDomain: boolean;
    /** Lync for Windows pairs over MAPI with an Outlook of another version too (SRCH-05, SRCH-11: the notes say it does not). */
    mixedVersionsGetSupplement: boolean;
  };
}

function notes(): Mechanism {
  const H = 60;
  return {
    oab: {
      profiles: {
        exchange2010: {
          name: 'exchange2010',
          generationMinutes: [5 * H],
          distributionIntervalMinutes: 480,
          // The notes' example: a 05:00 generation reaches the virtual directory at 11:00.
          distributionAnchorMinutes: 11 * H,
          downloadIntervalHours: 24,
        },
        exchange2013: {
          name: 'exchange2013',
          generationMinutes: [5 * H, 13 * H, 21 * H],
          distributionIntervalMinutes: 0,
          distributionAnchorMinutes: 0,
          downloadIntervalHours: 24,
        },
      },
      diffRetentionDays: 30,
      diffsMatchPreviousGeneration: true,
      webDistributed: true,
    },
    pres: {
      maxContacts: 250,
      maxSubscriptions: 200,
      maxCategorySubscription: 1000,
      categoriesPerSubscription: 5,
      owaResolvesExternalContacts: false,
      federatedWithPartners: true,
    },
    repl: { issuerListLimitBytes: 16384, issuerList: 'as-configured', registryReadAtStartOnly: true },
    gal: { targetSchemaHasLync: true, blankRequiredRejected: true, exportNeedsMailNickname: true },
    pol: {
      maxValRange: 1500,
      lyncAdminsMayWriteUsers: true,
      onlyPlainSingleQuotesFire: true,
      firstArgumentIsFile: false,
      scriptReadsDirectMembersOnly: true,
      taskOnlyGrants: true,
    },
    phone: {
      provisioningServesIntermediates: true,
      registrarSendsIntermediates: false,
      registrarAcceptsUser: true,
      registrarPresentsAssignedCertificate: true,
    },
    srch: {
      poolAddressBookReplicated: true,
      ucsHoldsExternalContacts: false,
      oabHoldsExternalContacts: true,
      exchangeSignInBySipAddress: false,
      autodiscoverKnowsTenantDomain: true,
      mixedVersionsGetSupplement: false,
    },
  };
}

/** The deployment the field notes describe: what the model predicts unless the selftest says otherwise. */
export const NOTES_MECHANISM: Readonly<Mechanism> = notes();

/** One or more facts changed, area by area (`{ pres: { maxContacts: 300 } }`). */
export type MechanismChange = { [A in keyof Mechanism]?: Partial<Mechanism[A]> };

let current: Readonly<Mechanism> = NOTES_MECHANISM;

/** The facts the model decides by. */
export function mechanism(): Readonly<Mechanism> {
  return current;
}

/**
 * For `lync-harness selftest` only: the model decides by the notes' facts with `change` applied, until
 * the next call (none: the notes' facts again).
 */
export function useMechanism(change?: MechanismChange): void {
  if (!change) {
    current = NOTES_MECHANISM;
    return;
  }
  const base = notes();
  for (const area of Object.keys(change) as Array<keyof Mechanism>) {
    if (!(area in base)) throw new Error(`[model] no mechanism area "${area}"`);
    for (const fact of Object.keys(change[area] ?? {}))
      if (!(fact in base[area])) throw new Error(`[model] no mechanism fact "${area}.${fact}"`);
    Object.assign(base[area], change[area]);
  }
  current = base;
}
