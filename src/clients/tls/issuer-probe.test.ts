import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { labPki } from '../../pki/lab';
import { publicRoots } from '../../pki/root-set';
import { probeIssuers } from './issuer-probe';

// probe-issuers must read any TLS 1.2 server, not only the Edge mock: here, openssl s_server.
let dir: string;
let server: ChildProcess;
let port: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const lab = await labPki();
  const roots = (await publicRoots()).slice(0, 300);
  writeFileSync(join(dir, 'cert.pem'), lab.edgeInternal.certPem + lab.issuingCa.certPem);
  writeFileSync(join(dir, 'key.pem'), lab.edgeInternal.keyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'roots.pem'), roots.map((r) => r.certPem).join(''));
  port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `127.0.0.1:${port}`,
      '-cert',
      join(dir, 'cert.pem'),
      '-key',
      join(dir, 'key.pem'),
      '-CAfile',
      join(dir, 'roots.pem'),
      '-Verify',
      '1',
      '-tls1_2',
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  // s_server prints ACCEPT once it listens: wait for that, not for a time.
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('ACCEPT')) resolve();
    });
    server.once('exit', (code) =>
      reject(new Error(`openssl s_server exited (${code}) before listening: ${out}`)),
    );
  });
});

after(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('reads all 300 names from openssl s_server, which does not truncate: over the 16 KB limit', async () => {
  const probe = await probeIssuers('127.0.0.1', port);
  assert.equal(probe.tlsVersion, 'TLSv1.2');
  assert.equal(probe.certificateRequested, true);
  assert.equal(probe.names.length, 300);
  assert.ok(probe.bytes > 16384);
  assert.equal(probe.limitStatus, 'over');
  assert.match(probe.names[0], /^C=\w\w, O=/);
});

test('the probe-issuers command prints the count, the bytes and the verdict', async () => {
  const out = await new Promise<string>((resolve) =>
    execFile(
      process.execPath,
      ['bin/lync-harness.js', 'probe-issuers', `127.0.0.1:${port}`],
      { cwd: join(__dirname, '../../..') },
      (_e, stdout, stderr) => resolve(stdout + stderr),
    ),
  );
  assert.match(out, /Acceptable client certificate CA names: 300/);
  assert.match(out, /Total bytes: \d+ of 16384 \(OVER the limit\)/);
});

test('a closed port gives an error, not a hang', async () => {
  await assert.rejects(probeIssuers('127.0.0.1', 1), /ECONNREFUSED/);
});
