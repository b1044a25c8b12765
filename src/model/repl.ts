import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

/**
 * Edge replication and Schannel's trusted issuer list (REPL-01..05). Two statements of the same rule:
 * the notes' documented threshold ("over about 120 roots breaks replication") and the mechanism behind
 * it (16 KB of encoded names, KB2801679). Steps check both against the wire.
 */
export type EdgeOs = 'windows2008r2' | 'windows2012';
export type Outcome = 'succeeds' | 'fails';

/** The notes: "Anything over 120 apparently stops the replication service". */
export const DOCUMENTED_ROOT_THRESHOLD = 120;
/** KB931125 of 11 December 2012 "added over 300 Trusted Root CAs"; the harness's update adds 310. */
export const KB931125_ROOTS_ADDED = 310;

export interface EdgeConfig {
  os: EdgeOs;
  /** SendTrustedIssuerList as Schannel read it at the last start; undefined when the value is absent. */
  sendTrustedIssuerListAtStart?: number;
  /** SendTrustedIssuerList as last written (read only at the next start, REPL-05). */
  sendTrustedIssuerListWritten?: number;
}

/** REPL-03, REPL-05: the value read at start decides; without it, 2008 R2 sends the list and 2012 does not. */
export function sendsIssuerList(edge: EdgeConfig): Verdict<boolean> {
  if (mechanism().repl.issuerList === 'never-sent')
    return verdict(sendsIssuerList, false, ['REPL-03'], 'this Schannel never sends the trusted issuer list');
  // Schannel reads the value at start (REPL-05), unless this deployment's reads it as it is written.
  const value = mechanism().repl.registryReadAtStartOnly
    ? edge.sendTrustedIssuerListAtStart
    : edge.sendTrustedIssuerListWritten;
  if (value !== undefined)
    return verdict(
      sendsIssuerList,
      value !== 0,
      ['REPL-03', 'REPL-05'],
      `SendTrustedIssuerList=${value} was read at the last start`,
    );
  return edge.os === 'windows2008r2'
    ? verdict(
        sendsIssuerList,
        true,
        ['REPL-01'],
        'Windows Server 2008 R2 sends the trusted issuer list by default',
      )
    : verdict(
        sendsIssuerList,
        false,
        ['REPL-03'],
        'Windows Server 2012 does not send the trusted issuer list by default',
      );
}

/** REPL-01, REPL-04 as the notes state them: more than about 120 roots breaks replication. */
export function replicationByDocumentedThreshold(edge: EdgeConfig, rootCount: number): Verdict<Outcome> {
  const sends = sendsIssuerList(edge);
  if (!sends.value)
    return verdict(
      replicationByDocumentedThreshold,
      'succeeds',
      [...sends.rules, 'REPL-03'],
      `${sends.reason}, so nothing is truncated`,
    );
  return rootCount > DOCUMENTED_ROOT_THRESHOLD
    ? verdict(
        replicationByDocumentedThreshold,
        'fails',
        ['REPL-01'],
        `${rootCount} roots is over the documented ${DOCUMENTED_ROOT_THRESHOLD}`,
      )
    : verdict(
        replicationByDocumentedThreshold,
        'succeeds',
        ['REPL-01', 'REPL-04'],
        `${rootCount} roots is within the documented ${DOCUMENTED_ROOT_THRESHOLD}`,
      );
}

export interface IssuerListFit {
  sent: number;
  bytes: number;
  truncated: boolean;
}

/** The names that fit in the list, in store order, given each subject name's DER size (each plus its 2-byte length). */
export function issuerListFit(
  nameSizes: number[],
  limit = mechanism().repl.issuerListLimitBytes,
): IssuerListFit {
  let bytes = 0;
  let sent = 0;
  while (sent < nameSizes.length && bytes + nameSizes[sent] + 2 <= limit) bytes += nameSizes[sent++] + 2;
  return { sent, bytes, truncated: sent < nameSizes.length };
}

/**
 * REPL-01 by the mechanism: the Front End offers its certificate only if its root's name is in the list
 * (or no list is sent); the Edge then verifies against its whole store.
 */
export function replicationBy16KbRule(
  edge: EdgeConfig,
  nameSizes: number[],
  frontEndRootIndex: number,
): Verdict<Outcome> {
  const sends = sendsIssuerList(edge);
  if (frontEndRootIndex < 0 || frontEndRootIndex >= nameSizes.length)
    return verdict(
      replicationBy16KbRule,
      'fails',
      ['REPL-01'],
      "the Front End's root is not in the Edge's store",
    );
  if (!sends.value)
    return verdict(
      replicationBy16KbRule,
      'succeeds',
      sends.rules,
      `${sends.reason}; the Edge verifies against its whole store`,
    );
  const fit = issuerListFit(nameSizes);
  return frontEndRootIndex < fit.sent
    ? verdict(
        replicationBy16KbRule,
        'succeeds',
        ['REPL-01'],
        `the list holds ${fit.sent} names (${fit.bytes} bytes) including the Front End's root`,
      )
    : verdict(
        replicationBy16KbRule,
        'fails',
        ['REPL-01'],
        `the list was cut at ${fit.sent} names (${fit.bytes} bytes of ${mechanism().repl.issuerListLimitBytes}); the Front End's root (number ${frontEndRootIndex + 1}) fell off`,
      );
}

/** REPL-02: the root update adds its roots to the store. */
export function storeAfterRootUpdate(rootsBefore: number): Verdict<number> {
  return verdict(
    storeAfterRootUpdate,
    rootsBefore + KB931125_ROOTS_ADDED,
    ['REPL-02'],
    `KB931125 adds ${KB931125_ROOTS_ADDED} roots to ${rootsBefore}`,
  );
}

/** The notes' "about 120" from a typical name size: 16384 / (mean + 2). */
export function rootsThatFit(meanNameBytes: number): number {
  return Math.floor(mechanism().repl.issuerListLimitBytes / (meanNameBytes + 2));
}

export type IssuerListShape = 'no issuer list' | 'every root' | 'an issuer list cut at 16 KB';

/** REPL-01, REPL-03: what the Edge's CertificateRequest carries, given its store's name sizes. */
export function issuerListShape(edge: EdgeConfig, nameSizes: number[]): Verdict<IssuerListShape> {
  const sends = sendsIssuerList(edge);
  const fit = issuerListFit(nameSizes);
  const shape = !sends.value
    ? 'no issuer list'
    : fit.truncated
      ? 'an issuer list cut at 16 KB'
      : 'every root';
  return verdict(
    issuerListShape,
    shape,
    sends.rules,
    `${sends.reason}; ${fit.sent} of ${nameSizes.length} names fit in ${fit.bytes} bytes`,
  );
}

/** REPL-01: Schannel logs event 36885 when the list it sends is cut at 16 KB. */
export function logsEvent36885(edge: EdgeConfig, nameSizes: number[]): Verdict<boolean> {
  const shape = issuerListShape(edge, nameSizes);
  return verdict(logsEvent36885, shape.value === 'an issuer list cut at 16 KB', ['REPL-01'], shape.reason);
}

/** REPL-01, REPL-02: whether a store of `rootCount` roots is past a count the notes name. */
export function storeHoldsMoreThan(rootCount: number, floor: number): Verdict<boolean> {
  return verdict(
    storeHoldsMoreThan,
    rootCount > floor,
    ['REPL-01', 'REPL-02'],
    `${rootCount} roots in the store`,
  );
}

/** REPL-01: Get-CsManagementStoreReplicationStatus shows UpToDate True only when replication succeeds. */
export function replicaUpToDate(outcome: Verdict<Outcome>): Verdict<boolean> {
  return verdict(replicaUpToDate, outcome.value === 'succeeds', outcome.rules, outcome.reason);
}
