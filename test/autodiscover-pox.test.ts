import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { StartedMock } from '../mocks/admin';
import { startExchangeMock } from '../mocks/exchange/index';
import { basic, exportedSampleEntries, PAT, seedSample } from '../mocks/exchange/test-fixtures';
import { AdminClient } from '../src/harness/admin-client';
import { ExchangeAdmin } from '../src/harness/service-admin';

// The Exchange mock's POX Autodiscover answer, read by libxml2 (xmllint) against our XSD written from
// [MS-OXDSCLI] (test/autodiscover/), and probed with XPath: nothing here uses the mock's own XML code.
const SCHEMA = join(__dirname, 'autodiscover', 'pox-response.xsd');
const REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

let mock: StartedMock;
let dir: string;
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
  dir = mkdtempSync(join(tmpdir(), 'pox-'));
});
after(async () => {
  await mock.stop();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await new AdminClient(mock.urls.admin).reset();
  await seedSample(mock);
});

async function askPox(address: string): Promise<string> {
  const body =
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${REQUEST_NS}"><Request>` +
    `<EMailAddress>${address}</EMailAddress><AcceptableResponseSchema>${RESPONSE_NS}</AcceptableResponseSchema>` +
    `</Request></Autodiscover>`;
  const r = await fetch(`${mock.urls.http}/autodiscover/autodiscover.xml`, {
    method: 'POST',
    body,
    headers: { authorization: basic(PAT), 'content-type': 'text/xml' },
  });
  assert.equal(r.status, 200);
  return r.text();
}

/** Validates `xml` with xmllint against the XSD; returns xmllint's verdict and complaints. */
function validate(xml: string, name: string): { valid: boolean; output: string } {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint did not run (apt-get install libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Evaluates an XPath 1.0 expression with xmllint (namespaces matched by local name). */
function xpath(xml: string, expression: string): string {
  const file = join(dir, 'xpath.xml');
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--nonet', '--xpath', expression, file], { encoding: 'utf8' }).trim();
}

const protocol = (type: string) =>
  `//*[local-name()='Account']/*[local-name()='Protocol'][*[local-name()='Type']='${type}']`;
const child = (type: string, name: string) => `string(${protocol(type)}/*[local-name()='${name}'])`;

test('the POX answer for a mailbox is valid against the Autodiscover schema', {
  timeout: 60_000,
}, async () => {
  const answer = await askPox(PAT.login);
  const result = validate(answer, 'settings');
  assert.ok(result.valid, result.output);
});

test('it carries one EXCH and one EXPR block, each with EwsUrl, ASUrl and OABUrl, as Exchange 2010 SP2+ does', {
  timeout: 60_000,
}, async () => {
  const answer = await askPox(PAT.login);
  for (const type of ['EXCH', 'EXPR']) {
    assert.equal(xpath(answer, `count(${protocol(type)})`), '1', `${type} blocks`);
    const ews = xpath(answer, child(type, 'EwsUrl'));
    assert.equal(ews, `${mock.urls.http}/EWS/Exchange.asmx`, `${type} EwsUrl`);
    assert.equal(xpath(answer, child(type, 'ASUrl')), ews, `${type} ASUrl is the EWS endpoint too`);
    assert.match(xpath(answer, child(type, 'OABUrl')), /\/OAB\/[0-9a-f-]{36}\/$/, `${type} OABUrl`);
  }
  // What Outlook reads to open the mailbox: the RPC server and its database inside, the proxy outside.
  assert.match(xpath(answer, child('EXCH', 'Server')), /^[0-9a-f-]{36}@xyz\.corp$/);
  assert.match(xpath(answer, child('EXCH', 'MdbDN')), /\/cn=Microsoft Private MDB$/);
  assert.equal(xpath(answer, child('EXPR', 'SSL')), 'On');
  assert.equal(xpath(answer, child('EXPR', 'AuthPackage')), 'Basic');
  const pat = exportedSampleEntries().find((e) => e.first('userPrincipalName') === PAT.login);
  assert.equal(xpath(answer, `string(//*[local-name()='AutoDiscoverSMTPAddress'])`), pat?.first('mail'));
});

test('the URLs it hands out answer: the OAB manifest at OABUrl + oab.xml, EWS at EwsUrl', {
  timeout: 60_000,
}, async () => {
  const answer = await askPox(PAT.login);
  const oab = await fetch(`${xpath(answer, child('EXPR', 'OABUrl'))}oab.xml`, {
    headers: { authorization: basic(PAT) },
  });
  assert.equal(oab.status, 200);
  assert.match(await oab.text(), /<OAB>/);
  const ews = await fetch(xpath(answer, child('EXPR', 'EwsUrl')), {
    method: 'POST',
    body: '<x/>',
    headers: { authorization: basic(PAT), 'content-type': 'text/xml; charset=utf-8' },
  });
  assert.equal(ews.status, 500, 'EWS answers a non-SOAP body with a SOAP fault, so it is there');
  assert.match(await ews.text(), /Fault/);
});

async function askSoap(settings: string[]): Promise<string> {
  const a = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
  const soap = await fetch(`${mock.urls.http}/autodiscover/autodiscover.svc`, {
    method: 'POST',
    headers: { authorization: basic(PAT), 'content-type': 'text/xml; charset=utf-8' },
    body:
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${a}"><s:Body>` +
      `<a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User><a:Mailbox>${PAT.login}</a:Mailbox></a:User></a:Users>` +
      `<a:RequestedSettings>${settings.map((s) => `<a:Setting>${s}</a:Setting>`).join('')}</a:RequestedSettings></a:Request>` +
      `</a:GetUserSettingsRequestMessage></s:Body></s:Envelope>`,
  });
  return soap.text();
}

/** The value of one UserSetting in a SOAP GetUserSettings answer. */
const setting = (name: string) =>
  `string(//*[local-name()='UserSetting'][*[local-name()='Name']='${name}']/*[local-name()='Value'])`;

test('an OAB not offered for web-based distribution: no OABUrl in POX, SettingIsNotAvailable in SOAP, the rest as before', {
  timeout: 60_000,
}, async () => {
  await new ExchangeAdmin(new AdminClient(mock.urls.admin)).setMechanism({ oabNotWebDistributed: true });
  const answer = await askPox(PAT.login);
  for (const type of ['EXCH', 'EXPR']) {
    assert.equal(xpath(answer, `count(${protocol(type)}/*[local-name()='OABUrl'])`), '0', `${type} OABUrl`);
    assert.equal(xpath(answer, child(type, 'EwsUrl')), `${mock.urls.http}/EWS/Exchange.asmx`);
  }
  const result = validate(answer, 'no-oab');
  assert.ok(result.valid, result.output);
  const soap = await askSoap(['ExternalOABUrl', 'ExternalEwsUrl']);
  assert.equal(xpath(soap, setting('ExternalOABUrl')), '');
  assert.equal(xpath(soap, setting('ExternalEwsUrl')), `${mock.urls.http}/EWS/Exchange.asmx`);
  assert.equal(
    xpath(
      soap,
      "string(//*[local-name()='UserSettingError'][*[local-name()='SettingName']='ExternalOABUrl']/*[local-name()='ErrorCode'])",
    ),
    'SettingIsNotAvailable',
  );
});

test('ServerVersion encodes the build the SOAP answer gives as CasVersion', { timeout: 60_000 }, async () => {
  const hex = xpath(await askPox(PAT.login), child('EXCH', 'ServerVersion'));
  const value = Number.parseInt(hex, 16);
  const cas = xpath(await askSoap(['CasVersion']), setting('CasVersion'));
  const [major, minor, build] = cas.split('.').map(Number);
  assert.ok(major >= 14, `CasVersion ${cas}`);
  assert.deepEqual(
    [value >>> 28, (value >>> 22) & 0x3f, (value >>> 16) & 0x3f, (value & 0x8000) !== 0, value & 0x7fff],
    [7, major, minor, true, build],
  );
});

test('an unknown address gets error 500, and that answer is valid against the schema too', {
  timeout: 60_000,
}, async () => {
  const answer = await askPox('nobody@xyz.corp');
  assert.equal(xpath(answer, `string(//*[local-name()='ErrorCode'])`), '500');
  const result = validate(answer, 'error');
  assert.ok(result.valid, result.output);
});

test('the schema is not a rubber stamp: it refuses the faults a stricter client would', () => {
  const good =
    `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">` +
    `<Response xmlns="${RESPONSE_NS}"><User><DisplayName>P</DisplayName><LegacyDN>/o=X/ou=Y/cn=Recipients/cn=p</LegacyDN>` +
    `<DeploymentId>5d9c3e1a-7b0f-4f33-9a55-2b7e0f6c8d10</DeploymentId></User><Account><AccountType>email</AccountType>` +
    `<Action>settings</Action><Protocol><Type>EXPR</Type><Server>outlook.office365.com</Server><SSL>On</SSL>` +
    `<EwsUrl>https://h.example/EWS/Exchange.asmx</EwsUrl></Protocol></Account></Response></Autodiscover>`;
  assert.ok(validate(good, 'good').valid, validate(good, 'good').output);
  const faults: Record<string, string> = {
    'SSL spelt yes': good.replace('<SSL>On</SSL>', '<SSL>yes</SSL>'),
    'a relative EwsUrl': good.replace('https://h.example/EWS/Exchange.asmx', '/EWS/Exchange.asmx'),
    'an element no reference lists': good.replace('<SSL>On</SSL>', '<SSL>On</SSL><EwsURL>x</EwsURL>'),
    'a Protocol without Type first': good.replace('<Type>EXPR</Type><Server>', '<Server>'),
    'an unknown protocol type': good.replace('<Type>EXPR</Type>', '<Type>HTTP</Type>'),
    'the wrong namespace for Response': good.replace(`xmlns="${RESPONSE_NS}"`, ''),
  };
  for (const [fault, xml] of Object.entries(faults)) assert.equal(validate(xml, 'fault').valid, false, fault);
});
