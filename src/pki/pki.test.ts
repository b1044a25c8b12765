import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { edgeRootStore, labPki } from './lab';
import { PUBLIC_ROOT_COUNT, publicRootGenerationMs, publicRoots } from './root-set';

test('the public root set: 330 unique roots whose subject names average about 135 DER bytes', async (t) => {
  const roots = await publicRoots();
  t.diagnostic(`generated ${PUBLIC_ROOT_COUNT} ECDSA P-256 roots in ${publicRootGenerationMs()} ms`);
  assert.equal(roots.length, PUBLIC_ROOT_COUNT);
  assert.equal(new Set(roots.map((r) => r.subject)).size, roots.length);
  const sizes = roots.map((r) => r.subjectDer.length);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  t.diagnostic(
    `subject DER bytes: min ${Math.min(...sizes)}, mean ${mean.toFixed(1)}, max ${Math.max(...sizes)}`,
  );
  assert.ok(mean > 128 && mean < 142, `mean ${mean}`);
  assert.ok(Math.min(...sizes) < 80 && Math.max(...sizes) > 200, 'a realistic spread of name sizes');
  assert.equal(await publicRoots(), await publicRoots(), 'made once per process');
});

test("the Edge store puts ABC Corp's root last; 120 roots fit in 16 KB of names, 121 do not", async () => {
  const fits = async (n: number) =>
    (await edgeRootStore(n)).reduce((sum, r) => sum + r.subjectDer.length + 2, 0) <= 16384;
  const store = await edgeRootStore(121);
  assert.equal(store.length, 121);
  assert.equal(store[120].label, 'ABC Corp Enterprise Root CA');
  assert.equal(await fits(120), true);
  assert.equal(await fits(121), false);
  await assert.rejects(edgeRootStore(400), /1\.\.331/);
});

test('openssl verifies the lab chains: Front End and Edge under ABC Corp, the registrar under the public CA', async () => {
  const lab = await labPki();
  const dir = mkdtempSync(join(tmpdir(), 'pki-'));
  try {
    const file = (name: string, pem: string) => {
      writeFileSync(join(dir, name), pem);
      return join(dir, name);
    };
    const verify = (args: string[]) =>
      new Promise<string>((resolve) =>
        execFile('openssl', ['verify', ...args], (_e, out, err) => resolve(out + err)),
      );
    const abc = [
      '-CAfile',
      file('abc.pem', lab.enterpriseRoot.certPem),
      '-untrusted',
      file('ica.pem', lab.issuingCa.certPem),
    ];
    assert.match(await verify([...abc, file('fe.pem', lab.frontEnd.certPem)]), /fe\.pem: OK/);
    assert.match(await verify([...abc, '-purpose', 'sslclient', file('fe.pem', lab.frontEnd.certPem)]), /OK/);
    const pub = ['-CAfile', file('root.pem', lab.factoryRoots[0].certPem)];
    assert.match(
      await verify([
        ...pub,
        '-untrusted',
        file('int.pem', lab.publicIntermediate.certPem),
        file('reg.pem', lab.registrarViaIntermediate.certPem),
      ]),
      /reg\.pem: OK/,
    );
    assert.match(
      await verify([...pub, file('reg.pem', lab.registrarViaIntermediate.certPem)]),
      /unable to get local issuer certificate/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
