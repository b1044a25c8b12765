/**
 * The contract every mock follows: `start({ host: '127.0.0.1', port: 0, ... })` resolves to a
 * StartedMock whose URLs are real loopback endpoints and whose admin API is plain HTTP.
 */
export interface MockOptions {
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: string;
  /** 0 (default) picks an ephemeral port. */
  port?: number;
  /** Port of the admin API; 0 (default) picks an ephemeral port. */
  adminPort?: number;
  /** Port of a TLS/SIP listener of its own (the pool's registrar); 0 (default) picks an ephemeral port. */
  sipPort?: number;
}

export interface StartedMock {
  name: string;
  /** The service's endpoints (e.g. `ldap`, `http`, `tls`) and `admin`. */
  urls: Record<string, string>;
  /** The bearer token its admin API takes (LYNC_MOCK_ADMIN_TOKEN, or the one this process made up). */
  adminToken?: string;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Set by the harness on a mock container on a bridge network (Docker Desktop): the container's own
 * network namespace, whose ports Docker publishes on the host's 127.0.0.1 only.
 */
export const BRIDGED_CONTAINER_VARIABLE = 'LYNC_MOCK_BRIDGED_CONTAINER';

/**
 * Refuses any bind address that is not loopback: mocks never listen on a shared network. The one
 * exception is 0.0.0.0 in a bridged mock container, where Docker forwards to the container's own
 * interface: the variable above is set and the mock is the container's first process (pid 1), which
 * a mock process on a host never is.
 */
export function loopbackHost(host: string | undefined): string {
  const chosen = host ?? '127.0.0.1';
  if (chosen === '0.0.0.0' && process.env[BRIDGED_CONTAINER_VARIABLE] === '1' && process.pid === 1)
    return chosen;
  if (!LOOPBACK.has(chosen))
    throw new Error(`[mock] refusing to bind ${chosen}: mocks listen on loopback only`);
  return chosen === 'localhost' ? '127.0.0.1' : chosen;
}

export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
