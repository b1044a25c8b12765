import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issuerListStore, replicationByStores } from './repl-stores';

const sizes = (n: number) => Array.from({ length: n }, () => 133);
const stores = (clientAuthIssuers: number, intermediate = 0) => ({
  root: 0,
  intermediate,
  clientAuthIssuers,
});

test('REPL-04: the store that feeds the issuer list', () => {
  const store = (os: 'windows2008r2' | 'windows2012', clientAuth: number) =>
    issuerListStore({ os }, stores(clientAuth)).value;
  assert.equal(store('windows2008r2', 0), 'Trusted Root Certification Authorities');
  assert.equal(
    store('windows2008r2', 5),
    'Trusted Root Certification Authorities',
    '2008 R2 has no such choice',
  );
  assert.equal(
    store('windows2012', 0),
    'Trusted Root Certification Authorities',
    'an empty store is passed over',
  );
  assert.equal(store('windows2012', 1), 'Client Authentication Issuers');
  assert.deepEqual(issuerListStore({ os: 'windows2012' }, stores(1)).rules, ['REPL-04']);
  assert.deepEqual(issuerListStore({ os: 'windows2012' }, stores(0)).rules, ['REPL-04']);
});

test("REPL-04: only the listed store's size counts, with the Front End's root last in it", () => {
  const edge = { os: 'windows2008r2' as const };
  assert.equal(replicationByStores(edge, stores(0), sizes(119)).value, 'succeeds', '119 names fit in 16 KB');
  assert.equal(replicationByStores(edge, stores(0), sizes(125)).value, 'fails', 'the last one fell off');
  assert.equal(
    replicationByStores(edge, stores(0, 5000), sizes(119)).value,
    'succeeds',
    'intermediates aside',
  );
  const decided = replicationByStores(edge, stores(0), sizes(125));
  assert.deepEqual(decided.rules, ['REPL-04', 'REPL-01']);
  assert.equal(
    replicationByStores({ os: 'windows2008r2', sendTrustedIssuerListAtStart: 0 }, stores(0), sizes(300))
      .value,
    'succeeds',
    'no list sent, nothing cut',
  );
});
