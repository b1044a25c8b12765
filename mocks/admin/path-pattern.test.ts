import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathIs } from './path-pattern';

const on = (url: string) => ({ request: new Request(url) });

test('a path template matches the path only, on any host, and hands its segments decoded', () => {
  const search = pathIs('/ucwa/oauth/v1/applications/:me/people/search');
  assert.deepEqual(
    search(on('http://[::1]:4444/ucwa/oauth/v1/applications/sip%3Apat%40xyz.corp/people/search?q=1')),
    {
      matches: true,
      params: { me: 'sip:pat@xyz.corp' },
    },
  );
  assert.equal(search(on('http://127.0.0.1/ucwa/oauth/v1/applications/a/b/people/search')).matches, false);
  assert.equal(search(on('http://127.0.0.1/ucwa/oauth/v1/applications/a/people/search/more')).matches, false);
  assert.equal(search(on('http://127.0.0.1/UCWA/oauth/v1/applications/a/people/search')).matches, false);
});

test('the rest of a template is literal: a dot is a dot', () => {
  const svc = pathIs('/CertProv/CertProvisioningService.svc');
  assert.equal(svc(on('http://127.0.0.1/CertProv/CertProvisioningService.svc')).matches, true);
  assert.equal(svc(on('http://127.0.0.1/CertProv/CertProvisioningServiceXsvc')).matches, false);
});
