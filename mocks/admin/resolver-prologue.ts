import { setTimeout as sleep } from 'node:timers/promises';
import { HttpResponse } from 'msw';
import type { FaultPlan } from './faults';
import type { FaultReplies } from './http-faults';
import { excerpt, type Journal } from './journal';

/** Who is calling, or the answer that refuses them (journaled with the sign-in name tried). */
export type Authentication<Caller> = { caller: Caller } | { denied: Response; login?: string };

/** What a service's resolvers share before they answer: its faults, its journal, its sign-in. */
export interface Prologue<Caller> {
  journal: Journal;
  faults: FaultPlan;
  /** How the service words the `malformed` and `error` faults' replies. */
  replies: FaultReplies;
  /** The service's sign-in, checked after the faults and before the resolver. */
  authenticate?: (request: Request) => Authentication<Caller>;
}

/** What a resolver behind the prologue is given. */
export interface Served<Caller, Params> {
  request: Request;
  url: URL;
  params: Params;
  /** The journal operation the request is answered as (and its faults are matched on). */
  operation: string;
  caller: Caller;
}

type Resolver<Caller, Params> = (served: Served<Caller, Params>) => Response | Promise<Response>;

/**
 * The one resolver wrapper every service handler goes through: the fault injected for the
 * operation fires first (journaled; `delay` waits and goes on, `reset` drops the connection,
 * `malformed` and `error` answer in the service's words), then the sign-in (a refusal is journaled
 * as `{ login }` with its status), then the resolver.
 */
export function prologue<Caller = undefined>(service: Prologue<Caller>) {
  return <Params = Record<string, string | readonly string[] | undefined>>(
    operation: string | ((request: Request, url: URL) => string),
    resolve: Resolver<Caller, Params>,
  ) =>
    async ({ request, params }: { request: Request; params: Params }): Promise<Response> => {
      const url = new URL(request.url);
      const name = typeof operation === 'function' ? operation(request, url) : operation;
      const fault = await firedFault(service, name, request, url);
      if (fault) return fault;
      let caller = undefined as Caller;
      if (service.authenticate) {
        const auth = service.authenticate(request);
        if ('denied' in auth) {
          service.journal.record({
            operation: name,
            request: { login: auth.login },
            outcome: { status: auth.denied.status },
          });
          return auth.denied;
        }
        caller = auth.caller;
      }
      return resolve({ request, url, params, operation: name, caller });
    };
}

async function firedFault(
  service: Prologue<unknown>,
  operation: string,
  request: Request,
  url: URL,
): Promise<Response | undefined> {
  const fault = service.faults.take(operation);
  if (!fault) return undefined;
  service.journal.record({
    operation,
    request: { method: request.method, target: excerpt(url.pathname + url.search, 160) },
    outcome: { fault: fault.kind, ...(fault.code !== undefined ? { code: fault.code } : {}) },
    fault: fault.kind,
  });
  if (fault.kind === 'delay') {
    await sleep(fault.delayMs ?? 0);
    return undefined;
  }
  if (fault.kind === 'reset') return HttpResponse.error();
  const reply =
    fault.kind === 'malformed'
      ? service.replies.malformed
      : service.replies.error(fault.code!, fault.message);
  return new Response(reply.body, { status: reply.status, headers: { 'content-type': reply.contentType } });
}
