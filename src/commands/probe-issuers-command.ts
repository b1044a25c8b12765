import { probeIssuers } from '../clients/tls/issuer-probe';
import { UsageError } from './usage-error';

const HELP = `Usage: lync-harness probe-issuers HOST:PORT [--servername NAME] [--names] [--json]

Starts a TLS 1.2 handshake with HOST:PORT (an Edge's replication port 4443, or any TLS 1.2 server),
reads the trusted issuer list in the server's CertificateRequest and hangs up before sending anything
of its own. Prints how many CA names the server sends, their total size in bytes, and whether the list
is at or over Schannel's 16 KB limit (past it, Schannel truncates the list and clients whose issuer
fell off send no certificate: KB931125 / KB2801679).

  --servername NAME  the SNI name to send (default: HOST when it is a name)
  --names            also print every CA name
  --json             print the result as JSON

Exit status: 0 the list was read, 1 the server could not be reached or refused TLS 1.2, 2 usage.`;

export async function probeIssuersCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const { host, port, servername, names, json } = parseArgs(args);
  let probe: Awaited<ReturnType<typeof probeIssuers>>;
  try {
    probe = await probeIssuers(host, port, servername);
  } catch (error) {
    console.error(`lync-harness probe-issuers: ${(error as Error).message.replace(/^\[probe\] /, '')}`);
    return 1;
  }
  if (json) {
    console.log(JSON.stringify({ server: `${host}:${port}`, count: probe.names.length, ...probe }, null, 2));
    return 0;
  }
  console.log(`${host}:${port} (${probe.tlsVersion})`);
  if (!probe.certificateRequested) {
    console.log('The server does not ask for a client certificate.');
    return 0;
  }
  const verdict = {
    under: 'under the limit',
    at: 'AT the limit: Schannel has probably truncated the list',
    over: 'OVER the limit',
  }[probe.limitStatus];
  console.log(`Acceptable client certificate CA names: ${probe.names.length}`);
  console.log(`Total bytes: ${probe.bytes} of ${probe.limit} (${verdict})`);
  if (probe.names.length === 0)
    console.log('No CA names sent (SendTrustedIssuerList=0 or no roots configured).');
  if (names)
    for (const [i, name] of probe.names.entries()) console.log(`  ${String(i + 1).padStart(3)}. ${name}`);
  return 0;
}

function parseArgs(args: string[]) {
  let target: string | undefined;
  let servername: string | undefined;
  let names = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--names') names = true;
    else if (arg === '--json') json = true;
    else if (arg === '--servername') servername = args[++i];
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (target) throw new UsageError(`one HOST:PORT only, got ${target} and ${arg}`);
    else target = arg;
  }
  const match = target?.match(/^\[?([^\]]+?)\]?:(\d{1,5})$/);
  if (!match)
    throw new UsageError(`expected HOST:PORT (e.g. edge01.abc.corp:4443), got ${target ?? 'nothing'}`);
  const port = Number(match[2]);
  if (port < 1 || port > 65535) throw new UsageError(`the port must be 1..65535, got ${port}`);
  return { host: match[1], port, servername, names, json };
}
