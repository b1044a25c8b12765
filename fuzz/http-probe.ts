import { request } from 'node:http';

export interface ProbeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One plain HTTP request on its own connection (no pool), for health checks; undefined when unanswered. */
export function httpProbe(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<ProbeAnswer | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(undefined);
    }, options.timeoutMs ?? 5000);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    req.end(options.body);
  });
}

/** Every service's `GET /__admin/health` answers 200 with status ok (it stays open without a token). */
export async function adminHealth(urls: Record<string, Record<string, string>>, timeoutMs = 2000) {
  const problems: string[] = [];
  await Promise.all(
    Object.entries(urls).map(async ([name, u]) => {
      const answer = await httpProbe(`${u.admin}/__admin/health`, { timeoutMs });
      const ok = answer?.status === 200 && /"status":"ok"/.test(answer.body.toString());
      if (!ok)
        problems.push(`${name}: GET /__admin/health ${answer ? `answered ${answer.status}` : 'unanswered'}`);
    }),
  );
  return problems.length ? problems.join('; ') : undefined;
}
