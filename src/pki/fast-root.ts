import { tlv } from '../asn1/tlv';
import 'reflect-metadata';
import { createHash, generateKeyPairSync, sign, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { Issued, Subject } from './issue';

/**
 * A self-signed ECDSA P-256 root CA written as DER by hand: the big public root set needs hundreds of
 * them, and @peculiar/x509's generator takes ~8 ms a certificate where this takes about one.
 * Same content as `issue()` makes for a root: BasicConstraints CA (critical), KeyUsage keyCertSign|cRLSign
 * (critical), SubjectKeyIdentifier.
 */
const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_WITH_SHA256 = Buffer.from('06082a8648ce3d040302', 'hex');
const BASIC_CONSTRAINTS_CA = Buffer.from('300f0603551d130101ff040530030101ff', 'hex');
const KEY_USAGE_CA = Buffer.from('300e0603551d0f0101ff040403020106', 'hex');

const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);

function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2012-01-01T00:00:00.000Z -> 120101000000Z
  return tlv(
    0x17,
    Buffer.from(
      `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`,
    ),
  );
}

function serialNumber(serial: number): Buffer {
  let hex = serial.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

export function fastRoot(
  label: string,
  subject: Subject,
  serial: number,
  notBefore: Date,
  notAfter: Date,
): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const name = Buffer.from(new x509.Name(subject).toArrayBuffer());
  const ski = createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
  const extensions = tlv(
    0xa3,
    seq(BASIC_CONSTRAINTS_CA, KEY_USAGE_CA, seq(Buffer.from('0603551d0e', 'hex'), tlv(0x04, tlv(0x04, ski)))),
  );
  const algorithm = seq(ECDSA_WITH_SHA256);
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    serialNumber(serial),
    algorithm,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    spki,
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, algorithm, tlv(0x03, Buffer.from([0]), signature));
  let parsed: x509.X509Certificate | undefined;
  let cryptoKeys: Promise<webcrypto.CryptoKeyPair> | undefined;
  return {
    label,
    certPem: `${x509.PemConverter.encode(der, 'CERTIFICATE').trim()}\n`,
    // Lazy: exporting keys and printing names cost more than making the certificate.
    get keyPem() {
      return `${x509.PemConverter.encode(privateKey.export({ type: 'pkcs8', format: 'der' }), 'PRIVATE KEY').trim()}\n`;
    },
    subjectDer: name,
    get subject() {
      return new x509.Name(name).toString();
    },
    // Parsing with @peculiar/x509 costs ~4 ms; only the few roots that issue certificates need it.
    get cert() {
      parsed ??= new x509.X509Certificate(der);
      return parsed;
    },
    keys: () => {
      cryptoKeys ??= Promise.all([
        webcrypto.subtle.importKey('pkcs8', privateKey.export({ type: 'pkcs8', format: 'der' }), ALG, true, [
          'sign',
        ]),
        webcrypto.subtle.importKey('spki', spki, ALG, true, ['verify']),
      ]).then(([privateKey, publicKey]) => ({ privateKey, publicKey }));
      return cryptoKeys;
    },
  };
}
