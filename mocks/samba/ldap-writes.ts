import { Attribute, Change, Client } from 'ldapts';
import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import type { LdifRecord } from '../../src/tenant/ldif-records';

/** An LDAP connection to a Samba DC, bound as its Administrator (by DOMAIN\user, as AD takes it). */
export async function adminClient(url: string, workgroup: string, password: string): Promise<Client> {
  const client = new Client({ url, timeout: 60_000, connectTimeout: 5_000 });
  await client.bind(`${workgroup}\\Administrator`, password);
  return client;
}

export function attribute(name: string, values: AttributeValue[]): Attribute {
  const texts = values.every((v) => typeof v === 'string');
  return new Attribute({
    type: name,
    values: texts
      ? (values as string[])
      : values.map((v) => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v))),
  });
}

export function addEntry(client: Client, entry: DirectoryEntry, names: string[]): Promise<void> {
  return client.add(
    entry.dn,
    names.map((n) => attribute(n, entry.get(n))),
  );
}

/** Applies LDIF add and modify records in order (the schema extension); any other kind is refused. */
export async function applyRecords(client: Client, records: LdifRecord[]): Promise<void> {
  for (const record of records) {
    if (record.type === 'add') await addEntry(client, record.entry, record.entry.names());
    else if (record.type === 'modify')
      await client.modify(
        record.dn,
        record.modifications.map(
          (m) => new Change({ operation: m.operation, modification: attribute(m.attribute, m.values) }),
        ),
      );
    else throw new Error(`[samba] the schema extension holds a ${record.type} record at line ${record.line}`);
  }
}
