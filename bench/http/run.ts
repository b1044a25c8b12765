/**
 * `npm run bench:http [-- <checkout>...]`: the server CPU one request costs an HTTP mock (Lync Online:
 * the admin API's health and clock, a UCWA search, a UCWA POST with a body), measured in the mock's own
 * process over a keep-alive loopback connection. Given other checkouts (another commit's worktree),
 * it starts the same mock from each and alternates their rounds, so a before/after shares the machine's
 * load; it prints each one's median of ROUNDS and the ratio to the first.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { AdminClient } from '../../src/harness/admin-client';

const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
const WARMUP = 300;
const ROUNDS = 5;
const TOKEN = 'bench-http-token';
const ME = 'sip:anna.berg@xyz.corp';
const UCWA = `/ucwa/oauth/v1/applications/${encodeURIComponent(ME)}`;

interface Server {
  project: string;
  child: ChildProcess;
  base: URL;
  agent: Agent;
  admin: AdminClient;
}

interface Call {
  name: string;
  send(server: Server): Promise<unknown>;
}

const CALLS: Call[] = [
  { name: 'health', send: (server) => server.admin.health() },
  { name: 'clock', send: (server) => server.admin.now() },
  { name: 'UCWA search', send: (server) => ucwa(server, 'GET', 'people/search?query=person%2012') },
  {
    name: 'UCWA message (POST)',
    send: (server) =>
      ucwa(server, 'POST', 'communication/messaging', '{"to":"sip:person.7@xyz.corp","text":"hi"}'),
  },
];

async function main(): Promise<void> {
  const projects = process.argv.slice(2).map((p) => resolve(p));
  if (projects.length === 0) projects.push(join(__dirname, '..', '..'));
  const servers: Server[] = [];
  try {
    for (const project of projects) servers.push(await start(project));
    console.log(`bench:http  Lync Online mock, ${REQUESTS} requests a round; load ${load()}`);
    for (const call of CALLS) {
      const rounds = servers.map(() => [] as number[]);
      for (let r = 0; r < ROUNDS; r++)
        for (const [i, server] of servers.entries()) rounds[i].push(await round(server, call));
      const medians = rounds.map(median);
      servers.forEach((server, i) => {
        const ratio = i === 0 ? '' : `  ${(medians[i] / medians[0]).toFixed(2)}x the first`;
        const each = rounds[i].map((x) => x.toFixed(0)).join(' ');
        console.log(
          `${call.name.padEnd(22)}${`${medians[i].toFixed(0)} us`.padStart(8)}${ratio.padEnd(18)}  [${each}]  ${server.project}`,
        );
      });
    }
    console.log(`server CPU per request, median of ${ROUNDS} rounds; load after: ${load()}`);
  } finally {
    for (const server of servers) {
      server.agent.destroy();
      server.child.disconnect();
    }
  }
}

async function start(project: string): Promise<Server> {
  const profile = process.env.BENCH_HTTP_PROFILE;
  const child = fork(join(__dirname, 'server-child.ts'), ['lync-online'], {
    execArgv: [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      '--require',
      join(__dirname, '..', '..', 'scripts', 'register-ts.js'),
    ],
    env: { ...process.env, BENCH_PROJECT: project, LYNC_MOCK_ADMIN_TOKEN: TOKEN },
  });
  const { urls } = (await next(child)) as { urls: { http: string; admin: string } };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const server = {
    project,
    child,
    base: new URL(urls.http),
    agent,
    admin: new AdminClient(urls.admin, TOKEN),
  };
  await server.admin.loadData(directory(), 'application/json');
  return server;
}

/** Server CPU (user + system) per request over one round of REQUESTS, after a warm-up. */
async function round(server: Server, call: Call): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await call.send(server);
  const before = await cpu(server.child);
  for (let i = 0; i < REQUESTS; i++) await call.send(server);
  const after = await cpu(server.child);
  return (after.user + after.system - before.user - before.system) / REQUESTS;
}

function directory(): string {
  const people = [{ name: 'Anna Berg', mail: 'anna.berg@xyz.corp', sip: ME, kind: 'user' }];
  for (let i = 0; i < 200; i++)
    people.push({
      name: `Person ${i}`,
      mail: `person.${i}@xyz.corp`,
      sip: `sip:person.${i}@xyz.corp`,
      kind: i % 2 ? 'user' : 'contact',
    });
  return JSON.stringify({ people });
}

/** A UCWA request of the signed-in user, over the bench's own kept-alive connection. */
function ucwa(server: Server, method: string, resource: string, body?: string): Promise<void> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
    const options = { agent: server.agent, method, path: `${UCWA}/${resource}`, headers };
    const req = request(server.base, options, (res) => {
      res.resume();
      // A message to someone signed in nowhere is a 480, as Lync answers it: an answer all the same.
      res.on('end', () =>
        (res.statusCode ?? 500) < 500 ? done() : fail(new Error(`${method} ${resource}: ${res.statusCode}`)),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

function cpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  child.send('cpu');
  return next(child).then((m) => (m as { cpu: NodeJS.CpuUsage }).cpu);
}

function next(child: ChildProcess): Promise<unknown> {
  return new Promise((done, fail) => {
    const onExit = (code: number | null) => fail(new Error(`the mock process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      done(message);
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

main().catch((error) => {
  console.error(`bench:http: ${error.stack ?? error}`);
  process.exitCode = 1;
});
