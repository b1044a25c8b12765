import 'reflect-metadata';
import { webcrypto } from 'node:crypto';

type KeyPair = webcrypto.CryptoKeyPair;

import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

/** One issued certificate and its key. `keyPem` goes to a mock's admin API, never into a report. */
export interface Issued {
  /** A short label for evidence, e.g. "Front End fe01.abc.corp". */
  label: string;
  certPem: string;
  keyPem: string;
  /** DER of the subject Name, as a CertificateRequest carries it. */
  subjectDer: Buffer;
  subject: string;
  cert: x509.X509Certificate;
  /** The key pair as WebCrypto keys (made on demand for the bulk roots). */
  keys: () => Promise<KeyPair>;
}

export type Subject = x509.JsonName;

interface IssueOptions {
  label: string;
  subject: Subject;
  /** The issuer; self-signed when absent. */
  issuer?: Issued;
  ca: boolean;
  pathLength?: number;
  dnsNames?: string[];
  usages?: string[];
  serial: number;
  /** Validity start (an explicit time: the PKI is made per run but its dates are fixed). */
  notBefore?: Date;
}

const NOT_BEFORE = new Date(Date.UTC(2012, 0, 1));
const YEARS_30 = 30 * 365 * DAY;

/** Issues one ECDSA P-256 certificate (root, intermediate or leaf). */
export async function issue(options: IssueOptions): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as KeyPair;
  const notBefore = options.notBefore ?? NOT_BEFORE;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca, options.pathLength, true),
    new x509.KeyUsagesExtension(
      options.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (options.issuer)
    extensions.push(
      await x509.AuthorityKeyIdentifierExtension.create((await options.issuer.keys()).publicKey),
    );
  if (options.dnsNames?.length)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: 'dns', value }))),
    );
  if (options.usages?.length) extensions.push(new x509.ExtendedKeyUsageExtension(options.usages));
  const common = {
    serialNumber: options.serial.toString(16).padStart(4, '0'),
    notBefore,
    notAfter: new Date(notBefore.getTime() + YEARS_30),
    signingAlgorithm: ALG,
    extensions,
  };
  const cert = options.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: options.subject,
        issuer: options.issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: (await options.issuer.keys()).privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: options.subject, keys });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    label: options.label,
    certPem: `${cert.toString('pem').trim()}\n`,
    keyPem: `${x509.PemConverter.encode(pkcs8, 'PRIVATE KEY').trim()}\n`,
    subjectDer: Buffer.from(cert.subjectName.toArrayBuffer()),
    subject: cert.subject,
    cert,
    keys: async () => keys,
  };
}

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
