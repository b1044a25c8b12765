import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRIDGED_CONTAINER_VARIABLE, loopbackHost } from '../../../mocks/admin';
import { containerNetwork, publishedUrls } from './mock-container';

test('a bridged service: the URLs it announced become the ports Docker published on 127.0.0.1', () => {
  const announced = {
    http: 'http://0.0.0.0:10000',
    autodiscover: 'http://0.0.0.0:10000/autodiscover/autodiscover.xml',
    sip: 'sips://0.0.0.0:10002',
    admin: 'http://0.0.0.0:10001',
  };
  const ports = {
    '10000/tcp': [{ HostIp: '127.0.0.1', HostPort: '32768' }],
    '10001/tcp': [{ HostIp: '127.0.0.1', HostPort: '32769' }],
    '10002/tcp': [{ HostIp: '127.0.0.1', HostPort: '32770' }],
  };
  assert.deepEqual(publishedUrls(announced, ports), {
    http: 'http://127.0.0.1:32768',
    autodiscover: 'http://127.0.0.1:32768/autodiscover/autodiscover.xml',
    sip: 'sips://127.0.0.1:32770',
    admin: 'http://127.0.0.1:32769',
  });
});

test('a port published on another address than loopback is not used', () => {
  const ports = { '10001/tcp': [{ HostIp: '0.0.0.0', HostPort: '32769' }] };
  assert.throws(
    () => publishedUrls({ admin: 'http://0.0.0.0:10001' }, ports),
    /not published on 127\.0\.0\.1/,
  );
});

test('an engine without a bridge network publishes nothing: the error says so and what to use', () => {
  assert.throws(
    () => publishedUrls({ admin: 'http://0.0.0.0:10001' }, { '10001/tcp': null }),
    /published none of the service's ports: this engine has no bridge network .*CONTAINER_NETWORK=host/,
  );
});

test('the network is host unless bridge is asked for; anything else is an error', () => {
  assert.equal(containerNetwork(undefined), 'host');
  assert.equal(containerNetwork('bridge'), 'bridge');
  assert.throws(() => containerNetwork('overlay'), /must be host or bridge, got "overlay"/);
});

test('on a host, a mock refuses 0.0.0.0 even with the bridged-container variable set (it is no pid 1)', () => {
  const given = process.env[BRIDGED_CONTAINER_VARIABLE];
  process.env[BRIDGED_CONTAINER_VARIABLE] = '1';
  try {
    assert.throws(() => loopbackHost('0.0.0.0'), /refusing to bind 0\.0\.0\.0/);
    assert.throws(() => loopbackHost('10.0.0.5'), /loopback only/);
    assert.equal(loopbackHost('::1'), '::1');
  } finally {
    if (given === undefined) delete process.env[BRIDGED_CONTAINER_VARIABLE];
    else process.env[BRIDGED_CONTAINER_VARIABLE] = given;
  }
});
