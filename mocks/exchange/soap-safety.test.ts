import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { adminHeaders, type StartedMock } from '../admin';
import { startExchangeMock } from './index';
import { basic, PAT, seedSample } from './test-fixtures';

let mock: StartedMock;
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

const ews = () => `${mock.urls.http}/EWS/Exchange.asmx`;
const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', body, headers: { authorization: basic(PAT), 'content-type': 'text/xml' } });
const resolve = (entry: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">` +
  `<soap:Body><m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>${entry}</m:UnresolvedEntry></m:ResolveNames></soap:Body></soap:Envelope>`;

const HOSTILE: Record<string, string> = {
  'an external entity': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${resolve('&xxe;')}`,
  'an entity bomb': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${resolve('&lol3;')}`,
  'a bare DOCTYPE': `<!DOCTYPE soap:Envelope>${resolve('Pat')}`,
  'text that is not XML': '<soap:Envelope><soap:Body><m:ResolveNames>',
  'the wrong namespace (https)': resolve('Pat').replace(
    'http://schemas.microsoft.com/exchange/services',
    'https://schemas.microsoft.com/exchange/services',
  ),
};

for (const [what, body] of Object.entries(HOSTILE)) {
  test(`EWS answers ${what} with a SOAP fault and expands nothing`, async () => {
    const r = await post(ews(), body);
    const text = await r.text();
    assert.equal(r.status, 500);
    assert.match(text, /<s:Fault><faultcode>s:Client<\/faultcode>/);
    assert.doesNotMatch(text, /root:|lollollol/);
  });
}

test('SOAP Autodiscover answers a DOCTYPE with a fault, POX Autodiscover with error 600', async () => {
  const soap = await post(`${mock.urls.http}/autodiscover/autodiscover.svc`, HOSTILE['an external entity']);
  assert.equal(soap.status, 500);
  assert.match(await soap.text(), /s:Fault/);
  const pox = await post(`${mock.urls.http}/autodiscover/autodiscover.xml`, HOSTILE['an entity bomb']);
  assert.match(await pox.text(), /<ErrorCode>600<\/ErrorCode>/);
});

test('after hostile requests the server keeps serving ResolveNames with the real response codes', async () => {
  const one = await (await post(ews(), resolve('Pat'))).text();
  assert.match(one, /ResponseClass="Success"><m:ResponseCode>NoError<\/m:ResponseCode>/);
  const none = await (await post(ews(), resolve('Jed'))).text();
  assert.match(
    none,
    /ResponseClass="Error"><m:MessageText>No results were found.<\/m:MessageText><m:ResponseCode>ErrorNameResolutionNoResults/,
  );
  const many = await (await post(ews(), resolve('sip:'))).text();
  assert.match(many, /ResponseClass="Warning">.*ErrorNameResolutionMultipleResults/);
});

test('curl gets an Autodiscover answer with the EWS and OAB URLs', async () => {
  const body =
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request>' +
    '<EMailAddress>lee.chan@xyz.corp</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>';
  const { stdout } = await promisify(execFile)('curl', [
    '-sS',
    '--fail-with-body',
    '-u',
    `${PAT.login}:${PAT.password}`,
    '-H',
    'Content-Type: text/xml',
    '--data-binary',
    body,
    `${mock.urls.http}/autodiscover/autodiscover.xml`,
  ]);
  assert.match(stdout, /<DisplayName>Lee Chan<\/DisplayName>/);
  assert.match(stdout, /<ASUrl>http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx<\/ASUrl>/);
  assert.match(stdout, /<OABUrl>http:\/\/127\.0\.0\.1:\d+\/OAB\/[0-9a-f-]{36}\/<\/OABUrl>/);
});

test('a sign-in name that is no mailbox address gets a Basic challenge (the credential prompt)', async () => {
  const r = await fetch(ews(), {
    method: 'POST',
    body: resolve('Pat'),
    headers: { authorization: basic({ login: 'sam.wu@xyz.onmicrosoft.com', password: PAT.password }) },
  });
  assert.equal(r.status, 401);
  assert.equal(r.headers.get('www-authenticate'), 'Basic realm="outlook.office365.com"');
});

test('injected faults: a SOAP fault with the given code, a dropped connection, then normal service', async () => {
  const admin = (fault: object) =>
    fetch(`${mock.urls.admin}/__admin/faults`, {
      method: 'POST',
      body: JSON.stringify(fault),
      headers: adminHeaders(),
    });
  await admin({ kind: 'error', operation: 'ews.ResolveNames', code: 'ErrorServerBusy', times: 1 });
  const busy = await post(ews(), resolve('Pat'));
  assert.equal(busy.status, 500);
  assert.match(await busy.text(), /<e:ResponseCode[^>]*>ErrorServerBusy</);
  await admin({ kind: 'reset', operation: 'ews.ResolveNames', times: 1 });
  await assert.rejects(post(ews(), resolve('Pat')));
  const ok = await post(ews(), resolve('Pat'));
  assert.equal(ok.status, 200);
});

test('SOAP GetUserSettings: settings for a mailbox, InvalidUser and InvalidSetting as Exchange names them', async () => {
  const a = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
  const request = (mailbox: string, settings: string[]) =>
    `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${a}"><soap:Body>` +
    `<a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User><a:Mailbox>${mailbox}</a:Mailbox></a:User></a:Users>` +
    `<a:RequestedSettings>${settings.map((x) => `<a:Setting>${x}</a:Setting>`).join('')}</a:RequestedSettings>` +
    `</a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>`;
  const url = `${mock.urls.http}/autodiscover/autodiscover.svc`;
  const ok = await (await post(url, request('pat.kim@xyz.corp', ['ExternalEwsUrl', 'NoSuchSetting']))).text();
  assert.match(ok, /<UserResponse><ErrorCode>NoError<\/ErrorCode>/);
  assert.match(
    ok,
    /<Name>ExternalEwsUrl<\/Name><Value>http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx<\/Value>/,
  );
  assert.match(ok, /<ErrorCode>InvalidSetting<\/ErrorCode>.*<SettingName>NoSuchSetting<\/SettingName>/);
  const unknown = await (await post(url, request('sam.wu@xyz.onmicrosoft.com', ['ExternalEwsUrl']))).text();
  assert.match(unknown, /<UserResponse><ErrorCode>InvalidUser<\/ErrorCode>/);
});

test('bad admin input is a 400 that names the problem, and the loaded directory stays', async () => {
  const put = (path: string, body: string) =>
    fetch(`${mock.urls.admin}${path}`, { method: 'PUT', body, headers: adminHeaders() });
  const notJson = await put('/__admin/data', 'dn: CN=x');
  assert.equal(notJson.status, 400);
  assert.match(await notJson.text(), /the data is not JSON/);
  const noDn = await put('/__admin/data', '[{"attributes":{}}]');
  assert.match(await noDn.text(), /entry 0 has no dn/);
  const profile = await put('/__admin/oab/schedule', '{"profile":"exchange2016"}');
  assert.equal(profile.status, 400);
  assert.match(
    ((await profile.json()) as { errors: Array<{ message: string }> }).errors[0].message,
    /unknown OAB schedule profile "exchange2016" \(exchange2010, exchange2013\)/,
  );
  const still = await post(ews(), resolve('Pat'));
  assert.match(await still.text(), /NoError/);
});

test('a request Exchange would take (under 64 MiB) but too long to parse is a SOAP fault, declared or chunked', async () => {
  const padded = resolve('Pat').replace('<soap:Body>', `<soap:Body>${' '.repeat(5_000_000)}`);
  for (const chunked of [false, true]) {
    const bytes = new TextEncoder().encode(padded);
    const body = chunked
      ? new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
            controller.close();
          },
        })
      : bytes;
    const r = await fetch(ews(), {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { authorization: basic(PAT), 'content-type': 'text/xml' },
    } as RequestInit);
    assert.equal(r.status, 500, chunked ? 'chunked' : 'declared');
    assert.match(
      await r.text(),
      /the request is too large \(more than 1000000 characters\).*ErrorSchemaValidation/,
    );
  }
});
