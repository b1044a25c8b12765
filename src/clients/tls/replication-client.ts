import { request } from 'node:https';
import { type ClientCredential, type Selection, selectClientCertificate } from './cert-selection';
import { type IssuerProbe, probeIssuers } from './issuer-probe';

export const REPLICATION_PATH = '/ReplicationWebService';

/** Like one object of Get-CsManagementStoreReplicationStatus. */
export interface ReplicaStatus {
  UpToDate: boolean;
  ReplicaFqdn: string;
  LastStatusReport: string | null;
  LastUpdateCreation: string | null;
  ProductVersion: string | null;
}

export interface ReplicationAttempt {
  probe: IssuerProbe;
  selection: Pick<Selection, 'reason'> & { offered: string | null };
  /** What went wrong, in words; absent when the Edge applied the snapshot. */
  failure?: string;
  status: ReplicaStatus;
}

export interface Snapshot {
  version: number;
  /** When the CMS change was made (ISO). */
  createdAt: string;
}

/**
 * The Front End's Master Replicator pushing the CMS to one Edge: reads the Edge's issuer list, picks its
 * certificate as Schannel does, POSTs the snapshot over mutual TLS, and keeps the replica status.
 */
export class FrontEndReplicator {
  readonly statuses = new Map<string, ReplicaStatus>();

  constructor(
    readonly fqdn: string,
    private readonly credentials: ClientCredential[],
    /** Roots the Front End trusts for the Edge's certificate (PEM). */
    private readonly trustedRootsPem: string[],
  ) {}

  async replicate(edgeUrl: string, edgeFqdn: string, snapshot: Snapshot): Promise<ReplicationAttempt> {
    const url = new URL(edgeUrl);
    const probe = await probeIssuers(url.hostname, Number(url.port), edgeFqdn);
    const selection = selectClientCertificate(this.credentials, probe.names);
    const previous = this.statuses.get(edgeFqdn);
    const status: ReplicaStatus = previous
      ? { ...previous, UpToDate: false }
      : {
          UpToDate: false,
          ReplicaFqdn: edgeFqdn,
          LastStatusReport: null,
          LastUpdateCreation: null,
          ProductVersion: null,
        };
    let failure: string | undefined;
    try {
      const answer = await this.push(url, edgeFqdn, selection.credential, snapshot);
      Object.assign(status, {
        UpToDate: answer.version === snapshot.version,
        LastStatusReport: answer.appliedAt,
        LastUpdateCreation: snapshot.createdAt,
        ProductVersion: answer.productVersion ?? null,
      });
    } catch (error) {
      failure = (error as Error).message;
    }
    this.statuses.set(edgeFqdn, status);
    return {
      probe,
      selection: { reason: selection.reason, offered: selection.credential?.label ?? null },
      failure,
      status: { ...status },
    };
  }

  private push(url: URL, edgeFqdn: string, credential: ClientCredential | undefined, snapshot: Snapshot) {
    const body = JSON.stringify({ ...snapshot, from: this.fqdn });
    return new Promise<{ version: number; appliedAt: string; productVersion?: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: REPLICATION_PATH,
          method: 'POST',
          servername: edgeFqdn,
          ca: this.trustedRootsPem,
          cert: credential?.chainPem,
          key: credential?.keyPem,
          minVersion: 'TLSv1.2',
          maxVersion: 'TLSv1.2',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200)
              return reject(new Error(`the Edge answered HTTP ${res.statusCode}: ${text}`));
            try {
              resolve(JSON.parse(text));
            } catch {
              reject(
                new Error(`the Edge answered HTTP 200 with a body that is not JSON: ${text.slice(0, 200)}`),
              );
            }
          });
          res.on('error', (error) => reject(new Error(`reading the Edge's answer failed: ${error.message}`)));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => reject(new Error(describe(error, credential))));
      req.end(body);
    });
  }
}

function describe(error: NodeJS.ErrnoException, credential: ClientCredential | undefined): string {
  const offered = credential
    ? `the Front End offered "${credential.label}"`
    : 'the Front End sent no certificate';
  if (error.code === 'ECONNRESET' || error.message === 'socket hang up')
    return `the Edge dropped the connection after the TLS handshake (${offered}): mutual TLS failed`;
  return `TLS to the Edge failed (${offered}): ${error.code ?? ''} ${error.message}`.trim();
}
