import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { ADMIN_TOKEN_VARIABLE, adminToken, BRIDGED_CONTAINER_VARIABLE } from '../../../mocks/admin';
import { OWNER_LABEL, own, removeContainer } from './cleanup';
import { dockerApi } from './docker-api';
import { LogTail } from './log-tail';
import { healthy, readyLineOf } from './ready-wait';

/**
 * How a mock container reaches the host:
 * - `host` (the default): the host's network; the service binds the host's loopback and its ready
 *   line names ports the harness reaches as they are. Docker Engine on Linux only.
 * - `bridge`: the container's own network (Docker Desktop, where `host` is not the machine's
 *   loopback). The service listens on fixed ports of its own interface and Docker publishes each on
 *   the host's 127.0.0.1 only, on a port Docker picks.
 */
export type ContainerNetwork = 'host' | 'bridge';

export const CONTAINER_NETWORK_VARIABLE = 'LYNC_HARNESS_CONTAINER_NETWORK';

/** The network `LYNC_HARNESS_CONTAINER_NETWORK` asks for (`host` when unset); anything else is an error. */
export function containerNetwork(value = process.env[CONTAINER_NETWORK_VARIABLE]): ContainerNetwork {
  if (value === undefined || value === '' || value === 'host') return 'host';
  if (value === 'bridge') return 'bridge';
  throw new Error(`[containers] ${CONTAINER_NETWORK_VARIABLE} must be host or bridge, got "${value}"`);
}

/** The container ports a bridged service listens on: serve-one's --port, --admin-port, --sip-port. */
export const BRIDGE_PORTS = { port: 10000, adminPort: 10001, sipPort: 10002 };

export interface MockContainerSpec {
  image: string;
  /** The registered service the image starts (`ldap-online`). */
  kind: string;
  /** The harness's name for this instance (`tenant/exchange`). */
  name: string;
  network: ContainerNetwork;
  startupMs?: number;
  /** More `NAME=value` variables, and `host:container[:ro]` bind mounts (a Samba DC's). */
  env?: string[];
  binds?: string[];
}

/**
 * One mock service in a container of the mock image, started through the Docker Engine API: labelled
 * with the owning process (container/cleanup.ts removes it on stop, Ctrl-C, SIGTERM, exit, or in the
 * next run; no Ryuk), its URLs read from its ready line and, on a bridge, turned into the host's
 * published ports.
 */
export class MockContainer {
  private constructor(
    readonly id: string,
    readonly urls: Record<string, string>,
    readonly log: LogTail,
  ) {}

  static async start(spec: MockContainerSpec): Promise<MockContainer> {
    const deadline = Date.now() + (spec.startupMs ?? 30_000);
    const container = await dockerApi().createContainer(createOptions(spec));
    own(container.id);
    try {
      await container.start();
      const [forReady, forTail] = [new PassThrough(), new PassThrough()];
      await followLog(container, [forReady, forTail]);
      const log = new LogTail(forTail);
      const ready = await readyLineOf(spec.name, forReady, deadline);
      forReady.resume();
      const urls =
        spec.network === 'bridge'
          ? publishedUrls(ready.urls, (await container.inspect()).NetworkSettings.Ports ?? {})
          : ready.urls;
      await healthy(spec.name, urls.admin, deadline);
      return new MockContainer(container.id, urls, log);
    } catch (error) {
      await removeContainer(container.id);
      throw error;
    }
  }

  /** Whether Docker still has the container running (false once it exited or was removed). */
  async running(): Promise<boolean> {
    try {
      return (await dockerApi().getContainer(this.id).inspect()).State.Running;
    } catch {
      return false;
    }
  }

  /** How the container ended, for the error that says a service died ("exited with status 137"). */
  async exit(): Promise<string> {
    try {
      const { State } = await dockerApi().getContainer(this.id).inspect();
      return `exited with status ${State.ExitCode}${State.OOMKilled ? ' (out of memory)' : ''}`;
    } catch {
      return 'exited'; // Already removed: the log lines still tell what happened.
    }
  }

  stop(): Promise<void> {
    return removeContainer(this.id);
  }
}

function createOptions(spec: MockContainerSpec): Dockerode.ContainerCreateOptions {
  const bridge = spec.network === 'bridge';
  const ports = Object.values(BRIDGE_PORTS).map((p) => `${p}/tcp`);
  return {
    Image: spec.image,
    Cmd: bridge
      ? [
          spec.kind,
          '--host',
          '0.0.0.0',
          ...Object.entries(BRIDGE_PORTS).flatMap(([o, p]) => [flag(o), `${p}`]),
        ]
      : [spec.kind],
    Env: [
      `${ADMIN_TOKEN_VARIABLE}=${adminToken()}`,
      ...(bridge ? [`${BRIDGED_CONTAINER_VARIABLE}=1`] : []),
      ...(spec.env ?? []),
    ],
    Labels: { [OWNER_LABEL]: String(process.pid), 'lync-harness.service': spec.name },
    ...(bridge ? { ExposedPorts: Object.fromEntries(ports.map((p) => [p, {}])) } : {}),
    HostConfig: {
      NetworkMode: spec.network,
      ...(spec.binds?.length ? { Binds: spec.binds } : {}),
      // Published on the host's loopback only, each on a port Docker picks.
      ...(bridge
        ? { PortBindings: Object.fromEntries(ports.map((p) => [p, [{ HostIp: '127.0.0.1' }]])) }
        : {}),
    },
  };
}

/** `adminPort` -> `--admin-port`. */
function flag(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Follows the container's output (stdout and stderr, demultiplexed) into each of `into`. */
async function followLog(container: Dockerode.Container, into: PassThrough[]): Promise<void> {
  const stream = await container.logs({ follow: true, stdout: true, stderr: true });
  const both = new PassThrough();
  dockerApi().modem.demuxStream(stream, both, both);
  stream.on('end', () => both.end());
  stream.on('error', () => both.end());
  both.on('data', (chunk: Buffer) => {
    for (const out of into) out.write(chunk);
  });
  both.on('end', () => {
    for (const out of into) out.end();
  });
}

type PortMap = Record<string, Array<{ HostIp: string; HostPort: string }> | null>;

/**
 * The URLs a bridged service announced (its own interface, a container port) as the host reaches
 * them: 127.0.0.1 and the port Docker published for that container port.
 */
export function publishedUrls(announced: Record<string, string>, ports: PortMap): Record<string, string> {
  if (!Object.values(ports).some((bindings) => bindings?.length))
    throw new Error(
      `[containers] Docker published none of the service's ports: this engine has no bridge network ` +
        `(dockerd --bridge=none?); use ${CONTAINER_NETWORK_VARIABLE}=host`,
    );
  return Object.fromEntries(
    Object.entries(announced).map(([name, value]) => {
      const url = new URL(value);
      const published = ports[`${url.port}/tcp`]?.find((b) => b.HostIp === '127.0.0.1');
      if (!published)
        throw new Error(
          `[containers] ${name} (${value}): container port ${url.port} is not published on 127.0.0.1`,
        );
      url.hostname = '127.0.0.1';
      url.port = published.HostPort;
      return [name, url.toString().replace(/\/$/, value.endsWith('/') ? '/' : '')];
    }),
  );
}
