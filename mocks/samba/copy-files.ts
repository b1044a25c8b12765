import { cpSync, lstatSync } from 'node:fs';

/** Copies a Samba directory tree, leaving out the sockets a running Samba leaves behind (msg.sock, ldapi). */
export function copyFiles(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => !lstatSync(source).isSocket() });
}
