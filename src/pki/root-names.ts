import { mulberry32 } from '../util/seeded-random';
import type { Subject } from './issue';

/**
 * Subject names for a generated set of public root CAs, shaped like the Windows root store of 2012
 * (KB931125): country, organisation, often one or two OUs (the "(c) 1999 ... For authorized use only"
 * kind), and a common name. Deterministic (seeded), so every run has the same name sizes; the DER sizes
 * average about 135 bytes, which is why "about 120 roots" fill Schannel's 16 KB issuer list.
 */
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'ES', 'NL', 'CH', 'BE', 'IT', 'SE', 'TW', 'HU', 'PL', 'BR'];
const ORGS = [
  'VeriSign, Inc.',
  'Thawte Consulting cc',
  'Entrust.net',
  'GeoTrust Inc.',
  'Equifax Secure Inc.',
  'The Go Daddy Group, Inc.',
  'Starfield Technologies, Inc.',
  'Comodo CA Limited',
  'AddTrust AB',
  'Baltimore',
  'GlobalSign nv-sa',
  'DigiCert Inc',
  'Certplus',
  'Deutsche Telekom AG',
  'QuoVadis Limited',
  'SECOM Trust Systems CO.,LTD.',
  'Network Solutions L.L.C.',
  'Cybertrust, Inc',
  'Chunghwa Telecom Co., Ltd.',
  'NetLock Halozatbiztonsagi Kft.',
  'Autoridad de Certificacion Firmaprofesional',
  'Unizeto Technologies S.A.',
  'Wells Fargo WellsSecure',
  'XRamp Security Services Inc',
];
const UNITS = [
  'Class 3 Public Primary Certification Authority - G2',
  'VeriSign Trust Network',
  'Certification Services Division',
  'Root Certification Authority',
  'www.entrust.net/CPS_2048 incorp. by ref. (limits liab.)',
  'Secure Server Certification Authority',
  'http://certificates.starfieldtech.com/repository',
  'AddTrust External TTP Network',
  'Wells Fargo Certification Authority',
  'Tanusitvanykiadok (Certification Services)',
];
const KINDS = [
  'Root CA',
  'Root Certification Authority',
  'Global Root CA',
  'Primary Root CA - G3',
  'Premium Server CA',
  'Secure eBusiness CA-1',
  'Universal CA 2',
];

/** The subject of the i-th public root of the set (a unique name). */
export function publicRootSubjects(count: number, seed = 68): Subject[] {
  const next = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const subjects: Subject[] = [];
  for (let i = 0; i < count; i++) {
    const org = pick(ORGS);
    const year = 1996 + Math.floor(next() * 14);
    const subject: Subject = [{ C: [pick(COUNTRIES)] }, { O: [org] }];
    const shape = next();
    if (shape < 0.55) subject.push({ OU: [pick(UNITS)] });
    if (shape < 0.3) subject.push({ OU: [`(c) ${year} ${org} - For authorized use only`] });
    subject.push({ CN: [`${org.split(/[ ,]/)[0]} ${pick(KINDS)} ${i + 1}`] });
    subjects.push(subject);
  }
  return subjects;
}
