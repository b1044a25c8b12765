import type { RequestHandler } from 'msw';

/**
 * The handlers a request of a given method can match, in their order. msw's `getResponse` runs every
 * handler it is given until one answers, and each one it tries costs a URL parse and a cookie-jar
 * look-up before its predicate is asked; a handler declared for another method (`http.get`, its
 * public `info.method`) can never match, so it is left out of the list msw is given.
 */
export function handlersByMethod(handlers: readonly RequestHandler[]): (method: string) => RequestHandler[] {
  const lists = new Map<string, RequestHandler[]>();
  return (method) => {
    const key = method.toUpperCase();
    let list = lists.get(key);
    if (!list) {
      list = handlers.filter((handler) => mayMatch(handler, key));
      lists.set(key, list);
    }
    return list;
  };
}

function mayMatch(handler: RequestHandler, method: string): boolean {
  const declared = (handler.info as { method?: unknown }).method;
  if (typeof declared === 'string') return declared.toUpperCase() === method;
  if (declared instanceof RegExp) return declared.test(method);
  return true;
}
