import { readTlv, type Tlv } from '../../src/asn1/tlv';

/** Just enough DER to find a certificate's subject and issuer Names, as a TLS CertificateRequest carries them. */
/** The issuer and subject Names (DER) of an X.509 certificate. */
export function certificateNames(certDer: Buffer): { issuer: Buffer; subject: Buffer } {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.contentStart);
  let at = tbs.contentStart;
  const fields: Tlv[] = [];
  while (at < tbs.end && fields.length < 6) {
    const field = readTlv(certDer, at);
    fields.push(field);
    at = field.end;
  }
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (!issuer || !subject) throw new Error('[der] not an X.509 certificate');
  return {
    issuer: certDer.subarray(issuer.start, issuer.end),
    subject: certDer.subarray(subject.start, subject.end),
  };
}
