type Params = Record<string, string>;

/**
 * An msw request predicate for a path template (`/ucwa/oauth/v1/applications/:me/people/search`):
 * matched against the request's path only, whatever host the request names (msw's own string paths
 * resolve against an origin, which a loopback IPv6 address does not survive). `:name` stands for one
 * segment, handed to the resolver decoded; `*` for the rest of the path.
 */
export function pathIs(template: string) {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  const pattern = new RegExp(`^${source}$`);
  return ({ request }: { request: Request }): { matches: boolean; params: Params } => {
    const found = pattern.exec(new URL(request.url).pathname);
    if (!found) return { matches: false, params: {} };
    return {
      matches: true,
      params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])])),
    };
  };
}
