import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { buildShape, SHAPES } from '../../test/export-shapes/shapes';

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'lync-harness.js');

/** What each printed command's answer must show: the tenant's data, from the service it names. */
const EXPECTED: Array<[RegExp, RegExp]> = [
  [/^ldapsearch /, /^dn: CN=.*^mail: /ms],
  [/autodiscover\.xml$/, /<OABUrl>http:\/\/127\.0\.0\.1:\d+\/OAB\//],
  [/ResolveNames/, /<m:ResponseCode>NoError<\/m:ResponseCode>.*<t:Name>/s],
  [/oab\.xml$/, /<Full seq="\d+"[^>]*>[^<]+-data-\d+\.lzx<\/Full>/],
  [/people\/search/, /"kind":"contact"/],
  [/CertProvisioningService/, /-----BEGIN CERTIFICATE-----/],
  [/^openssl s_client/, /Acceptable client certificate CA names/],
  [/probe-issuers/, /Acceptable client certificate CA names: \d+/],
];

/** Starts `serve` on a tenant and resolves with its output once every service is up. */
async function serve(args: string[]): Promise<{ out: string; stop(): void }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('press Ctrl-C')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return { out, stop: () => child.kill('SIGINT') };
}

it("serve seeds every service from a user's export and each printed command works as printed", async () => {
  const shape = buildShape(SHAPES.find((s) => s.name === 'other-tenant')!);
  const dir = mkdtempSync(join(tmpdir(), 'lh-serve-'));
  const tenants = shape.files.flatMap((file) => {
    writeFileSync(join(dir, file.name), file.bytes);
    return ['--tenant', `${file.role}=${join(dir, file.name)}`];
  });
  const served = await serve(tenants);
  try {
    const lines = served.out
      .split('\n')
      .filter((l) => l.trim().startsWith('try '))
      .map((l) => l.trim().replace(/^try\s+/, ''));
    for (const [command] of EXPECTED)
      assert.ok(
        lines.some((l) => command.test(l)),
        `serve printed no command matching ${command}:\n${served.out}`,
      );
    for (const line of lines) {
      const expected = EXPECTED.find(([command]) => command.test(line))?.[1];
      assert.ok(expected, `an unexpected command was printed: ${line}`);
      const { stdout, stderr } = await run('sh', ['-c', line], { cwd: join(__dirname, '..', '..') }).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
      assert.match(`${stdout}\n${stderr}`, expected, line);
      // The Edge and the pool carry the run's lab certificates (ABC's); the directory services the user's data.
      if (/^ldapsearch|-u '|people\/search/.test(line))
        assert.doesNotMatch(stdout, /abc\.corp|xyz\.corp/, `the sample's data answered: ${line}`);
    }
    assert.match(served.out, /corp\.contoso\.com/);
  } finally {
    served.stop();
  }
});
