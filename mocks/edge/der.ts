/** Just enough DER to find a certificate's subject and issuer Names, as a TLS CertificateRequest carries them. */
interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readTlv(buf: Buffer, offset: number): Tlv {
  if (offset + 2 > buf.length) throw new Error('[der] truncated element');
  const tag = buf[offset];
  let length = buf[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 3 || offset + 2 + bytes > buf.length) throw new Error('[der] bad length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = (length << 8) | buf[offset + 2 + i];
    header += bytes;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error('[der] element runs past the end');
  return { tag, start: offset, contentStart: offset + header, end };
}

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
