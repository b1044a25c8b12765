import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminHeaders, type JournalEntry, type StartedMock } from '../admin';
import { startExchangeMock } from './index';
import { NS } from './soap';
import { basic, PAT, seedSample } from './test-fixtures';

let mock: StartedMock;
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

const ews = () => `${mock.urls.http}/EWS/Exchange.asmx`;
const resolve = (envelopeNs: string) =>
  `<s:Envelope xmlns:s="${envelopeNs}" xmlns:m="${NS.messages}"><s:Body><m:ResolveNames ReturnFullContactData="false">` +
  `<m:UnresolvedEntry>Pat</m:UnresolvedEntry></m:ResolveNames></s:Body></s:Envelope>`;
const post = (url: string, body: string, contentType?: string) =>
  fetch(url, {
    method: 'POST',
    body: new TextEncoder().encode(body),
    headers: { authorization: basic(PAT), ...(contentType ? { 'content-type': contentType } : {}) },
  });

test('EWS reads SOAP 1.1 as text/xml and answers in SOAP 1.1', { timeout: 60_000 }, async () => {
  const r = await post(ews(), resolve(NS.soap), 'text/xml; charset=utf-8');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/xml; charset=utf-8');
  const text = await r.text();
  assert.match(text, new RegExp(`<s:Envelope xmlns:s="${NS.soap}">`));
  assert.match(text, /<m:ResponseCode>NoError<\/m:ResponseCode>/);
});

test('EWS reads SOAP 1.2 as application/soap+xml and answers in SOAP 1.2', { timeout: 60_000 }, async () => {
  const type = 'application/soap+xml; charset=utf-8; action="ResolveNames"';
  const r = await post(ews(), resolve(NS.soap12), type);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/soap+xml; charset=utf-8');
  const text = await r.text();
  assert.match(text, new RegExp(`<s:Envelope xmlns:s="${NS.soap12}">`));
  assert.match(text, /<m:ResponseCode>NoError<\/m:ResponseCode>/);
  const fault = await (await post(ews(), '<s:Envelope', type)).text();
  assert.match(fault, /<s:Fault><s:Code><s:Value>s:Sender<\/s:Value><\/s:Code>/);
});

test("EWS refuses any other body type, or none, with WCF's 415 naming both types", {
  timeout: 60_000,
}, async () => {
  for (const type of ['application/json', undefined, 'text/plain', 'application/xml']) {
    const r = await post(
      ews(),
      type === 'application/json' ? '{"ResolveNames":"Pat"}' : resolve(NS.soap),
      type,
    );
    assert.equal(r.status, 415, String(type));
    assert.match(
      await r.text(),
      new RegExp(
        `^Cannot process the message because the content type '${type ?? ''}' was not the expected type 'text/xml; charset=utf-8'\\.$`,
      ),
    );
  }
  const journal = await fetch(`${mock.urls.admin}/__admin/journal?operation=ews.ResolveNames`, {
    headers: adminHeaders(),
  });
  const entries = ((await journal.json()) as { entries: JournalEntry[] }).entries;
  assert.equal(entries.filter((e) => e.outcome.status === 415).length, 4);
});

test('the credential prompt comes before the body type, as IIS authenticates before WCF reads', {
  timeout: 60_000,
}, async () => {
  const r = await fetch(ews(), {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(r.status, 401);
});

test('POX Autodiscover wants text/xml', { timeout: 60_000 }, async () => {
  const body =
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request>' +
    '<EMailAddress>pat.kim@xyz.corp</EMailAddress></Request></Autodiscover>';
  const ok = await post(mock.urls.autodiscover, body, 'text/xml');
  assert.match(await ok.text(), /<DisplayName>Pat Kim<\/DisplayName>/);
  for (const type of ['application/json', undefined]) {
    const r = await post(mock.urls.autodiscover, body, type);
    assert.equal(r.status, 415, String(type));
  }
});
