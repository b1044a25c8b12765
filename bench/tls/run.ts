// npm run bench:tls: mutual-TLS handshakes per second, and each server's CPU per handshake, against the
// Edge mock (300 trusted roots) and against `openssl s_server` with the same certificates, measured in
// alternating slices of one run; prints the ratios and the load average they were measured at.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { AdminClient } from '../../src/harness/admin-client';
import { edgeInstallBody, frontEndCredentials } from '../../src/pki/fixtures';
import { EDGE_FQDN, labPki } from '../../src/pki/lab';
import { publicRootGenerationMs, publicRoots } from '../../src/pki/root-set';
import { measureAlternating, type Target } from './handshakes';
import { cpuSeconds, freePort, startEdgeChild, startOpensslServer } from './servers';

// The Edge runs in a child process: it takes its admin token from here.
process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROOTS = 300;

async function main(): Promise<void> {
  const started = performance.now();
  await publicRoots();
  const lab = await labPki();
  console.log(
    `PKI: ${ROOTS}+ public roots in ${publicRootGenerationMs()} ms, lab total ${Math.round(performance.now() - started)} ms (ECDSA P-256)`,
  );
  const install = await edgeInstallBody(ROOTS);
  const fe = await frontEndCredentials();
  const client = {
    servername: EDGE_FQDN,
    cert: fe.credentials[0].chainPem,
    key: fe.credentials[0].keyPem,
    ca: lab.enterpriseRoot.certPem,
  };

  const edge = await startEdgeChild();
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
  let openssl: ChildProcess | undefined;
  try {
    const urls = edge.urls;
    const admin = new AdminClient(urls.admin);
    await admin.loadData(JSON.stringify(install), 'application/json');
    const mockTarget: Target = { host: '127.0.0.1', port: Number(new URL(urls.https).port), ...client };

    // openssl s_server: the same Edge certificate and key, the same 300 roots as its trust store.
    writeFileSync(join(dir, 'cert.pem'), lab.edgeInternal.certPem);
    writeFileSync(join(dir, 'chain.pem'), lab.issuingCa.certPem);
    writeFileSync(join(dir, 'key.pem'), install.keyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'roots.pem'), install.roots.join(''));
    const port = await freePort();
    openssl = await startOpensslServer(port, [
      ...['-cert', join(dir, 'cert.pem'), '-key', join(dir, 'key.pem')],
      ...['-cert_chain', join(dir, 'chain.pem'), '-CAfile', join(dir, 'roots.pem')],
      ...['-Verify', '1', '-tls1_2', '-quiet', '-no_cache'],
    ]);
    const opensslTarget: Target = { ...mockTarget, port };

    console.log(
      `Measuring ${SECONDS} s each in ${ROUNDS} alternating slices, ${CONCURRENCY} concurrent clients, full mutual-TLS 1.2 handshakes (no resumption); load average ${loadavg()[0].toFixed(1)}`,
    );
    const [anchor, mock] = await measureAlternating(
      [
        { target: opensslTarget, pid: openssl.pid as number },
        { target: mockTarget, pid: edge.child.pid as number },
      ],
      SECONDS,
      CONCURRENCY,
      ROUNDS,
      cpuSeconds,
    );
    const handshakes = await admin.journal({ operation: 'tls.handshake' });
    const accepted = handshakes.filter((e) => e.outcome.result === 'accepted').length;
    const line = (name: string, m: typeof mock) =>
      `${name}${m.perSecond.toFixed(0).padStart(6)} handshakes/s (${m.count}), ${m.cpuUsPerHandshake.toFixed(0)} µs of server CPU per handshake`;
    console.log(line('openssl s_server (anchor):', anchor));
    console.log(`${line(`Edge mock, ${ROOTS} roots:   `, mock)}; ${accepted} accepted in its journal window`);
    console.log(
      `ratio Edge mock / openssl s_server: throughput ${(mock.perSecond / anchor.perSecond).toFixed(2)}, CPU per handshake ${(mock.cpuUsPerHandshake / anchor.cpuUsPerHandshake).toFixed(2)} (load average ${loadavg()[0].toFixed(1)} at the end)`,
    );
  } finally {
    openssl?.kill();
    edge.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
