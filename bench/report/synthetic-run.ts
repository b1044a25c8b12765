import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/catalog';
import { storeEvidence } from '../../src/run/evidence';
import type { RunConfig } from '../../src/run/run-config';
import { envelopes, type Scenario } from '../../test/fixtures/cucumber-envelopes';

/**
 * A finished run on a tenant of `objects` directory objects, shaped like a whole-suite run: every
 * catalog rule with three rule-example scenarios (two-witness checks, mock journals of 200 exchanges),
 * and eight tenant checks over every object. One of them (a search limitation) is a finding for every
 * object, so the findings run to 100k+.
 */
export function writeSyntheticRun(dir: string, objects: number): { outcomes: number } {
  mkdirSync(dir, { recursive: true });
  const catalog = loadCatalog();
  const scenarios: Scenario[] = [];
  const journal = {
    service: 'ldap-abc',
    total: 200,
    entries: Array.from({ length: 200 }, (_, i) => ({
      at: '2026-11-24T09:00:00.000Z',
      operation: 'ldap.search',
      request: { base: 'DC=abc,DC=corp', scope: 'sub', filter: `(anr=Person ${i})` },
      outcome: { resultCode: 0, entries: 1 },
    })),
  };
  for (const rule of catalog.rules) {
    for (let k = 0; k < 3; k++) {
      const check = {
        rules: [rule.id],
        claim: `claim ${k} of ${rule.id}`,
        expected: true,
        verdict: 'agree',
        observations: [
          { witness: 'model', value: true, agrees: true },
          {
            witness: 'ldap',
            value: true,
            agrees: true,
            detail: { filter: '(mail=jed.hill@abc.corp)', entries: 1 },
          },
        ],
      };
      scenarios.push({
        id: `${rule.id}-${k}`,
        name: `${rule.id} example ${k}`,
        uri: `features/${rule.area.toLowerCase()}/${rule.id}.feature`,
        tags: [`@${rule.id}`, `@${rule.kind}`, ...(k === 1 ? ['@shows-failure'] : [])],
        attachments: [
          ['check', check],
          ['journal', journal],
          ['witnesses', { witnesses: ['ldap', 'model'] }],
        ],
      });
    }
  }
  let outcomes = 0;
  const tenantRules = ['GAL-03', 'GAL-04', 'GAL-05', 'GAL-06', 'GAL-07', 'SRCH-02', 'SRCH-03', 'POL-01'];
  for (const rule of tenantRules) {
    const list = tenantOutcomes(rule, objects);
    outcomes += list.length;
    const flagged = list.filter((f) => f.outcome === 'finding');
    const summary = {
      rule,
      scenario: `Every object is checked for ${rule}`,
      objectsChecked: list.length,
      holds: list.length - flagged.length,
      findings: flagged.length,
      blocking: flagged.filter((f) => f.severity === 'blocking').length,
      evidence: storeEvidence(dir, JSON.stringify(list)),
      sample: flagged.slice(0, 20),
    };
    const area = rule.split('-')[0].toLowerCase();
    scenarios.push({
      id: `tenant-${rule}`,
      name: summary.scenario,
      uri: `features/${area}/${rule}.feature`,
      tags: [`@${rule}`, '@documented', '@tenant-check'],
      attachments: [
        ['findings', summary],
        ['witnesses', { witnesses: ['model'] }],
      ],
    });
  }
  const lines = envelopes(scenarios, true).map((e) => JSON.stringify(e));
  writeFileSync(join(dir, 'messages.ndjson'), `${lines.join('\n')}\n`);
  const config: RunConfig = {
    runId: 'bench-report',
    outDir: dir,
    tenantFiles: [],
    sampleSize: objects,
    mode: 'embedded',
    settings: {},
    wireSample: 200,
  };
  writeFileSync(join(dir, 'run-config.json'), JSON.stringify(config));
  return { outcomes };
}

function tenantOutcomes(rule: string, objects: number) {
  const everyone = rule === 'SRCH-02';
  return Array.from({ length: objects }, (_, i) => {
    const forest = i % 2 ? 'abc.corp' : 'xyz.corp';
    const roll = (i * 2654435761) % 1000;
    const finding = everyone || roll < 50;
    const severity = everyone ? 'info' : roll < 20 ? 'blocking' : 'warning';
    return {
      rule,
      dn: `CN=Person ${i},OU=${i % 3 ? 'Users' : 'GALSync'},DC=${forest.split('.')[0]},DC=corp`,
      forest,
      outcome: finding ? 'finding' : 'holds',
      ...(finding ? { severity } : {}),
      message: everyone
        ? 'Lync Mobile, Lync for Mac and OWA search EWS only: they will not find this contact'
        : finding
          ? `msRTCSIP-PrimaryUserAddress "person.${i}@${forest}" lacks the sip: prefix`
          : `carries the sip: prefix (sip:person.${i}@${forest})`,
      witnesses: ['model'],
    };
  });
}
