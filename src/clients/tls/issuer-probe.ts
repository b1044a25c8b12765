import 'reflect-metadata';
import { isIP, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { connect } from 'node:tls';
import { Name } from '@peculiar/x509';
import { HandshakeReader, type ServerFlight } from './handshake-reader';

export const ISSUER_LIST_LIMIT = 16384;

export interface IssuerProbe {
  tlsVersion: string;
  certificateRequested: boolean;
  /** The acceptable CA names, as "C=US, O=..., CN=..." strings, in the order sent. */
  names: string[];
  /** Bytes of the list on the wire (each name plus its 2-byte length). */
  bytes: number;
  /** Each name's bytes on the wire, in the order sent (its DER Name plus its 2-byte length). */
  nameBytes: number[];
  limit: number;
  /** under: room left; at: full (the largest name seen would not fit again); over: past the limit. */
  limitStatus: 'under' | 'at' | 'over';
}

/**
 * Starts a TLS 1.2 handshake (no client certificate), reads the server's flight up to ServerHelloDone,
 * and hangs up: what any Schannel client sees before it chooses a certificate.
 */
export async function probeIssuers(
  host: string,
  port: number,
  servername?: string,
  timeoutMs = 10_000,
): Promise<IssuerProbe> {
  const flight = await readServerFlight(host, port, servername, timeoutMs);
  if (flight.alert !== undefined && !flight.version)
    throw new Error(`[probe] ${host}:${port} refused a TLS 1.2 hello (alert ${flight.alert})`);
  const bytes = flight.authoritiesBytes;
  return {
    tlsVersion: flight.version === 0x0303 ? 'TLSv1.2' : `0x${(flight.version ?? 0).toString(16)}`,
    certificateRequested: flight.certificateRequested,
    names: flight.authorities.map(nameToString),
    bytes,
    nameBytes: flight.authorities.map((n) => n.length + 2),
    limit: ISSUER_LIST_LIMIT,
    limitStatus: limitStatus(bytes, flight.authorities),
  };
}

function limitStatus(bytes: number, names: Buffer[]): IssuerProbe['limitStatus'] {
  if (bytes > ISSUER_LIST_LIMIT) return 'over';
  const largest = Math.max(0, ...names.map((n) => n.length));
  return names.length > 0 && ISSUER_LIST_LIMIT - bytes < largest + 2 ? 'at' : 'under';
}

/** A DER Name as "C=US, O=..., CN=..." (as the Front End's certificate selection compares them). */
export function nameToString(der: Buffer): string {
  try {
    return new Name(der).toString();
  } catch {
    return `(undecodable name, ${der.length} bytes)`;
  }
}

function readServerFlight(
  host: string,
  port: number,
  servername: string | undefined,
  timeoutMs: number,
): Promise<ServerFlight> {
  return new Promise((resolve, reject) => {
    const reader = new HandshakeReader();
    const raw = new Socket();
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      raw.destroy();
      tlsSocket.destroy();
      if (error) reject(error);
      else resolve(reader.flight);
    };
    const timer = setTimeout(
      () => finish(new Error(`[probe] ${host}:${port} sent no complete server flight in ${timeoutMs} ms`)),
      timeoutMs,
    );
    // A JS stream between the TLS engine and the socket lets us read the server's bytes as they pass.
    const tap = new Duplex({
      read() {},
      write(chunk, _encoding, callback) {
        if (finished) return callback();
        raw.write(chunk, () => callback());
      },
    });
    raw.on('data', (chunk: Buffer) => {
      try {
        if (reader.push(chunk)) return finish();
      } catch (error) {
        return finish(error as Error);
      }
      tap.push(chunk);
    });
    raw.on('error', (error) => finish(new Error(`[probe] ${host}:${port}: ${error.message}`)));
    raw.on('close', () =>
      finish(
        reader.finished()
          ? undefined
          : new Error(`[probe] ${host}:${port} closed the connection before ServerHelloDone`),
      ),
    );
    raw.connect(port, host);
    const tlsSocket = connect({
      socket: tap,
      servername: servername ?? (isIP(host) ? undefined : host),
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      rejectUnauthorized: false,
    });
    tlsSocket.on('error', () => {});
  });
}
