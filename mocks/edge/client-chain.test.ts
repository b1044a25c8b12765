import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect } from 'node:tls';
import { edgeInstallBody } from '../../src/pki/fixtures';
import { EDGE_FQDN, labPki } from '../../src/pki/lab';
import { adminHeaders, type StartedMock } from '../admin';
import { startEdgeMock } from './index';

let edge: StartedMock;
before(async () => {
  edge = await startEdgeMock();
});
after(() => edge.stop());

/** One mutual-TLS handshake offering `certPem` (a leaf, or a leaf and its CA); the Edge's verdict from its journal. */
async function verdict(certPem: string, keyPem: string): Promise<{ result: string; reason?: string }> {
  const url = new URL(edge.urls.https);
  await new Promise<void>((resolve) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port),
      servername: EDGE_FQDN,
      cert: certPem,
      key: keyPem,
      rejectUnauthorized: false,
    });
    socket.on('secureConnect', () => socket.end());
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
  const { entries } = (await (
    await fetch(`${edge.urls.admin}/__admin/journal?operation=tls.handshake`, { headers: adminHeaders() })
  ).json()) as { entries: Array<{ outcome: { result: string; reason?: string } }> };
  return entries[entries.length - 1].outcome;
}

test("the client's own chain reaches the store: without the issuing CA on the Edge, sent is accepted, leaf alone refused", async () => {
  const lab = await labPki();
  // The Edge's certificate without its issuing CA: its Intermediate CA store is empty.
  const install = { ...(await edgeInstallBody(100, 'windows2012')), certPem: lab.edgeInternal.certPem };
  const put = await fetch(`${edge.urls.admin}/__admin/data`, {
    method: 'PUT',
    body: JSON.stringify(install),
    headers: adminHeaders(),
  });
  assert.equal(put.status, 200, await put.text());
  const withChain = await verdict(lab.frontEnd.certPem + lab.issuingCa.certPem, lab.frontEnd.keyPem);
  assert.equal(withChain.result, 'accepted', JSON.stringify(withChain));
  const leafAlone = await verdict(lab.frontEnd.certPem, lab.frontEnd.keyPem);
  assert.equal(leafAlone.result, 'refused');
  assert.match(leafAlone.reason ?? '', /no trusted root issued ".*Issuing/);
});
