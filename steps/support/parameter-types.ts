// Every parameter type of the Gherkin steps, in one place (cucumber's parameter types are global).
import { defineParameterType } from '@cucumber/cucumber';
import type { SignInPath } from '../../src/model/phone';
import type { Client } from '../../src/model/pres';

/** "Windows Server 2008 R2" / "Windows Server 2012" in the Gherkin, the catalog's edgeOs values in code. */
defineParameterType({
  name: 'windows',
  regexp: /Windows Server 2008 R2|Windows Server 2012/,
  transformer: (text: string) => (text.includes('2008') ? 'windows2008r2' : 'windows2012'),
});

/** "succeeds" / "fails". */
defineParameterType({ name: 'replicationOutcome', regexp: /succeeds|fails/, transformer: (t: string) => t });

/** What the Edge's CertificateRequest carries. */
defineParameterType({
  name: 'listShape',
  regexp: /no issuer list|every root|an issuer list cut at 16 KB/,
  transformer: (t: string) => t,
});

/** The Edge's other CA stores, by the names the certificate console gives them. */
defineParameterType({
  name: 'caStore',
  regexp: /Intermediate Certification Authorities|Client Authentication Issuers/,
  transformer: (t: string) => (t.startsWith('Intermediate') ? 'intermediate' : 'clientAuthIssuers'),
});

/** PHONE: how the phone signs in. */
defineParameterType({
  name: 'signInPath',
  regexp: /PIN authentication|USB tethering/,
  transformer: (text: string): SignInPath => (text === 'USB tethering' ? 'usb' : 'pin'),
});

/** PRES: the mail client beside Lync. */
defineParameterType({
  name: 'mailClient',
  regexp: /Outlook Web App|full Outlook/,
  transformer: (t: string): Client => (t === 'Outlook Web App' ? 'owa' : 'outlook'),
});
