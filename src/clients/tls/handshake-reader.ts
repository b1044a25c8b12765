/**
 * Reads the server's side of a TLS 1.2 handshake from the raw bytes (it is in the clear up to
 * ChangeCipherSpec) and finds the CertificateRequest's certificate_authorities (RFC 5246 §7.4.4).
 */
const HANDSHAKE = 22;
const ALERT = 21;
const CHANGE_CIPHER_SPEC = 20;
const SERVER_HELLO = 2;
const CERTIFICATE_REQUEST = 13;
const SERVER_HELLO_DONE = 14;

export interface ServerFlight {
  /** The version the server chose, e.g. 0x0303 for TLS 1.2. */
  version?: number;
  /** True when the server asked for a client certificate. */
  certificateRequested: boolean;
  /** The DER Names of certificate_authorities, in the order sent. */
  authorities: Buffer[];
  /** Bytes of the certificate_authorities vector's content (each name with its 2-byte length). */
  authoritiesBytes: number;
  /** ServerHelloDone was seen: the server's flight is complete. */
  done: boolean;
  /** A fatal alert from the server, if any. */
  alert?: number;
}

export class HandshakeReader {
  private records = Buffer.alloc(0);
  private messages = Buffer.alloc(0);
  readonly flight: ServerFlight = {
    certificateRequested: false,
    authorities: [],
    authoritiesBytes: 0,
    done: false,
  };

  /** Feeds bytes the server sent; returns true once the flight is complete (or the server gave up). */
  push(chunk: Buffer): boolean {
    this.records = Buffer.concat([this.records, chunk]);
    if (this.records.length > 0 && (this.records[0] < CHANGE_CIPHER_SPEC || this.records[0] > 23))
      throw new Error(
        `[tls] the server sent "${this.records.subarray(0, 12).toString('latin1')}...": not a TLS 1.2 server`,
      );
    while (this.records.length >= 5 && !this.finished()) {
      const type = this.records[0];
      const length = this.records.readUInt16BE(3);
      if (this.records.length < 5 + length) break;
      const body = this.records.subarray(5, 5 + length);
      this.records = this.records.subarray(5 + length);
      if (type === HANDSHAKE) this.readMessages(body);
      else if (type === ALERT) this.flight.alert = body[1];
      else if (type === CHANGE_CIPHER_SPEC) this.flight.done = true;
      else throw new Error(`[tls] unexpected record type ${type}: not a TLS 1.2 server`);
    }
    return this.finished();
  }

  finished(): boolean {
    return this.flight.done || this.flight.alert !== undefined;
  }

  private readMessages(fragment: Buffer): void {
    this.messages = Buffer.concat([this.messages, fragment]);
    while (this.messages.length >= 4) {
      const type = this.messages[0];
      const length = this.messages.readUIntBE(1, 3);
      if (this.messages.length < 4 + length) return;
      const body = this.messages.subarray(4, 4 + length);
      this.messages = this.messages.subarray(4 + length);
      if (type === SERVER_HELLO) this.flight.version = body.readUInt16BE(0);
      if (type === CERTIFICATE_REQUEST) this.readCertificateRequest(body);
      if (type === SERVER_HELLO_DONE) this.flight.done = true;
    }
  }

  private readCertificateRequest(body: Buffer): void {
    this.flight.certificateRequested = true;
    let at = 1 + body[0]; // certificate_types<1..2^8-1>
    at += 2 + body.readUInt16BE(at); // supported_signature_algorithms (TLS 1.2)
    const total = body.readUInt16BE(at);
    at += 2;
    const end = at + total;
    if (end > body.length)
      throw new Error('[tls] CertificateRequest: certificate_authorities runs past the message');
    this.flight.authoritiesBytes = total;
    while (at < end) {
      const size = body.readUInt16BE(at);
      this.flight.authorities.push(Buffer.from(body.subarray(at + 2, at + 2 + size)));
      at += 2 + size;
    }
  }
}
