// npm run bench:tls — mutual-TLS handshakes per second against the Edge mock (300 trusted roots) and
// against `openssl s_server` with the same certificates, in the same run; prints the ratio.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN_VARIABLE, adminHeaders, adminToken } from '../../mocks/admin';
import { edgeInstallBody, frontEndCredentials } from '../../src/pki/fixtures';
import { EDGE_FQDN, labPki } from '../../src/pki/lab';
import { publicRootGenerationMs, publicRoots } from '../../src/pki/root-set';
import { handshake, measure, type Target } from './handshakes';

// The Edge runs in a child process: it takes its admin token from here.
process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
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
    const loaded = await fetch(`${urls.admin}/__admin/data`, {
      method: 'PUT',
      body: JSON.stringify(install),
      headers: adminHeaders(),
    });
    if (!loaded.ok) throw new Error(`loading the Edge failed: ${await loaded.text()}`);
    const mockTarget: Target = { host: '127.0.0.1', port: Number(new URL(urls.https).port), ...client };

    // openssl s_server: the same Edge certificate and key, the same 300 roots as its trust store.
    writeFileSync(join(dir, 'cert.pem'), lab.edgeInternal.certPem);
    writeFileSync(join(dir, 'chain.pem'), lab.issuingCa.certPem);
    writeFileSync(join(dir, 'key.pem'), install.keyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'roots.pem'), install.roots.join(''));
    const port = 30000 + Math.floor(Math.random() * 20000);
    openssl = spawn(
      'openssl',
      [
        's_server',
        '-accept',
        `127.0.0.1:${port}`,
        '-cert',
        join(dir, 'cert.pem'),
        '-key',
        join(dir, 'key.pem'),
        '-cert_chain',
        join(dir, 'chain.pem'),
        '-CAfile',
        join(dir, 'roots.pem'),
        '-Verify',
        '1',
        '-tls1_2',
        '-quiet',
        '-no_cache',
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const opensslTarget: Target = { ...mockTarget, port };
    await waitFor(() => handshake(opensslTarget));

    console.log(
      `Measuring ${SECONDS} s each, ${CONCURRENCY} concurrent clients, full mutual-TLS 1.2 handshakes (no resumption)...`,
    );
    const anchor = await measure(opensslTarget, SECONDS, CONCURRENCY);
    const mock = await measure(mockTarget, SECONDS, CONCURRENCY);
    const journal = (await (
      await fetch(`${urls.admin}/__admin/journal?operation=tls.handshake`, { headers: adminHeaders() })
    ).json()) as {
      entries: Array<{ outcome: { result: string } }>;
    };
    const accepted = journal.entries.filter((e) => e.outcome.result === 'accepted').length;
    console.log(`openssl s_server (anchor): ${anchor.perSecond.toFixed(0)} handshakes/s (${anchor.count})`);
    console.log(
      `Edge mock, ${ROOTS} roots:   ${mock.perSecond.toFixed(0)} handshakes/s (${mock.count}; ${accepted} accepted in its journal window)`,
    );
    console.log(`ratio Edge mock / openssl s_server: ${(mock.perSecond / anchor.perSecond).toFixed(2)}`);
  } finally {
    openssl?.kill();
    edge.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

function startEdgeChild(): Promise<{ child: ChildProcess; urls: Record<string, string> }> {
  const child = spawn(process.execPath, ['--require', 'ts-node/register', join(__dirname, 'edge-child.ts')], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (line: Buffer) => resolve({ child, urls: JSON.parse(line.toString()) }));
    child.once('exit', (code) => reject(new Error(`the Edge mock exited (${code})`)));
  });
}

async function waitFor(attempt: () => Promise<unknown>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return void (await attempt());
    } catch (error) {
      if (i > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
