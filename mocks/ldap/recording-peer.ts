import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { RESPONSE, result } from './ber';
import type { LdapRequest, RequestOf } from './ldap-request';
import { startLdapListener } from './listener';

/**
 * For the decoder tests: the listener with a peer that records every decoded request and answers
 * success (compareTrue to a compare), so real clients run to the end.
 */
export async function startRecordingPeer() {
  const seen: LdapRequest[] = [];
  const errors: Error[] = [];
  const listener = await startLdapListener({
    host: '127.0.0.1',
    port: 0,
    onRequest: (conn, req) => {
      seen.push(req);
      if (req.op === 'unbind') conn.destroy();
      else if (req.op !== 'abandon')
        conn.write(result(req.messageId, RESPONSE[req.op], req.op === 'compare' ? 6 : 0));
    },
    onClose: () => undefined,
    onProtocolError: (error) => errors.push(error),
  });
  const url = `ldap://127.0.0.1:${listener.port}`;
  return {
    port: listener.port,
    url,
    seen,
    errors,
    close: () => listener.close(),
    /** The one request of this operation seen since the last `seen.length = 0`. */
    only<Op extends LdapRequest['op']>(op: Op): RequestOf<Op> {
      const found = seen.filter((r) => r.op === op);
      assert.equal(found.length, 1, `one ${op} request among ${seen.map((r) => r.op).join(', ')}`);
      return found[0] as RequestOf<Op>;
    },
    /** Runs an OpenLDAP tool (simple authentication) against the peer, LDIF on stdin. */
    tool(name: string, args: string[], input = ''): Promise<string> {
      return new Promise((resolve) => {
        const child = execFile(name, ['-x', '-H', url, ...args], (_error, stdout, stderr) =>
          resolve(stdout + stderr),
        );
        child.stdin?.end(input);
      });
    },
  };
}
