import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { httpCall } from '../../util/http-call';
import type { AddressBookEntry } from '../ldap/user-replicator';

/** What Lync 2010 for Windows signs in to on-premises: the pool's registrar (TLS) and its FQDN. */
export interface OnPremisesPool {
  sip: string;
  fqdn: string;
  /** The CA certificates the desktop trusts for the pool's certificate (PEM). */
  trustedPem: string[];
}

/**
 * Lync 2010 for Windows signed in to an on-premises Lync Server: in-band provisioning names the Address
 * Book Service; the client downloads the day's full file and keeps it as GalContacts.db in its profile
 * (…\AppData\Local\Microsoft\Communicator\sip_<address>\), and searches it locally.
 */
export class LyncOnPremisesClient {
  absUrl?: string;
  downloaded?: string;

  constructor(
    readonly sipAddress: string,
    private readonly profile: string,
  ) {}

  /** SUBSCRIBE for vnd-microsoft-provisioning-v2; keeps the Address Book Service URL it names. */
  async provision(pool: OnPremisesPool): Promise<string | undefined> {
    const answer = await sipRequest(
      pool,
      `SUBSCRIBE sip:${this.sipAddress.replace(/^sip:/, '')} SIP/2.0\r\nEvent: vnd-microsoft-provisioning-v2\r\n` +
        'Accept: application/vnd-microsoft-roaming-provisioning-v2+xml\r\nContent-Length: 0\r\n\r\n',
    );
    if (!answer.startsWith('SIP/2.0 200'))
      throw new Error(`[lync-2010] provisioning answered "${answer.split('\r\n')[0]}"`);
    this.absUrl = /<absInternalServerUrl>([^<]+)<\/absInternalServerUrl>/.exec(answer)?.[1];
    return this.absUrl;
  }

  /** Downloads the day's full address book file, when provisioning named a service. */
  async downloadAddressBook(today: Date): Promise<boolean> {
    if (!this.absUrl) return false;
    const days = Math.floor((today.getTime() - Date.UTC(2000, 0, 1)) / 86_400_000);
    const file = `F-${days.toString(16).padStart(4, '0')}.lsabs`;
    const response = await httpCall(`${this.absUrl}/${file}`);
    const text = response.text();
    if (!response.ok)
      throw new Error(`[lync-2010] the address book file ${file}: HTTP ${response.status} ${text.trim()}`);
    mkdirSync(this.folder(), { recursive: true });
    writeFileSync(join(this.folder(), 'GalContacts.db'), text);
    this.downloaded = file;
    return true;
  }

  /** A search answered from GalContacts.db: entries whose name (any word) or SIP address starts with the query. */
  search(query: string): AddressBookEntry[] {
    let text: string;
    try {
      text = readFileSync(join(this.folder(), 'GalContacts.db'), 'utf8');
    } catch {
      return [];
    }
    const q = query.trim().toLowerCase();
    return text
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AddressBookEntry)
      .filter((e) =>
        [...e.displayName.toLowerCase().split(/\s+/), e.sip.slice(4).toLowerCase()].some((w) =>
          w.startsWith(q),
        ),
      );
  }

  folder(): string {
    return join(
      this.profile,
      'AppData',
      'Local',
      'Microsoft',
      'Communicator',
      `sip_${this.sipAddress.replace(/^sip:/, '')}`,
    );
  }
}

function sipRequest(pool: OnPremisesPool, request: string): Promise<string> {
  const url = new URL(pool.sip);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port),
      servername: pool.fqdn,
      ca: pool.trustedPem,
    });
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('[lync-2010] the registrar did not answer')));
    socket.on('secureConnect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
