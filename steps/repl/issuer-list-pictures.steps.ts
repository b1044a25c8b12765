import { After } from '@cucumber/cucumber';
import { chainIssuers } from '../../src/clients/tls/cert-selection';
import { nameToString } from '../../src/clients/tls/issuer-probe';
import type { ReplicationAttempt } from '../../src/clients/tls/replication-client';
import type { IssuerListLayout } from '../../src/harness/service-admin';
import { frontEndCredentials } from '../../src/pki/fixtures';
import { ISSUER_LIST_MEDIA_TYPE, type IssuerListRecord } from '../../src/report/picture-records';
import type { HarnessWorld } from '../support/world';
import { edge } from './edge-context';

/**
 * One replication as the report draws it: the names on the wire (the TLS probe), every name of the
 * Edge's store (its admin API), and where the Front End's issuer sits among them.
 */
export function issuerListRecord(
  n: number,
  os: string,
  attempt: ReplicationAttempt,
  layout: IssuerListLayout,
  frontEndIssuers: string[],
): IssuerListRecord {
  const names = layout.names.map((name) => nameToString(Buffer.from(name.der, 'base64')));
  const index = names.findIndex((name) => frontEndIssuers.includes(name));
  return {
    attempt: n,
    edge: { os, sendsList: layout.sendsList, source: layout.source },
    limit: attempt.probe.limit,
    sent: { nameBytes: attempt.probe.nameBytes },
    store: { nameBytes: layout.names.map((name) => name.bytes) },
    frontEnd: {
      issuer: index < 0 ? null : names[index],
      storeIndex: index < 0 ? null : index,
      listed: index >= 0 && attempt.probe.names.includes(names[index]),
      offered: attempt.selection.offered,
      replicated: attempt.status.UpToDate,
    },
  };
}

After({ tags: '@REPL' }, async function (this: HarnessWorld) {
  const ctx = await edge(this);
  if (ctx.attempts.length === 0) return;
  const issuers = (await frontEndCredentials()).credentials.flatMap((c) => chainIssuers(c.chainPem));
  for (const [i, { attempt, os, layout }] of ctx.attempts.entries())
    await this.attach(
      JSON.stringify(issuerListRecord(i + 1, os, attempt, layout, issuers)),
      ISSUER_LIST_MEDIA_TYPE,
    );
});
