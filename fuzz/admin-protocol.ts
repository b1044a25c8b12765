import { ADMIN_SERVICES, adminInput, withToken } from './admin-inputs';
import { adminHealth } from './http-probe';
import { httpAnswerKind, httpComplete } from './http-request';
import { withoutOneHeader } from './http-simpler';
import type { Protocol } from './protocol';
import { urlPort } from './protocol';
import { ENTRIES } from './server-process';
import { talk } from './wire';

/** The admin API every mock serves, with and without the bearer token (LYNC_MOCK_ADMIN_TOKEN). */
export const adminProtocol: Protocol = {
  name: 'admin',
  entry: ENTRIES.services,
  args: ADMIN_SERVICES,
  concurrency: 8,
  cutBytes: false,
  simpler: withoutOneHeader,
  generate: adminInput,
  async send(server, input, timeoutMs) {
    const port = urlPort(server.urls[input.target].admin);
    const result = await talk(port, withToken(input.bytes), {
      complete: httpComplete,
      quietMs: 300,
      timeoutMs,
    });
    return { kind: httpAnswerKind(result), ending: result.ending };
  },
  alive: async (server) => !(await adminHealth(server.urls)),
  health: (server) => adminHealth(server.urls),
};
