import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  issuerListShape,
  logsEvent36885,
  replicationBy16KbRule,
  replicaUpToDate,
  storeHoldsMoreThan,
} from './repl';

const sizes = (n: number) => Array.from({ length: n }, () => 133);

test('REPL-01/03: what the CertificateRequest carries, and when Schannel logs 36885', () => {
  assert.equal(issuerListShape({ os: 'windows2008r2' }, sizes(100)).value, 'every root');
  assert.equal(issuerListShape({ os: 'windows2008r2' }, sizes(300)).value, 'an issuer list cut at 16 KB');
  assert.equal(issuerListShape({ os: 'windows2012' }, sizes(300)).value, 'no issuer list');
  assert.equal(
    issuerListShape({ os: 'windows2008r2', sendTrustedIssuerListAtStart: 0 }, sizes(300)).value,
    'no issuer list',
  );
  assert.equal(logsEvent36885({ os: 'windows2008r2' }, sizes(300)).value, true);
  assert.equal(logsEvent36885({ os: 'windows2008r2' }, sizes(100)).value, false);
  assert.equal(logsEvent36885({ os: 'windows2012' }, sizes(300)).value, false);
});

test('REPL-01/02: a store past a count, and the replica status', () => {
  assert.equal(storeHoldsMoreThan(121, 120).value, true);
  assert.equal(storeHoldsMoreThan(120, 120).value, false);
  assert.equal(replicaUpToDate(replicationBy16KbRule({ os: 'windows2008r2' }, sizes(300), 299)).value, false);
  assert.equal(replicaUpToDate(replicationBy16KbRule({ os: 'windows2008r2' }, sizes(100), 99)).value, true);
  assert.equal(
    replicationBy16KbRule({ os: 'windows2012' }, sizes(10), 10).value,
    'fails',
    'a root outside the store',
  );
  assert.equal(replicationBy16KbRule({ os: 'windows2012' }, sizes(10), -1).value, 'fails');
  assert.equal(replicationBy16KbRule({ os: 'windows2012' }, sizes(10), 9).value, 'succeeds');
});
