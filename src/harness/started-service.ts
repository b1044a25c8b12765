import type { AdminClient } from './admin-client';

/** A mock service the harness started, in a process or a container of its own. */
export interface StartedService {
  name: string;
  urls: Record<string, string>;
  admin: AdminClient;
  stop(): Promise<void>;
  /** Why the service's process (or container) is gone ("died mid-run", its last log lines), if it is. */
  death(): Promise<Error | undefined>;
  /** Test-only: kills the service's process outright, as a crash would; resolves once it is gone. */
  kill?(): Promise<void>;
}

export type ServiceMode = 'embedded' | 'containers';
