import { type EdgeConfig, type Outcome, replicationBy16KbRule } from './repl';
import { type Verdict, verdict } from './verdict';

/** How many certificates each of the Edge's CA stores holds. */
export interface EdgeStores {
  root: number;
  /** Added to the Intermediate Certification Authorities store. */
  intermediate: number;
  /** The Client Authentication Issuers store (Windows Server 2012 and later). */
  clientAuthIssuers: number;
}

export type ListStore = 'Trusted Root Certification Authorities' | 'Client Authentication Issuers';

/**
 * REPL-04: the one store whose names Schannel sends. Windows Server 2012 takes the Client Authentication
 * Issuers store when it holds any certificate, otherwise the Trusted Root store; 2008 R2 always the Trusted
 * Root store. The Intermediate CA store never feeds the list (it only helps build a client's chain).
 */
export function issuerListStore(edge: EdgeConfig, stores: EdgeStores): Verdict<ListStore> {
  return edge.os === 'windows2012' && stores.clientAuthIssuers > 0
    ? verdict(
        issuerListStore,
        'Client Authentication Issuers',
        ['REPL-04'],
        'Windows Server 2012 names the Client Authentication Issuers store when it is not empty',
      )
    : verdict(
        issuerListStore,
        'Trusted Root Certification Authorities',
        ['REPL-04'],
        `${edge.os === 'windows2012' ? 'an empty Client Authentication Issuers store' : 'Windows Server 2008 R2'}: the list names the Trusted Root store`,
      );
}

/**
 * REPL-04 by the mechanism over every store: the 16 KB rule applied to the store that feeds the list
 * (`listNameSizes`, the Front End's root last); the other stores' sizes do not matter.
 */
export function replicationByStores(
  edge: EdgeConfig,
  stores: EdgeStores,
  listNameSizes: number[],
): Verdict<Outcome> {
  const source = issuerListStore(edge, stores);
  const byBytes = replicationBy16KbRule(edge, listNameSizes, listNameSizes.length - 1);
  return verdict(
    replicationByStores,
    byBytes.value,
    ['REPL-04', ...byBytes.rules],
    `the list comes from the ${source.value} store (${listNameSizes.length} certificates): ${byBytes.reason}`,
  );
}
