import type { Fault, JournalEntry } from '../../mocks/admin';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin/admin-token';
import { httpCall } from '../util/http-call';

/**
 * Talks to a mock's admin API over HTTP: the same in embedded and container mode. Every request carries
 * `Authorization: Bearer <token>`: the token given here, else LYNC_MOCK_ADMIN_TOKEN (read at each call),
 * else the one this process's own mocks made up.
 */
export class AdminClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const response = await httpCall(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token ?? adminToken()}`,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || isChunks(body)
            ? body
            : JSON.stringify(body),
    });
    const text = response.text();
    if (!response.ok) {
      const hint = response.status === 401 ? ` (is ${ADMIN_TOKEN_VARIABLE} the service's token?)` : '';
      throw new Error(
        `[admin ${this.baseUrl}] ${method} ${path} answered ${response.status}: ${errorText(text)}${hint}`,
      );
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  health() {
    return this.call<{ service: string; status: string; now: string }>('GET', '/__admin/health');
  }

  /** Journal entries from now on carry this correlation ID (the running scenario's). */
  setCorrelation(id: string) {
    return this.call('POST', '/__admin/correlation', { id });
  }

  reset(correlationId?: string) {
    return this.call('POST', '/__admin/reset', { correlationId });
  }

  async now(): Promise<Date> {
    return new Date((await this.call<{ now: string }>('GET', '/__admin/clock')).now);
  }

  setClock(now: Date) {
    return this.call('PUT', '/__admin/clock', { now: now.toISOString() });
  }

  advanceClock(ms: number) {
    return this.call('POST', '/__admin/clock/advance', { ms });
  }

  async journal(
    filter: { operation?: string; correlationId?: string; unmatched?: boolean } = {},
  ): Promise<JournalEntry[]> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) query.set(k, String(v));
    const q = query.toString();
    return (await this.call<{ entries: JournalEntry[] }>('GET', `/__admin/journal${q ? `?${q}` : ''}`))
      .entries;
  }

  injectFault(fault: Fault) {
    return this.call('POST', '/__admin/faults', fault);
  }

  async faults(): Promise<Fault[]> {
    return (await this.call<{ faults: Fault[] }>('GET', '/__admin/faults')).faults;
  }

  clearFaults() {
    return this.call('DELETE', '/__admin/faults');
  }

  /** Loads a service's data: a whole body, or its chunks as they are made (a tenant's forest, DirSync's export). */
  loadData(body: string | Iterable<string> | AsyncIterable<string>, contentType: string) {
    return this.call('PUT', '/__admin/data', body, contentType);
  }
}

function isChunks(body: unknown): body is Iterable<string> | AsyncIterable<string> {
  return (
    typeof body === 'object' &&
    body !== null &&
    (Symbol.iterator in body || Symbol.asyncIterator in body) &&
    !Array.isArray(body)
  );
}

/** The messages of an admin error reply (`{ errors: [{ message }] }`), or its text as sent. */
function errorText(text: string): string {
  try {
    const messages = (JSON.parse(text) as { errors?: Array<{ message: string }> }).errors?.map(
      (e) => e.message,
    );
    return messages?.join('; ') ?? text;
  } catch {
    return text.trim();
  }
}
