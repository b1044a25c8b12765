import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { After, Given, Then, When } from '@cucumber/cucumber';
import { replicateUsers } from '../../src/clients/ldap/user-replicator';
import { LyncOnPremisesClient } from '../../src/clients/tls/lync-onpremises';
import type { DirectoryWitness } from '../../src/harness/data-space';
import { PoolAdmin } from '../../src/harness/service-admin';
import type { StartedService } from '../../src/harness/started-service';
import { downloadsLyncAddressBook } from '../../src/model/srch';
import { addressBookFinds } from '../../src/model/srch-address-book';
import { poolInstallBody } from '../../src/pki/fixtures';
import { POOL_FQDN } from '../../src/pki/lab';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { HarnessWorld } from '../support/world';

interface OnPremisesContext {
  /** The signed-in user's SIP address. */
  sip: string;
  /** The client whose pool's address book the User Replicator read from ABC's mock DC. */
  client: LyncOnPremisesClient;
  /** The clients' profile folders (a temporary directory, removed after the scenario). */
  profile: string;
  pool: StartedService;
  trustedPem: string[];
  abc: DirectoryEntry[];
  /** ABC's domain controllers the User Replicator reads (the mock DC; Samba's too with --ldap samba). */
  sources: DirectoryWitness[];
  query?: string;
  /** What the search found, per domain controller the address book was replicated from. */
  found: Partial<Record<DirectoryWitness['witness'], string[]>>;
}

const onPremises = (w: HarnessWorld) =>
  w.area<OnPremisesContext | undefined>('srch-onpremises', () => undefined);

/**
 * SRCH-08 on-premises: ABC's pool with its Address Book Service filled by the User Replicator (an LDAP
 * read of ABC's DC), and a Lync 2010 for Windows client of an ABC user signed in to it.
 */
Given(
  "{string} uses Lync 2010 for Windows signed in to ABC's Lync Server on-premises",
  async function (this: HarnessWorld, name: string) {
    const sources = await this.fixtures.directories('onpremises');
    const abc = sources[0].dc;
    const user = abc.forest.entries.find((e) => e.isA('user') && e.first('cn') === name);
    const sip = user?.first('msRTCSIP-PrimaryUserAddress');
    if (!sip) throw new Error(`[srch] ABC has no Lync user named "${name}"`);
    const pool = await this.env.frontEnd();
    const install = await poolInstallBody('via intermediate');
    await pool.admin.loadData(JSON.stringify(install), 'application/json');
    const profile = mkdtempSync(join(tmpdir(), 'lync2010-profile-'));
    const trustedPem =
      install.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
    this.area('srch-onpremises', () => ({
      sip,
      client: new LyncOnPremisesClient(sip, join(profile, 'ldap')),
      profile,
      pool,
      trustedPem,
      abc: abc.forest.entries,
      sources,
      found: {},
    }));
  },
);

When(
  '{string} searches the Lync address book for {string}',
  async function (this: HarnessWorld, _name: string, query: string) {
    const s = onPremises(this);
    if (!s)
      throw new Error(
        '[srch] no on-premises client: start with "uses Lync 2010 for Windows signed in to ..."',
      );
    s.query = query;
    // The pool's address book from each DC in turn, each downloaded by a client profile of its own.
    for (const { witness, dc } of s.sources) {
      await new PoolAdmin(s.pool.admin).setAddressBook(await replicateUsers(dc.admin));
      const client =
        witness === 'ldap' ? s.client : new LyncOnPremisesClient(s.sip, join(s.profile, witness));
      await client.provision({ sip: s.pool.urls.sip, fqdn: POOL_FQDN, trustedPem: s.trustedPem });
      await client.downloadAddressBook(await s.pool.admin.now());
      s.found[witness] = client.search(query).map((e) => e.displayName);
    }
  },
);

Then('Lync downloads the Lync address book from the pool', async function (this: HarnessWorld) {
  const s = onPremises(this)!;
  const journal = await s.pool.admin.journal({ correlationId: this.scenario.id });
  const downloads = journal.filter((e) => e.operation === 'abs.download' && e.outcome.status === 200);
  await this.verify({
    rule: 'SRCH-08',
    claim: 'an on-premises Lync client downloads the Lync address book',
    expected: true,
    model: downloadsLyncAddressBook('onpremises'),
    observations: [
      {
        witness: 'client:Lync 2010 for Windows',
        value: s.client.downloaded !== undefined,
        detail: { absUrl: s.client.absUrl, file: s.client.downloaded, folder: s.client.folder() },
      },
      {
        witness: 'lync-fe',
        value: downloads.length > 0,
        detail: journal.filter((e) => e.operation.startsWith('abs.') || e.operation === 'sip.provisioning'),
      },
    ],
  });
});

Then('the address book search finds {string}', async function (this: HarnessWorld, name: string) {
  const s = onPremises(this)!;
  await this.verify({
    rule: 'SRCH-08',
    claim: `searching the downloaded address book for "${s.query}" finds ${name}`,
    expected: true,
    model: addressBookFinds(s.abc, s.query ?? '', name),
    observations: s.sources.map(({ witness }) => ({
      // The mock DC's side is the client's own; Samba's is the same client fed from Samba's AD DC.
      witness: witness === 'ldap' ? 'client:Lync 2010 for Windows' : witness,
      value: s.found[witness]?.includes(name) ?? false,
      detail: s.found[witness],
    })),
  });
});

After(function (this: HarnessWorld) {
  const s = onPremises(this);
  if (s) rmSync(s.profile, { recursive: true, force: true });
});
