/**
 * The only file that touches ldapjs (no longer maintained upstream): it accepts TCP connections and
 * decodes requests with ldapjs's BER parser, and hands plain requests to the mock. Everything the mock
 * answers is encoded by ber.ts and written here. Malformed input ends that connection only.
 */
import type { Socket } from 'node:net';
import type { AttributeValue } from '../../src/tenant/entry';
import { BINARY_ATTRIBUTES } from '../../src/tenant/entry';
import type { Filter } from './filter';
import { Framer } from './framer';
import { decodeSearch, protocolOpOf } from './search-decoder';

export type LdapRequest =
  | { op: 'bind'; messageId: number; name: string; password: string; sasl: boolean }
  | {
      op: 'search';
      messageId: number;
      base: string;
      scope: 'base' | 'one' | 'sub';
      filter: Filter;
      attributes: string[];
      sizeLimit: number;
      controls: Array<{ oid: string; critical: boolean; value?: unknown }>;
    }
  | {
      op: 'add';
      messageId: number;
      dn: string;
      attributes: Array<{ name: string; values: AttributeValue[] }>;
    }
  | {
      op: 'modify';
      messageId: number;
      dn: string;
      changes: Array<{ operation: 'add' | 'replace' | 'delete'; name: string; values: AttributeValue[] }>;
    }
  | { op: 'delete'; messageId: number; dn: string }
  | {
      op: 'modifyDn';
      messageId: number;
      dn: string;
      newRdn: string;
      deleteOldRdn: boolean;
      newSuperior?: string;
    }
  | { op: 'extended'; messageId: number; name: string }
  | { op: 'compare'; messageId: number; dn: string }
  | { op: 'unbind' | 'abandon'; messageId: number };

export interface Connection {
  id: string;
  /** Writes one message, or several in one corked write (a search's entries and its done message). */
  write(bytes: Buffer | Buffer[]): void;
  destroy(): void;
}

export interface ListenerOptions {
  host: string;
  port: number;
  onRequest(conn: Connection, request: LdapRequest): void;
  onClose(conn: Connection): void;
  onProtocolError(error: Error): void;
}

// biome-ignore lint/suspicious/noExplicitAny: ldapjs ships no types for its v3 API
type Any = any;
const ldap: Any = require('ldapjs');

export async function startLdapListener(
  options: ListenerOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  let seq = 0;
  const sockets = new Set<Socket>();
  const server: Any = ldap.createServer({
    connectionRouter: (socket: Socket) => {
      socket.setNoDelay(true);
      sockets.add(socket);
      server.newConnection(socket);
      const conn: Connection = {
        id: `c${++seq}`,
        write: (bytes) => {
          if (socket.destroyed) return;
          if (!Array.isArray(bytes)) {
            socket.write(bytes);
            return;
          }
          let size = 0;
          for (const b of bytes) size += b.length;
          // Small answers go out as one buffer (one write); large pages corked into one writev.
          if (size <= 16384) {
            socket.write(bytes.length === 1 ? bytes[0] : Buffer.concat(bytes, size));
            return;
          }
          socket.cork();
          for (const b of bytes) socket.write(b);
          socket.uncork();
        },
        destroy: () => socket.destroy(),
      };
      const parser = (socket as Any).parser;
      parser.removeAllListeners('message');
      parser.on('message', (message: Any) => {
        const request = decode(message);
        if (request) options.onRequest(conn, request);
        else socket.destroy();
      });
      // Frames are cut here: search requests (the hot path) are decoded by search-decoder.ts, every other
      // operation by ldapjs's parser. A malformed frame, or an exception out of ldapjs, ends this connection.
      socket.removeAllListeners('data');
      const framer = new Framer();
      socket.on('data', (chunk: Buffer) => {
        try {
          for (const frame of framer.push(chunk)) {
            if (protocolOpOf(frame) === 0x63) options.onRequest(conn, decodeSearch(frame));
            else parser.write(frame);
          }
        } catch (error) {
          options.onProtocolError(error as Error);
          socket.destroy();
        }
      });
      socket.on('close', () => {
        sockets.delete(socket);
        options.onClose(conn);
      });
    },
  });
  server.on('error', (error: Error) => options.onProtocolError(error));
  server.on('clientError', (error: Error) => options.onProtocolError(error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: server.server.address().port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function decode(m: Any): LdapRequest | undefined {
  const messageId: number = m.messageId;
  switch (m.type) {
    case 'BindRequest':
      return {
        op: 'bind',
        messageId,
        name: String(m.name ?? ''),
        password: String(m.credentials ?? ''),
        sasl: m.authentication === 'sasl',
      };
    case 'AddRequest':
      return {
        op: 'add',
        messageId,
        dn: String(m.entry),
        attributes: (m.attributes as Any[]).map(attributeFrom),
      };
    case 'ModifyRequest':
      return {
        op: 'modify',
        messageId,
        dn: String(m.object),
        changes: (m.changes as Any[]).map((c) => ({
          operation: c.operation,
          ...attributeFrom(c.modification),
        })),
      };
    case 'DeleteRequest':
      return { op: 'delete', messageId, dn: String(m.entry) };
    case 'ModifyDnRequest':
      return {
        op: 'modifyDn',
        messageId,
        dn: String(m.entry),
        newRdn: String(m.newRdn),
        deleteOldRdn: Boolean(m.deleteOldRdn),
        newSuperior: m.newSuperior ? String(m.newSuperior) : undefined,
      };
    case 'ExtensionRequest':
      return { op: 'extended', messageId, name: String(m.requestName ?? '') };
    case 'CompareRequest':
      return { op: 'compare', messageId, dn: String(m.entry) };
    case 'UnbindRequest':
      return { op: 'unbind', messageId };
    case 'AbandonRequest':
      return { op: 'abandon', messageId };
    default:
      return undefined;
  }
}

function attributeFrom(a: Any): { name: string; values: AttributeValue[] } {
  const name = String(a.type);
  const binary = BINARY_ATTRIBUTES.has(name.toLowerCase());
  return {
    name,
    values: binary
      ? (a.buffers as Buffer[]).map((b) => new Uint8Array(b))
      : (a.values as string[]).map(String),
  };
}
