import { excerpt, type Journal } from './journal';

/**
 * A site's answer to a service request no handler took: journaled as unmatched under `operation` (so the
 * scenario that sent it fails), then answered the way the service answers an unknown resource.
 */
export function unmatchedRequests(
  journal: Journal,
  operation: string,
  answer: (method: string, path: string) => Response,
): (request: Request) => Response {
  return (request) => {
    const path = new URL(request.url).pathname;
    journal.record({
      operation,
      request: { method: request.method, path: excerpt(path, 160) },
      outcome: { status: 404 },
      unmatched: true,
    });
    return answer(request.method, path);
  };
}
